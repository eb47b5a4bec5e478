// The pretend payer's adjudication of one accepted claim: pure, given "today", the scenario and the
// member's accumulators; returns the 835 claim payment (2100/2110) and what the member has met since.
// Order of rules follows how payers apply them: claim-level denials (coverage, COB, timely filing,
// duplicate) first, then line edits (non-covered, prior auth, NCCI, medical necessity), then pricing
// (fee schedule) and cost sharing (copay, deductible, coinsurance, capped at the out-of-pocket maximum).
import type {
  Adjustment,
  ClaimPayment,
  ProfessionalClaim,
  ServiceLine,
  ServicePayment,
} from '../x12/index.ts';
import { serviceTypesOf, type Benefits, type PayerRule, type Scenario } from './scenario.ts';

/** What a member has met so far this plan year. */
export interface Accumulator {
  deductibleMetCents: number;
  outOfPocketMetCents: number;
}

export interface AdjudicationInput {
  claim: ProfessionalClaim;
  scenario: Scenario;
  today: string;
  /** The member's accumulator before this claim (the scenario's when the sandbox has none yet). */
  accumulator?: Accumulator;
  /** Duplicate keys of claims this payer already adjudicated. */
  seen: ReadonlySet<string>;
  payerClaimControlNumber: string;
  /** A number from 0 to under 100 drawn for this claim (from the seed): below the scenario's percents, it is denied. */
  draw?: number;
}

export interface Adjudication {
  payment: ClaimPayment;
  accumulator: Accumulator;
  /** Keys to remember so a resend is a duplicate (CARC 18). */
  duplicateKeys: string[];
}

const co = (reason: string, amountCents: number): Adjustment => ({ group: 'CO', reason, amountCents });
const pr = (reason: string, amountCents: number): Adjustment => ({ group: 'PR', reason, amountCents });

export const payerOf = (s: Scenario, payerId: string | undefined): PayerRule =>
  (payerId && s.payers[payerId]) || s.defaultPayer;

export function benefitsOf(s: Scenario, memberId: string | undefined): Benefits {
  const m = memberId ? s.members[memberId] : undefined;
  return { ...s.defaultBenefits, ...m };
}

const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** A service line's duplicate key: member, procedure and modifiers, date, charge (as payers compare). */
function duplicateKey(c: ProfessionalClaim, l: ServiceLine): string {
  const p = l.procedure;
  return [c.subscriber.id ?? '', p.code, p.modifiers.join(':'), l.serviceDate.from, l.chargeCents].join('|');
}

/** A claim-level denial reason (CARC) for the whole claim, or none. */
function claimDenial(input: AdjudicationInput, payer: PayerRule): Adjustment['reason'] | undefined {
  const { claim: c, scenario: s, today } = input;
  const member = c.subscriber.id ? s.members[c.subscriber.id] : undefined;
  const first = c.claim.serviceLines.map((l) => l.serviceDate.from).sort()[0] ?? today;
  if (member?.coverageEnds && first > member.coverageEnds) return '27';
  if (member?.otherCoveragePrimary && c.subscriber.payerResponsibility === 'P') return '22';
  // The payer's eligibility records differ from the practice's for a share of claims.
  const draw = input.draw ?? 100;
  if (draw < s.coverageTerminatedPercent) return '27';
  if (
    draw < s.coverageTerminatedPercent + s.otherCoveragePrimaryPercent &&
    c.subscriber.payerResponsibility === 'P'
  )
    return '22';
  if (days(first, today) > payer.timelyFilingDays) return '29';
  // A replacement (frequency 7) or void (8) is not a duplicate of the claim it corrects.
  const original = !['7', '8'].includes(c.claim.frequencyCode);
  if (original && c.claim.serviceLines.some((l) => input.seen.has(duplicateKey(c, l)))) return '18';
  return undefined;
}

/** A line edit: the CARC and remark that deny the line, or none. */
function lineDenial(
  c: ProfessionalClaim,
  l: ServiceLine,
  payer: PayerRule,
): { reason: string; remark?: string } | undefined {
  const code = l.procedure.code;
  if (payer.nonCovered.includes(code)) return { reason: '96', remark: 'N130' };
  const listed = payer.lineDenials.find((d) => d.code === code);
  if (listed) return { reason: listed.reason, ...(listed.remark ? { remark: listed.remark } : {}) };
  const auth = c.claim.priorAuthorization || (l.priorAuthorizations?.length ?? 0) > 0;
  if (payer.priorAuthorizationRequired.includes(code) && !auth) return { reason: '197' };
  const sameDay = c.claim.serviceLines.filter((o) => o !== l && o.serviceDate.from === l.serviceDate.from);
  if (payer.bundles.some((b) => b.code === code && sameDay.some((o) => o.procedure.code === b.column1)))
    return { reason: '97', remark: 'M15' };
  const rule = payer.medicalNecessity.find((m) => m.code === code);
  if (rule) {
    const dx = l.diagnosisPointers.map((p) => c.claim.diagnoses[p - 1]).filter((d): d is string => !!d);
    const norm = (d: string) => d.replace('.', '').toUpperCase();
    if (!dx.some((d) => rule.diagnoses.map(norm).includes(norm(d)))) return { reason: '50', remark: 'N386' };
  }
  return undefined;
}

function allowedOf(l: ServiceLine, payer: PayerRule): number {
  const units = Math.max(1, Math.round(Number(l.units) || 1));
  const fee = payer.feeSchedule[l.procedure.code];
  const allowed =
    fee !== undefined ? fee * units : Math.round((l.chargeCents * payer.defaultAllowedPercent) / 100);
  return Math.min(allowed, l.chargeCents);
}

function linePayment(
  l: ServiceLine,
  paidCents: number,
  adjustments: Adjustment[],
  remarks: string[],
): ServicePayment {
  return {
    // X221A1 SVC01: the HCPCS code, or NU + the revenue code for an 837I line billed without one.
    procedure: l.procedure.code
      ? { qualifier: l.procedure.qualifier || 'HC', code: l.procedure.code, modifiers: l.procedure.modifiers }
      : { qualifier: 'NU', code: l.revenueCode ?? '', modifiers: [] },
    ...(l.procedure.code && l.revenueCode ? { revenueCode: l.revenueCode } : {}),
    chargeCents: l.chargeCents,
    paidCents,
    units: l.units === '1' ? undefined : l.units,
    dates: l.serviceDate.from ? [{ qualifier: '472', date: l.serviceDate.from }] : [],
    adjustments: adjustments.filter((a) => a.amountCents !== 0),
    references: [],
    ...(l.lineControlNumber ? { lineControlNumber: l.lineControlNumber } : {}),
    amounts: [],
    remarks: remarks.map((code) => ({ qualifier: 'HE', code })),
  };
}

/** Cost sharing of one allowed amount, in order copay, deductible, coinsurance, capped by the OOP max. */
export function costShare(
  allowedCents: number,
  copayCents: number,
  b: Benefits,
  acc: Accumulator,
): { copay: number; deductible: number; coinsurance: number } {
  const copay = Math.min(copayCents, allowedCents);
  const deductible = Math.min(Math.max(0, b.deductibleCents - acc.deductibleMetCents), allowedCents - copay);
  const rest = allowedCents - copay - deductible;
  let coinsurance = Math.round((rest * b.coinsurancePercent) / 100);
  // Out-of-pocket maximum: once met, the plan pays the rest of the year at 100%.
  let room =
    b.outOfPocketMaxCents > 0 ? Math.max(0, b.outOfPocketMaxCents - acc.outOfPocketMetCents) : Infinity;
  const d = Math.min(deductible, room);
  room -= d;
  const cp = Math.min(copay, room);
  room -= cp;
  coinsurance = Math.min(coinsurance, room);
  return { copay: cp, deductible: d, coinsurance };
}

/** CLP06 has a shorter list than SBR09: commercial plans (CI, BL…) are reported as 12 (PPO). */
const CLP06 = new Set([
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  'AM',
  'CH',
  'DS',
  'HM',
  'LM',
  'MA',
  'MB',
  'MC',
  'OF',
  'TV',
  'VA',
  'WC',
  'ZZ',
]);
const remitFilingIndicator = (sbr09: string | undefined): string =>
  sbr09 && CLP06.has(sbr09) ? sbr09 : '12';

export function adjudicate(input: AdjudicationInput): Adjudication {
  const { claim: c, scenario: s } = input;
  const payer = payerOf(s, c.payer.id);
  const benefits = benefitsOf(s, c.subscriber.id);
  let acc: Accumulator = input.accumulator ?? {
    deductibleMetCents: benefits.deductibleMetCents,
    outOfPocketMetCents: benefits.outOfPocketMetCents,
  };
  const denial = claimDenial(input, payer);
  const copaysTaken = new Set<string>();
  const lines = c.claim.serviceLines.map((l): ServicePayment => {
    if (denial) return linePayment(l, 0, [co(denial, l.chargeCents)], []);
    const edit = lineDenial(c, l, payer);
    if (edit) return linePayment(l, 0, [co(edit.reason, l.chargeCents)], edit.remark ? [edit.remark] : []);
    const allowed = allowedOf(l, payer);
    const type = serviceTypesOf(s, l.procedure.code).find(
      (t) => benefits.copays[t] !== undefined && !copaysTaken.has(t),
    );
    const share = costShare(allowed, type ? (benefits.copays[type] ?? 0) : 0, benefits, acc);
    if (type && share.copay > 0) copaysTaken.add(type);
    acc = {
      deductibleMetCents: acc.deductibleMetCents + share.deductible,
      outOfPocketMetCents: acc.outOfPocketMetCents + share.copay + share.deductible + share.coinsurance,
    };
    const patient = share.copay + share.deductible + share.coinsurance;
    return linePayment(
      l,
      allowed - patient,
      [
        co('45', l.chargeCents - allowed),
        pr('1', share.deductible),
        pr('2', share.coinsurance),
        pr('3', share.copay),
      ],
      [],
    );
  });
  const paid = lines.reduce((t, l) => t + l.paidCents, 0);
  const patientResponsibility = lines
    .flatMap((l) => l.adjustments)
    .filter((a) => a.group === 'PR')
    .reduce((t, a) => t + a.amountCents, 0);
  const allDenied = lines.every(
    (l) => l.paidCents === 0 && l.adjustments.every((a) => a.group === 'CO' && a.reason !== '45'),
  );
  const order = { P: '1', S: '2', T: '3' }[c.subscriber.payerResponsibility] ?? '1';
  const payment: ClaimPayment = {
    patientControlNumber: c.claim.patientControlNumber,
    status: allDenied ? '4' : order,
    chargeCents: c.claim.totalChargeCents,
    paidCents: paid,
    patientResponsibilityCents: patientResponsibility,
    claimFilingIndicator: remitFilingIndicator(c.subscriber.claimFilingIndicator),
    payerClaimControlNumber: input.payerClaimControlNumber,
    facilityCode: c.claim.placeOfService,
    frequencyCode: c.claim.frequencyCode,
    adjustments: [],
    patient: {
      entityType: '1',
      lastOrOrganizationName: (c.patient ?? c.subscriber).lastOrOrganizationName,
      ...((c.patient ?? c.subscriber).firstName ? { firstName: (c.patient ?? c.subscriber).firstName } : {}),
      idQualifier: 'MI',
      id: c.subscriber.id ?? '',
    },
    dates: [],
    references: [],
    amounts: [],
    serviceLines: lines,
  };
  const duplicateKeys = denial === '18' ? [] : c.claim.serviceLines.map((l) => duplicateKey(c, l));
  return { payment, accumulator: acc, duplicateKeys };
}
