import type { Cents } from '../shared/money.ts';

export interface FeeEntry {
  procedureCode: string;
  modifier: string | null;
  chargeCents: Cents;
  effectiveDate: string;
  endDate: string | null;
}

/**
 * The charge for a procedure on a date of service: an entry for the code with the line's first
 * modifier wins over the plain code; among those in effect, the latest effective date wins.
 */
export function chargeFor(
  entries: FeeEntry[],
  procedureCode: string,
  modifiers: string[],
  serviceDate: string,
): Cents | undefined {
  const inEffect = entries.filter(
    (e) =>
      e.procedureCode === procedureCode &&
      e.effectiveDate <= serviceDate &&
      (e.endDate === null || e.endDate >= serviceDate),
  );
  const rank = (e: FeeEntry) =>
    e.modifier !== null && e.modifier === modifiers[0] ? 1 : e.modifier === null ? 0 : -1;
  const best = inEffect
    .filter((e) => rank(e) >= 0)
    .sort((a, b) => rank(b) - rank(a) || b.effectiveDate.localeCompare(a.effectiveDate))[0];
  return best?.chargeCents;
}

/**
 * A service line's charge from the fee schedule: the fee is per unit, so J3301 × 4 is four times
 * the fee. The same rule fills a blank charge and checks an entered one (CHARGE-FEE).
 */
export function lineChargeFor(
  entries: FeeEntry[],
  line: { procedureCode: string; modifiers: string[]; serviceDate: string; units: number },
): Cents | undefined {
  const fee = chargeFor(entries, line.procedureCode, line.modifiers, line.serviceDate);
  return fee === undefined ? undefined : Math.round(fee * line.units);
}
