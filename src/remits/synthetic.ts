// A synthetic 835 for stored claims (tests, the kill test, the benchmark): each claim paid with a
// contractual adjustment and a coinsurance share per line, echoing CLP01 and REF*6R as a payer
// does. Text is written segment by segment, as X221A1 orders them.

export interface SyntheticLine {
  /** REF*6R: our claim line id. */
  lineControlNumber: string;
  procedureCode: string;
  modifiers?: string[];
  chargeCents: number;
  serviceDate: string;
  units?: number;
}

export interface SyntheticClaim {
  patientControlNumber: string;
  patientLastName: string;
  patientFirstName: string;
  memberId: string;
  lines: SyntheticLine[];
  /** paid (default), denied (every line paid 0, CO-50), reversal (CLP02 22 of a paid claim). */
  outcome?: 'paid' | 'denied' | 'reversal';
}

export interface Synthetic835 {
  traceNumber: string;
  payerName: string;
  payerIdentifier: string;
  paymentDate: string;
  claims: SyntheticClaim[];
  /** PLB adjustments: reason and amount (positive = withheld). */
  providerAdjustments?: { reason: string; amountCents: number }[];
  /** Add this to BPR02 to make the transaction unbalanced. */
  paymentErrorCents?: number;
}

const money = (c: number) => {
  const s = c < 0 ? '-' : '';
  const a = Math.abs(c);
  const d = `${Math.trunc(a / 100)}`;
  return a % 100 === 0 ? `${s}${d}` : `${s}${d}.${String(a % 100).padStart(2, '0')}`;
};
const ymd = (iso: string) => iso.replaceAll('-', '');

/** What the payer does with one line: pays 80% of 90% allowed; the patient owes 20% coinsurance. */
export function adjudicateLine(chargeCents: number): {
  paid: number;
  contractual: number;
  coinsurance: number;
} {
  const allowed = Math.round(chargeCents * 0.9);
  const coinsurance = Math.round(allowed * 0.2);
  return { paid: allowed - coinsurance, contractual: chargeCents - allowed, coinsurance };
}

function claimSegments(c: SyntheticClaim): { segments: string[]; paid: number } {
  const sign = c.outcome === 'reversal' ? -1 : 1;
  const lines = c.lines.map((l) => {
    const a =
      c.outcome === 'denied'
        ? { paid: 0, contractual: l.chargeCents, coinsurance: 0 }
        : adjudicateLine(l.chargeCents);
    return { l, paid: sign * a.paid, contractual: sign * a.contractual, coinsurance: sign * a.coinsurance };
  });
  const charge = sign * c.lines.reduce((s, l) => s + l.chargeCents, 0);
  const paid = lines.reduce((s, x) => s + x.paid, 0);
  const pr = lines.reduce((s, x) => s + x.coinsurance, 0);
  const status = c.outcome === 'reversal' ? '22' : c.outcome === 'denied' ? '4' : '1';
  const segments = [
    `CLP*${c.patientControlNumber}*${status}*${money(charge)}*${money(paid)}*${pr ? money(pr) : ''}*12*PAYER${c.patientControlNumber}*11*1`,
    `NM1*QC*1*${c.patientLastName}*${c.patientFirstName}****MI*${c.memberId}`,
  ];
  for (const x of lines) {
    const proc = ['HC', x.l.procedureCode, ...(x.l.modifiers ?? [])].join(':');
    segments.push(`SVC*${proc}*${money(sign * x.l.chargeCents)}*${money(x.paid)}**${x.l.units ?? 1}`);
    segments.push(`DTM*472*${ymd(x.l.serviceDate)}`);
    const cas = c.outcome === 'denied' ? [`CAS*CO*50*${money(x.contractual)}`] : [];
    if (c.outcome !== 'denied') {
      if (x.contractual) cas.push(`CAS*CO*45*${money(x.contractual)}`);
      if (x.coinsurance) cas.push(`CAS*PR*2*${money(x.coinsurance)}`);
    }
    segments.push(...cas, `REF*6R*${x.l.lineControlNumber}`);
  }
  return { segments, paid };
}

/** The 835 interchange text (one transaction) for the claims. */
export function write835(r: Synthetic835): string {
  const body: string[] = [];
  let paid = 0;
  r.claims.forEach((c, i) => {
    if (i === 0) body.push('LX*1');
    const s = claimSegments(c);
    body.push(...s.segments);
    paid += s.paid;
  });
  const plb = r.providerAdjustments ?? [];
  const plbTotal = plb.reduce((s, p) => s + p.amountCents, 0);
  if (plb.length)
    body.push(
      `PLB*1234567893*${ymd(r.paymentDate)}${plb.map((p) => `*${p.reason}:${r.traceNumber}*${money(p.amountCents)}`).join('')}`,
    );
  const total = paid - plbTotal + (r.paymentErrorCents ?? 0);
  const date = ymd(r.paymentDate);
  const header = [
    'ST*835*0001',
    `BPR*I*${money(total)}*C*ACH*CCP*01*011000015*DA*123456789*1${r.payerIdentifier}**01*021000021*DA*987654321*${date}`,
    `TRN*1*${r.traceNumber}*1${r.payerIdentifier}`,
    `DTM*405*${date}`,
    `N1*PR*${r.payerName}`,
    'N3*1 PAYER WAY',
    'N4*COLUMBUS*OH*43215',
    'PER*BL*EDI SUPPORT*TE*6145551212',
    'N1*PE*DEMO PRACTICE*XX*1234567893',
  ];
  const st = [...header, ...body];
  st.push(`SE*${st.length + 1}*0001`);
  const isaDate = date.slice(2);
  const segments = [
    `ISA*00*          *00*          *ZZ*${'PAYER'.padEnd(15)}*ZZ*${'CLEANCLAIM'.padEnd(15)}*${isaDate}*1200*^*00501*000000001*0*T*:`,
    `GS*HP*PAYER*CLEANCLAIM*${date}*1200*1*X*005010X221A1`,
    ...st,
    'GE*1*1',
    'IEA*1*000000001',
  ];
  return segments.map((s) => `${s}~`).join('\n') + '\n';
}
