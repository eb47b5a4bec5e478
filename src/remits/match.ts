// Which of our claims and service lines an 835 claim payment (loop 2100) pays. Pure: the caller
// hands in the candidate claims (those of the payer, or with the patient control number).
import type { ClaimPayment, ServicePayment } from '../x12/index.ts';

export interface CandidateLine {
  /** Claim line id: the 837 carries it as REF*6R, the line item control number. */
  id: number;
  /** The encounter's service line the ledger posts against. */
  serviceLineId: number;
  /** REF*6R as sent, when it is not the claim line id. */
  lineControlNumber?: string;
  serviceDate: string;
  procedureCode: string;
  modifiers: readonly string[];
  /** 837I lines: revenue code (an 835 may pay by SVC01 NU:revenue code). */
  revenueCode?: string | null;
  units: number;
  chargeCents: number;
}

export interface CandidateClaim {
  id: number;
  /** CLM01 as sent. */
  patientControlNumber: string;
  payerId?: number | null;
  patient: { lastName: string; firstName?: string | null; memberId?: string | null };
  lines: readonly CandidateLine[];
}

/** How a line was matched, strongest first. */
export type LineMatchHow =
  | 'line_control_number'
  | 'date_procedure_modifiers'
  | 'date_procedure'
  | 'original_procedure'
  | 'bundled'
  | 'unbundled';

export interface MatchedLine {
  /** 0-based index of the SVC in the claim payment. */
  index: number;
  payment: ServicePayment;
  line: CandidateLine;
  how: LineMatchHow;
}

export type UnmatchedLineReason =
  'no_claim' | 'line_control_number_unknown' | 'no_line_for_date_and_procedure';

export interface UnmatchedLine {
  index: number;
  payment: ServicePayment;
  reason: UnmatchedLineReason;
}

export type ClaimMatchHow = 'patient_control_number' | 'patient_date_procedure';

export interface ClaimMatch {
  claim: CandidateClaim | null;
  how?: ClaimMatchHow;
  /** Why no claim matched, for the unmatched queue. */
  reason?: 'no_claim_with_patient_control_number' | 'no_claim_for_patient_and_services' | 'ambiguous';
  lines: MatchedLine[];
  unmatchedLines: UnmatchedLine[];
  /** Our lines the 835 says nothing about (a claim-level payment, or lines the payer left out). */
  linesNotInRemittance: CandidateLine[];
}

/** The date of service the 835 gives a line: DTM*472, or 150 (period start); else the claim's 232. */
export function serviceDateOf(s: ServicePayment, claim?: ClaimPayment): string | undefined {
  const d = (q: string) => s.dates.find((x) => x.qualifier === q)?.date;
  return d('472') ?? d('150') ?? claim?.dates.find((x) => x.qualifier === '232')?.date;
}

const sameModifiers = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((m, i) => m === b[i]);

/** The billed code a line answers: SVC06 when the payer changed or bundled it, else SVC01. */
function billedCode(s: ServicePayment): { code: string; modifiers: readonly string[]; byRevenue: boolean } {
  const p = s.originalProcedure ?? s.procedure;
  return { code: p.code, modifiers: p.modifiers, byRevenue: p.qualifier === 'NU' };
}

const sameService = (s: ServicePayment, l: CandidateLine): boolean => {
  const b = billedCode(s);
  if (b.byRevenue) return b.code === (l.revenueCode ?? '') || (s.revenueCode ?? '') === l.revenueCode;
  return (
    b.code === l.procedureCode || (!!s.revenueCode && s.revenueCode === l.revenueCode && !l.procedureCode)
  );
};

/**
 * Matches each SVC to one of our lines, strongest evidence first (X221A1 1.10.2.10 on bundling):
 * 1. REF*6R, our line item control number (the claim line id);
 * 2. date of service + procedure + the same modifiers; then date + procedure, ignoring modifiers the
 *    payer dropped or changed; the billed procedure is SVC06 when the payer changed the code (SVC01 is
 *    then what it paid as);
 * 3. bundling: the lines the payer folded into another come back with SVC06 = our code and SVC03 0, and
 *    match like any line; the paying line (SVC01 the bundled code, SVC06 one of ours) takes the first;
 * 4. unbundling: several SVCs with the same SVC06 all answer the one line they split.
 * Ties between equal lines go by charge, then by order.
 */
export function matchLines(
  payment: ClaimPayment,
  lines: readonly CandidateLine[],
): Omit<ClaimMatch, 'claim'> {
  const free = new Set(lines);
  const matched: MatchedLine[] = [];
  const unmatched: UnmatchedLine[] = [];
  const pending: number[] = [];
  const svcs = payment.serviceLines;
  const take = (index: number, line: CandidateLine, how: LineMatchHow) => {
    matched.push({ index, payment: svcs[index] as ServicePayment, line, how });
    free.delete(line);
  };
  svcs.forEach((s, i) => {
    const ref = s.lineControlNumber;
    const byRef = ref
      ? lines.find((l) => (l.lineControlNumber ?? String(l.id)) === ref && free.has(l))
      : undefined;
    if (byRef) take(i, byRef, 'line_control_number');
    else pending.push(i);
  });
  const pick = (s: ServicePayment, date: string | undefined, test: (l: CandidateLine) => boolean) => {
    const fits = [...free].filter((l) => sameService(s, l) && (!date || l.serviceDate === date) && test(l));
    // SVC05 units are the paid units; SVC07 the billed ones when the payer changed them.
    const units = Number(s.originalUnits ?? s.units ?? NaN);
    const sameCharge = (l: CandidateLine) => l.chargeCents === s.chargeCents;
    return (
      fits.find((l) => sameCharge(l) && l.units === units) ??
      fits.find(sameCharge) ??
      fits.find((l) => l.units === units) ??
      fits[0]
    );
  };
  const rest: number[] = [];
  for (const i of pending) {
    const s = svcs[i] as ServicePayment;
    const date = serviceDateOf(s, payment);
    const b = billedCode(s);
    const exact = pick(s, date, (l) => sameModifiers(l.modifiers, b.modifiers));
    if (exact) take(i, exact, s.originalProcedure ? 'original_procedure' : 'date_procedure_modifiers');
    else {
      const loose = pick(s, date, () => true);
      if (loose) take(i, loose, s.originalProcedure ? 'original_procedure' : 'date_procedure');
      else rest.push(i);
    }
  }
  // What is left answers a line already matched: a split (unbundled) line, or a line folded into one.
  for (const i of rest) {
    const s = svcs[i] as ServicePayment;
    const date = serviceDateOf(s, payment);
    const owner = matched.find((m) => sameService(s, m.line) && (!date || m.line.serviceDate === date));
    if (owner && s.originalProcedure) {
      matched.push({ index: i, payment: s, line: owner.line, how: 'unbundled' });
      continue;
    }
    const unknownRef =
      s.lineControlNumber &&
      !lines.some((l) => (l.lineControlNumber ?? String(l.id)) === s.lineControlNumber);
    unmatched.push({
      index: i,
      payment: s,
      reason: unknownRef ? 'line_control_number_unknown' : 'no_line_for_date_and_procedure',
    });
  }
  // CARC 97 (paid under another service) marks the lines folded into a bundle; the paying line has
  // SVC06 = one of ours and SVC01 the bundled code.
  const folded = svcs.some((s) => s.paidCents === 0 && s.adjustments.some((a) => a.reason === '97'));
  if (folded)
    for (const m of matched)
      if (
        (m.how === 'original_procedure' && m.payment.procedure.code !== m.line.procedureCode) ||
        (m.payment.paidCents === 0 && m.payment.adjustments.some((a) => a.reason === '97'))
      )
        m.how = 'bundled';
  matched.sort((a, b) => a.index - b.index);
  return {
    lines: matched,
    unmatchedLines: unmatched,
    linesNotInRemittance: lines.filter((l) => free.has(l)),
  };
}

const norm = (s: string | null | undefined) => (s ?? '').trim().toUpperCase();

/** The member id and name the 835 gives the patient: NM1*QC, else the insured NM1*IL. */
function patientOf(c: ClaimPayment) {
  const p = c.patient ?? c.insured;
  return {
    last: norm(p?.lastOrOrganizationName),
    first: norm(p?.firstName),
    id: norm(c.insured?.id ?? p?.id),
  };
}

/**
 * Finds our claim for an 835 claim payment: CLP01 (our patient control number, CLM01), preferring
 * the claim billed to this payer when a primary and a secondary share it; else the one claim of the
 * same patient (member id, or last and first name) whose lines cover every SVC's date and service.
 * No claim, or more than one, goes to the unmatched queue with the reason.
 */
export function matchClaimPayment(
  payment: ClaimPayment,
  candidates: readonly CandidateClaim[],
  opts: { payerId?: number | null } = {},
): ClaimMatch {
  const byPcn = candidates.filter((c) => c.patientControlNumber === payment.patientControlNumber);
  const preferred =
    byPcn.length > 1 && opts.payerId != null ? byPcn.filter((c) => c.payerId === opts.payerId) : byPcn;
  if (preferred.length === 1) {
    const claim = preferred[0] as CandidateClaim;
    return { claim, how: 'patient_control_number', ...matchLines(payment, claim.lines) };
  }
  const who = patientOf(payment);
  const samePatient = (c: CandidateClaim) =>
    (who.id !== '' && norm(c.patient.memberId) === who.id) ||
    (who.last !== '' &&
      norm(c.patient.lastName) === who.last &&
      (!who.first || norm(c.patient.firstName) === who.first));
  const pool = (preferred.length > 1 ? preferred : candidates).filter(samePatient);
  const fits = pool
    .map((claim) => ({ claim, m: matchLines(payment, claim.lines) }))
    .filter(({ m }) => m.unmatchedLines.length === 0 && m.lines.length > 0);
  const one = fits.length === 1 ? fits[0] : undefined;
  if (one) return { claim: one.claim, how: 'patient_date_procedure', ...one.m };
  const reason =
    fits.length > 1 || preferred.length > 1
      ? 'ambiguous'
      : byPcn.length === 0 && pool.length === 0
        ? 'no_claim_with_patient_control_number'
        : 'no_claim_for_patient_and_services';
  return {
    claim: null,
    reason,
    lines: [],
    unmatchedLines: payment.serviceLines.map((payment, index) => ({ index, payment, reason: 'no_claim' })),
    linesNotInRemittance: [],
  };
}
