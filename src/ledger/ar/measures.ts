import type { Cents } from '../../shared/money.ts';

// The two A/R figures a practice is judged by (MGMA / HFMA definitions), pure.

/** Days in A/R: total A/R ÷ average daily charges over the period (90 days by default); null without charges. */
export function daysInAr(totalArCents: Cents, chargesInPeriodCents: Cents, periodDays = 90): number | null {
  if (chargesInPeriodCents <= 0 || periodDays <= 0) return null;
  return roundTenth(totalArCents / (chargesInPeriodCents / periodDays));
}

/**
 * Net collection rate, in percent: payments ÷ (charges − contractual adjustments) over a period.
 * Payments are insurance and patient payments net of refunds; null when nothing was collectible.
 */
export function netCollectionRate(
  paymentsCents: Cents,
  chargesCents: Cents,
  contractualAdjustmentsCents: Cents,
): number | null {
  const collectible = chargesCents - contractualAdjustmentsCents;
  if (collectible <= 0) return null;
  return roundTenth((paymentsCents / collectible) * 100);
}

const roundTenth = (x: number) => Math.round(x * 10) / 10;
