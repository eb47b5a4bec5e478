import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_UNDERPAID, generateDemo } from './generate.ts';

// The payer sandbox adjudicates the demo's claims by its own scenario; the practice's contracts
// must say the same rates, or every demo payment would look under- or overpaid.
const scenario = JSON.parse(
  readFileSync(new URL('../sandbox/default-scenario.json', import.meta.url), 'utf8'),
) as { payers: Record<string, { feeSchedule: Record<string, number> }> };

describe('demo contracted rates', () => {
  const demo = generateDemo({ seed: 1, patients: 2, encounters: 2, asOf: '2026-11-20' });

  it("equal the sandbox payers' fee schedules, but for the one underpaid clause", () => {
    const differences: string[] = [];
    let compared = 0;
    for (const rate of demo.contractedRates) {
      const payerId = demo.payers[rate.payerIndex]!.payerId;
      const paid = scenario.payers[payerId]?.feeSchedule[rate.procedureCode];
      if (paid === undefined) continue;
      compared++;
      if (paid !== rate.allowedCents)
        differences.push(`${payerId} ${rate.procedureCode}: contract ${rate.allowedCents}, paid ${paid}`);
    }
    expect(compared).toBeGreaterThan(100);
    const expected = scenario.payers[DEMO_UNDERPAID.payerId]!.feeSchedule[DEMO_UNDERPAID.procedureCode]!;
    expect(differences).toEqual([
      `${DEMO_UNDERPAID.payerId} ${DEMO_UNDERPAID.procedureCode}: contract ${expected + DEMO_UNDERPAID.shortCents}, paid ${expected}`,
    ]);
  });
});
