// Tests only: a small 835 (005010X221A1) paying stored claims, written as text so it is read back
// through the X12 engine's 835 reader like a payer's file.
import { formatCents } from '../x12/engine/money.ts';
import type { ClaimPayment } from '../x12/transactions/835-types.ts';
import type { PaidLine } from './cob.ts';

export interface EraLine {
  line: {
    id: number;
    procedureCode: string;
    revenueCode: string | null;
    modifiers: string[];
    units: number;
    chargeCents: number;
    serviceDate: string;
  };
  paidCents: number;
  adjustments: { group: string; reason: string; amountCents: number }[];
}

export interface EraClaim {
  patientControlNumber: string;
  /** CLP02: 1 processed as primary, 22 reversal… */
  status: string;
  lines: EraLine[];
}

const d8 = (iso: string) => iso.replaceAll('-', '');
const sum = (xs: { amountCents: number }[]) => xs.reduce((s, a) => s + a.amountCents, 0);

/** CAS segments: one per group code, up to six reason/amount pairs each. */
function cas(adjustments: EraLine['adjustments']): string[] {
  const groups = [...new Set(adjustments.map((a) => a.group))];
  return groups.map(
    (g) =>
      `CAS*${g}*${adjustments
        .filter((a) => a.group === g)
        .map((a) => `${a.reason}*${formatCents(a.amountCents)}`)
        .join('**')}`,
  );
}

/** Each 835 line paid to the claim line its REF*6R names, as posting's matcher takes it first. */
export const paidByLineControlNumber = (payment: ClaimPayment): PaidLine[] =>
  payment.serviceLines.map((s) => ({ payment: s, line: { id: Number(s.lineControlNumber) } }));

export function era835(input: { payerName: string; date: string; claims: EraClaim[] }): string {
  const sign = (c: EraClaim) => (c.status === '22' ? -1 : 1);
  const body: string[] = [];
  let total = 0;
  input.claims.forEach((c, i) => {
    const s = sign(c);
    const charge = s * c.lines.reduce((x, l) => x + l.line.chargeCents, 0);
    const paid = s * c.lines.reduce((x, l) => x + l.paidCents, 0);
    const patient = s * sum(c.lines.flatMap((l) => l.adjustments.filter((a) => a.group === 'PR')));
    total += paid;
    body.push(`LX*${i + 1}`);
    body.push(
      `CLP*${c.patientControlNumber}*${c.status}*${formatCents(charge)}*${formatCents(paid)}*${formatCents(patient)}*12*PCN${i + 1}`,
    );
    body.push('NM1*QC*1*DOE*JANE****MI*W000000001');
    for (const l of c.lines) {
      const code = l.line.procedureCode
        ? ['HC', l.line.procedureCode, ...l.line.modifiers].join(':')
        : `NU:${l.line.revenueCode}`;
      const revenue = l.line.procedureCode && l.line.revenueCode ? l.line.revenueCode : '';
      body.push(
        `SVC*${code}*${formatCents(s * l.line.chargeCents)}*${formatCents(s * l.paidCents)}*${revenue}*${l.line.units}`,
      );
      body.push(`DTM*472*${d8(l.line.serviceDate)}`);
      body.push(...cas(l.adjustments.map((a) => ({ ...a, amountCents: s * a.amountCents }))));
      body.push(`REF*6R*${l.line.id}`);
    }
  });
  const date = d8(input.date);
  const segments = [
    `ST*835*0001`,
    `BPR*I*${formatCents(total)}*C*CHK************${date}`,
    `TRN*1*CHK${date}*1512345678`,
    `DTM*405*${date}`,
    `N1*PR*${input.payerName}`,
    'N3*PO BOX 1000',
    'N4*SPRINGFIELD*IL*62701',
    'PER*BL*PROVIDER SERVICES*TE*8005550100',
    'N1*PE*RIVERSIDE CLINIC*XX*1234567893',
    ...body,
  ];
  segments.push(`SE*${segments.length + 1}*0001`);
  const isa = `ISA*00*          *00*          *ZZ*PAYER          *ZZ*RIVER01        *${date.slice(2)}*1200*^*00501*000000001*0*T*:`;
  return [isa, `GS*HP*PAYER*RIVER01*${date}*1200*1*X*005010X221A1`, ...segments, 'GE*1*1', 'IEA*1*000000001']
    .map((s) => `${s}~`)
    .join('\n');
}
