import type { Cents } from '../../shared/money.ts';
import { startPdf } from '../../shared/pdf.ts';
import type { Statement, StatementAddress, StatementLineInput } from './statement.ts';

// A patient statement on US Letter: practice header, mail-to, the visits' lines, totals, aging,
// how to pay and a remittance stub to tear off. One statement may run over several pages; a
// statement run prints many statements into one file, each starting on a new page.

export interface StatementPdfOptions {
  /** PDF creation date, so the same statement renders to the same bytes (pass the run time). */
  creationDate: Date;
  /** false leaves the content streams readable (tests); default true */
  compress?: boolean;
}

const WIDTH = 612;
const HEIGHT = 792;
const LEFT = 40;
const RIGHT = 572;
const ROWS_TOP = 222;
const ROW_PITCH = 13;
/** Lines per page: the last page keeps room below for totals, aging, how to pay and the stub. */
export const LINES_PER_PAGE = 20;

interface Page {
  statement: Statement;
  lines: StatementLineInput[];
  number: number;
  of: number;
}

/** Statements as one PDF (one or many). pdfkit is imported at the first PDF: loading it costs every start. */
export async function renderStatementsPdf(
  statements: Statement[],
  options: StatementPdfOptions,
): Promise<Buffer> {
  const title =
    statements.length === 1
      ? `Statement ${statements[0]!.patient.accountNumber} ${statements[0]!.statementDate}`
      : `Patient statements (${statements.length})`;
  const { doc, done } = await startPdf({
    title,
    size: [WIDTH, HEIGHT],
    autoFirstPage: false,
    creationDate: options.creationDate,
    ...(options.compress === undefined ? {} : { compress: options.compress }),
  });
  for (const statement of statements)
    for (const page of pagesOf(statement)) {
      doc.addPage({ size: [WIDTH, HEIGHT], margin: 0 });
      drawPage(doc, page);
    }
  doc.end();
  return done;
}

export function pagesOf(statement: Statement): Page[] {
  const lines = statement.visits.flatMap((v) => v.lines);
  const of = Math.max(1, Math.ceil(lines.length / LINES_PER_PAGE));
  return Array.from({ length: of }, (_, i) => ({
    statement,
    lines: lines.slice(i * LINES_PER_PAGE, (i + 1) * LINES_PER_PAGE),
    number: i + 1,
    of,
  }));
}

export const money = (cents: Cents) => {
  const abs = Math.abs(cents);
  const dollars = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${cents < 0 ? '-' : ''}$${dollars}.${String(abs % 100).padStart(2, '0')}`;
};

/** A date as US mail shows it: MM/DD/YYYY. */
export const usDate = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;

const cityLine = (a: StatementAddress) =>
  `${a.city}, ${a.state} ${a.zip.length === 9 ? `${a.zip.slice(0, 5)}-${a.zip.slice(5)}` : a.zip}`;
const addressLines = (a: StatementAddress) =>
  [a.address1, a.address2, cityLine(a)].filter(Boolean) as string[];
const phone = (p: string) => (/^\d{10}$/.test(p) ? `(${p.slice(0, 3)}) ${p.slice(3, 6)}-${p.slice(6)}` : p);

type Doc = PDFKit.PDFDocument;

function text(
  doc: Doc,
  s: string,
  x: number,
  y: number,
  opts: { width?: number; align?: 'right' | 'left' } = {},
): void {
  if (opts.align === 'right') {
    const w = doc.widthOfString(s);
    doc.text(s, x - w, y, { lineBreak: false });
  } else
    doc.text(s, x, y, {
      lineBreak: false,
      ...(opts.width ? { width: opts.width, ellipsis: true, height: 10 } : {}),
    });
}

function drawPage(doc: Doc, page: Page): void {
  const s = page.statement;
  doc.fillColor('black');
  // practice header
  doc.font('Helvetica-Bold').fontSize(14);
  text(doc, s.practice.name, LEFT, 40);
  doc.font('Helvetica').fontSize(9);
  const header = [
    ...addressLines(s.practice),
    ...(s.practice.phone ? [`Phone ${phone(s.practice.phone)}`] : []),
  ];
  header.forEach((l, i) => text(doc, l, LEFT, 60 + i * 11));
  doc.font('Helvetica-Bold').fontSize(16);
  text(doc, 'STATEMENT', RIGHT, 40, { align: 'right' });
  doc.font('Helvetica').fontSize(9);
  const facts = [
    `Statement date ${usDate(s.statementDate)}`,
    `Account ${s.patient.accountNumber}`,
    `Patient ${s.patientName}`,
    `Page ${page.number} of ${page.of}`,
  ];
  facts.forEach((l, i) => text(doc, l, RIGHT, 62 + i * 11, { align: 'right' }));
  // mail-to
  doc.font('Helvetica-Bold').fontSize(10);
  text(doc, s.mailTo.name, 72, 128);
  doc.font('Helvetica').fontSize(10);
  addressLines(s.mailTo).forEach((l, i) => text(doc, l, 72, 141 + i * 12));
  // amount due box
  doc
    .rect(400, 122, RIGHT - 400, 56)
    .lineWidth(1)
    .stroke();
  doc.font('Helvetica').fontSize(9);
  text(doc, 'Amount due', 410, 130);
  doc.font('Helvetica-Bold').fontSize(16);
  text(doc, money(s.amountDueCents), RIGHT - 10, 144, { align: 'right' });
  doc.font('Helvetica').fontSize(9);
  text(doc, `Please pay by ${usDate(s.dueDate)}`, 410, 164);
  drawLines(doc, page.lines);
  if (page.number < page.of) {
    doc.font('Helvetica-Oblique').fontSize(9);
    text(doc, 'Continued on the next page', LEFT, ROWS_TOP + LINES_PER_PAGE * ROW_PITCH + 8);
    return;
  }
  drawTotals(doc, s, ROWS_TOP + page.lines.length * ROW_PITCH + 4);
  drawAging(doc, s);
  drawHowToPay(doc, s);
  drawStub(doc, s);
}

// x of each column; amounts are right-aligned at their x
const COLUMNS = {
  date: LEFT,
  code: 92,
  description: 150,
  charge: 322,
  insurancePaid: 372,
  insuranceAdjusted: 422,
  patientResponsibility: 472,
  patientPaid: 522,
  patientBalance: RIGHT,
};

function drawLines(doc: Doc, lines: StatementLineInput[]): void {
  const y0 = ROWS_TOP - 22;
  doc.font('Helvetica-Bold').fontSize(7.5);
  text(doc, 'Date', COLUMNS.date, y0 + 8);
  text(doc, 'Code', COLUMNS.code, y0 + 8);
  text(doc, 'Description', COLUMNS.description, y0 + 8);
  const heads: [keyof typeof COLUMNS, string, string][] = [
    ['charge', '', 'Charge'],
    ['insurancePaid', 'Insurance', 'paid'],
    ['insuranceAdjusted', 'Insurance', 'adjusted'],
    ['patientResponsibility', 'Your', 'share'],
    ['patientPaid', 'You', 'paid'],
    ['patientBalance', 'You', 'owe'],
  ];
  for (const [key, a, b] of heads) {
    if (a) text(doc, a, COLUMNS[key], y0, { align: 'right' });
    text(doc, b, COLUMNS[key], y0 + 8, { align: 'right' });
  }
  doc
    .moveTo(LEFT, ROWS_TOP - 4)
    .lineTo(RIGHT, ROWS_TOP - 4)
    .lineWidth(0.5)
    .stroke();
  doc.font('Helvetica').fontSize(8);
  lines.forEach((l, i) => {
    const y = ROWS_TOP + i * ROW_PITCH;
    // a faint rule between visits
    if (i > 0 && l.encounterId !== lines[i - 1]!.encounterId)
      doc
        .save()
        .moveTo(LEFT, y - 3)
        .lineTo(RIGHT, y - 3)
        .lineWidth(0.3)
        .strokeColor('#bbbbbb')
        .stroke()
        .restore();
    text(doc, usDate(l.serviceDate), COLUMNS.date, y);
    text(doc, [l.procedureCode, ...l.modifiers].join(' '), COLUMNS.code, y);
    const note = l.description ?? (l.insuranceBalanceCents > 0 ? 'Insurance pending' : '');
    if (note) text(doc, note, COLUMNS.description, y, { width: 120 });
    text(doc, money(l.chargeCents), COLUMNS.charge, y, { align: 'right' });
    text(doc, money(l.insurancePaidCents), COLUMNS.insurancePaid, y, { align: 'right' });
    text(doc, money(l.insuranceAdjustedCents), COLUMNS.insuranceAdjusted, y, { align: 'right' });
    text(doc, money(l.patientResponsibilityCents), COLUMNS.patientResponsibility, y, { align: 'right' });
    text(doc, money(l.patientPaidCents), COLUMNS.patientPaid, y, { align: 'right' });
    text(doc, money(l.patientBalanceCents), COLUMNS.patientBalance, y, { align: 'right' });
  });
}

function drawTotals(doc: Doc, s: Statement, y: number): void {
  doc.moveTo(LEFT, y).lineTo(RIGHT, y).lineWidth(0.5).stroke();
  doc.font('Helvetica-Bold').fontSize(8);
  const t = s.totals;
  text(doc, 'Totals', COLUMNS.description, y + 5);
  text(doc, money(t.chargeCents), COLUMNS.charge, y + 5, { align: 'right' });
  text(doc, money(t.insurancePaidCents), COLUMNS.insurancePaid, y + 5, { align: 'right' });
  text(doc, money(t.insuranceAdjustedCents), COLUMNS.insuranceAdjusted, y + 5, { align: 'right' });
  text(doc, money(t.patientResponsibilityCents), COLUMNS.patientResponsibility, y + 5, { align: 'right' });
  text(doc, money(t.patientPaidCents), COLUMNS.patientPaid, y + 5, { align: 'right' });
  text(doc, money(t.patientBalanceCents), COLUMNS.patientBalance, y + 5, { align: 'right' });
  doc.font('Helvetica').fontSize(8);
  let next = y + 18;
  if (s.creditCents > 0) {
    text(doc, 'Unapplied credit on your account', COLUMNS.description, next);
    text(doc, money(-s.creditCents), COLUMNS.patientBalance, next, { align: 'right' });
    next += 11;
  }
  if (t.insuranceBalanceCents > 0) {
    text(
      doc,
      `Insurance has not yet paid ${money(t.insuranceBalanceCents)}; it is not included in what you owe.`,
      COLUMNS.description,
      next,
    );
    next += 11;
  }
  doc.font('Helvetica-Bold').fontSize(9);
  text(doc, 'Amount due now', COLUMNS.patientResponsibility - 40, next + 2);
  text(doc, money(s.amountDueCents), COLUMNS.patientBalance, next + 2, { align: 'right' });
}

const AGING_Y = 520;

function drawAging(doc: Doc, s: Statement): void {
  doc.font('Helvetica-Bold').fontSize(8);
  text(doc, 'Your balance by age (days since the date of service)', LEFT, AGING_Y);
  const width = (RIGHT - LEFT) / s.aging.labels.length;
  s.aging.labels.forEach((label, i) => {
    const x = LEFT + i * width;
    doc
      .rect(x, AGING_Y + 12, width, 28)
      .lineWidth(0.5)
      .stroke();
    doc.font('Helvetica').fontSize(7.5);
    text(doc, label, x + 4, AGING_Y + 15);
    doc.font('Helvetica-Bold').fontSize(9);
    text(doc, money(s.aging.row.buckets[i]!), x + width - 4, AGING_Y + 27, { align: 'right' });
  });
}

function drawHowToPay(doc: Doc, s: Statement): void {
  doc.font('Helvetica-Bold').fontSize(8);
  text(doc, 'How to pay', LEFT, 570);
  doc.font('Helvetica').fontSize(8);
  doc.text(s.howToPay, LEFT, 581, { width: RIGHT - LEFT, height: 40, ellipsis: true });
}

function drawStub(doc: Doc, s: Statement): void {
  const y = 630;
  doc.moveTo(LEFT, y).lineTo(RIGHT, y).dash(4, { space: 3 }).lineWidth(0.5).stroke().undash();
  doc.font('Helvetica').fontSize(7);
  text(doc, 'Please detach and return this part with your payment.', LEFT, y + 4);
  const payTo: StatementAddress = s.practice.payToAddress1
    ? {
        address1: s.practice.payToAddress1,
        city: s.practice.payToCity ?? '',
        state: s.practice.payToState ?? '',
        zip: s.practice.payToZip ?? '',
      }
    : s.practice;
  doc.font('Helvetica').fontSize(8);
  text(doc, 'Make checks payable to and mail to', LEFT, y + 22);
  doc.font('Helvetica-Bold').fontSize(10);
  text(doc, s.practice.name, LEFT, y + 34);
  doc.font('Helvetica').fontSize(10);
  addressLines(payTo).forEach((l, i) => text(doc, l, LEFT, y + 47 + i * 12));
  const rows: [string, string][] = [
    ['Account', s.patient.accountNumber],
    ['Patient', s.patientName],
    ['Statement date', usDate(s.statementDate)],
    ['Amount due', money(s.amountDueCents)],
    ['Amount enclosed', '$____________'],
  ];
  rows.forEach(([label, value], i) => {
    doc.font('Helvetica').fontSize(8);
    text(doc, label, 340, y + 22 + i * 15);
    doc.font(label === 'Amount due' ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    text(doc, value, RIGHT, y + 22 + i * 15, { align: 'right' });
  });
  doc.font('Helvetica').fontSize(7);
  text(doc, 'Card number ______________________  exp. ______', 340, y + 100);
  text(doc, 'Signature ______________________________________', 340, y + 114);
}
