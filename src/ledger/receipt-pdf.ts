// A patient payment's receipt on US Letter: practice header, who paid, how much and how, and
// which visits' lines it paid (what is left is a credit on the account).
import { startPdf } from '../shared/pdf.ts';
import { money, usDate } from './statements/statement-pdf.ts';

export interface Receipt {
  practice: {
    name: string;
    address1: string;
    address2?: string | null;
    city: string;
    state: string;
    zip: string;
    phone?: string | null;
  };
  patient: { name: string; accountNumber: string };
  payment: {
    id: number;
    method: string;
    reference: string | null;
    amountCents: number;
    receivedDate: string;
    memo: string | null;
  };
  lines: { serviceDate: string; procedureCode: string; amountCents: number }[];
  creditCents: number;
  refundedCents: number;
  /** Taken back (a returned check): the receipt says so. */
  reversed?: boolean;
}

const WIDTH = 612;
const HEIGHT = 792;
const LEFT = 50;
const RIGHT = 562;

const phoneText = (p: string) =>
  /^\d{10}$/.test(p) ? `(${p.slice(0, 3)}) ${p.slice(3, 6)}-${p.slice(6)}` : p;
const zipText = (z: string) => (z.length === 9 ? `${z.slice(0, 5)}-${z.slice(5)}` : z);

const METHOD: Record<string, string> = { cash: 'Cash', check: 'Check', card: 'Card' };

export function methodText(p: Receipt['payment']): string {
  const name = METHOD[p.method] ?? p.method;
  if (!p.reference) return name;
  return p.method === 'check' ? `${name} no. ${p.reference}` : `${name}, reference ${p.reference}`;
}

/** pdfkit is imported at the first receipt: loading it costs every server start. */
export async function renderReceiptPdf(
  r: Receipt,
  options: { creationDate: Date; compress?: boolean },
): Promise<Buffer> {
  const { doc, done } = await startPdf({
    title: `Receipt ${r.payment.id}`,
    creationDate: options.creationDate,
    ...(options.compress === undefined ? {} : { compress: options.compress }),
  });
  const at = (s: string, x: number, y: number) => doc.text(s, x, y, { lineBreak: false });
  const right = (s: string, x: number, y: number) => at(s, x - doc.widthOfString(s), y);

  const p = r.practice;
  doc.font('Helvetica-Bold').fontSize(14);
  at(p.name, LEFT, 50);
  doc.font('Helvetica').fontSize(9);
  [p.address1, p.address2, `${p.city}, ${p.state} ${zipText(p.zip)}`, p.phone ? phoneText(p.phone) : null]
    .filter((s): s is string => Boolean(s))
    .forEach((s, i) => at(s, LEFT, 70 + i * 12));
  doc.font('Helvetica-Bold').fontSize(16);
  right('Payment receipt', RIGHT, 50);
  doc.font('Helvetica').fontSize(9);
  right(`Receipt no. ${r.payment.id}`, RIGHT, 72);
  right(`Received ${usDate(r.payment.receivedDate)}`, RIGHT, 84);

  let y = 140;
  if (r.reversed) {
    doc.font('Helvetica-Bold').fontSize(12).fillColor('#b00020');
    at('REVERSED: this payment was taken back', LEFT, 116);
    doc.fillColor('black');
  }
  const row = (label: string, value: string) => {
    doc.font('Helvetica').fontSize(10);
    at(label, LEFT, y);
    doc.font('Helvetica-Bold');
    at(value, LEFT + 130, y);
    y += 16;
  };
  row('Received from', r.patient.name);
  row('Account', r.patient.accountNumber);
  row('Amount', money(r.payment.amountCents));
  row('Paid by', methodText(r.payment));
  if (r.payment.memo) row('Note', r.payment.memo);

  y += 14;
  doc.font('Helvetica-Bold').fontSize(10);
  at('Applied to', LEFT, y);
  y += 16;
  doc.fontSize(9);
  at('Date of service', LEFT, y);
  at('Service', LEFT + 110, y);
  right('Amount', RIGHT, y);
  doc
    .moveTo(LEFT, y + 12)
    .lineTo(RIGHT, y + 12)
    .lineWidth(0.5)
    .stroke();
  y += 18;
  doc.font('Helvetica');
  for (const l of r.lines) {
    // a payment spread over many visits runs onto more pages
    if (y > HEIGHT - 100) {
      doc.addPage({ size: [WIDTH, HEIGHT], margin: 0 });
      doc.font('Helvetica').fontSize(9);
      y = 50;
    }
    at(usDate(l.serviceDate), LEFT, y);
    at(l.procedureCode || 'service', LEFT + 110, y);
    right(money(l.amountCents), RIGHT, y);
    y += 13;
  }
  if (r.lines.length === 0) {
    at('No visit: the payment is held as a credit on the account.', LEFT, y);
    y += 13;
  }
  y += 8;
  if (r.creditCents) {
    at('Credit on the account', LEFT, y);
    right(money(r.creditCents), RIGHT, y);
    y += 13;
  }
  if (r.refundedCents) {
    at('Refunded', LEFT, y);
    right(money(r.refundedCents), RIGHT, y);
    y += 13;
  }
  doc.font('Helvetica-Bold');
  at('Total received', LEFT, y + 4);
  right(money(r.payment.amountCents), RIGHT, y + 4);
  doc.font('Helvetica').fontSize(8);
  at('Thank you. Keep this receipt for your records.', LEFT, HEIGHT - 60);
  doc.end();
  return done;
}
