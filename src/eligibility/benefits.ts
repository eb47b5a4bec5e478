// Pure: what the last 271 means for a claim (the scrubber's eligibility findings) and for the patient's
// share of a visit (copay, the deductible left, coinsurance, capped by the out-of-pocket left).
import type { CostShare, EligibilitySummary } from '../x12/index.ts';

export interface LastCheck {
  /** The date the 271 was received. */
  checkedOn: string;
  summary: EligibilitySummary;
}

export interface EligibilityFinding {
  code: 'ELIGIBILITY_INACTIVE' | 'ELIGIBILITY_REJECTED' | 'ELIGIBILITY_NOT_CHECKED';
  severity: 'error' | 'warning';
  message: string;
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * The scrubber's view of a claim's date of service: an error when the last answer called the coverage
 * inactive (or ended before the date), a warning when the payer could not answer or no check is
 * recent enough (`maxAgeDays`, per payer).
 */
export function eligibilityFinding(
  last: LastCheck | undefined,
  dateOfService: string,
  today: string,
  maxAgeDays: number,
): EligibilityFinding | undefined {
  if (!last || daysBetween(last.checkedOn, today) > maxAgeDays)
    return {
      code: 'ELIGIBILITY_NOT_CHECKED',
      severity: 'warning',
      message: last
        ? `Eligibility was last checked ${last.checkedOn}, more than ${maxAgeDays} days ago.`
        : 'Eligibility has not been checked for this coverage.',
    };
  const s = last.summary;
  const ends = s.coverage.ends;
  if (s.status === 'inactive' || (ends !== undefined && ends < dateOfService))
    return {
      code: 'ELIGIBILITY_INACTIVE',
      severity: 'error',
      message:
        ends !== undefined && ends < dateOfService
          ? `The payer says coverage ended ${ends}, before the date of service ${dateOfService}.`
          : `The payer's last answer (${last.checkedOn}) says the coverage is ${s.statusText}.`,
    };
  if (s.status === 'rejected')
    return {
      code: 'ELIGIBILITY_REJECTED',
      severity: 'warning',
      message: `The payer could not answer the last check: ${s.rejections.map((r) => `${r.says} (${r.code})`).join('; ')}.`,
    };
  return undefined;
}

const applies = (c: CostShare, serviceType: string) =>
  c.network !== 'outOfNetwork' && (c.serviceTypes.length === 0 || c.serviceTypes.includes(serviceType));

/** The first cost share for the service type, else the plan-wide one (30). */
function shareFor(list: readonly CostShare[], serviceType: string): CostShare | undefined {
  return list.find((c) => applies(c, serviceType)) ?? list.find((c) => applies(c, '30'));
}

export interface VisitEstimate {
  copayCents: number;
  deductibleCents: number;
  coinsuranceCents: number;
  totalCents: number;
}

/**
 * The patient's estimated share of a visit whose allowed amount (fee schedule) is `allowedCents`, from
 * in-network benefits: copay first, then the deductible left, then coinsurance on the rest, all capped
 * by the out-of-pocket left. Integer cents; coinsurance rounded to the cent.
 */
export function estimateVisit(
  s: EligibilitySummary,
  allowedCents: number,
  serviceType = '98',
): VisitEstimate {
  const copay = Math.min(shareFor(s.copays, serviceType)?.amountCents ?? 0, allowedCents);
  const ded = s.deductible.individual.inNetwork ?? s.deductible.individual.unspecified;
  const left =
    ded?.remainingCents ??
    (ded?.amountCents !== undefined && ded.metCents !== undefined
      ? Math.max(0, ded.amountCents - ded.metCents)
      : 0);
  const deductible = Math.min(left, allowedCents - copay);
  const percent = shareFor(s.coinsurance, serviceType)?.percent ?? 0;
  let coinsurance = Math.round(((allowedCents - copay - deductible) * percent) / 100);
  const oop = s.outOfPocket.individual.inNetwork ?? s.outOfPocket.individual.unspecified;
  let room = oop?.remainingCents ?? Infinity;
  const d = Math.min(deductible, room);
  room -= d;
  const c = Math.min(copay, room);
  room -= c;
  coinsurance = Math.min(coinsurance, room);
  return {
    copayCents: c,
    deductibleCents: d,
    coinsuranceCents: coinsurance,
    totalCents: c + d + coinsurance,
  };
}
