import type { ScrubClaim } from '../claim.ts';
import type { ScrubContext } from '../context.ts';
import { finding, lineField, type Finding } from '../finding.ts';
import { CPT_MODIFIERS, PRICING_MODIFIERS } from '../modifiers.ts';

const MAX_MODIFIERS = 4;

/** Modifiers known and valid on the date, not repeated, at most four, pricing ones first. */
export function checkModifiers(claim: ScrubClaim, context: ScrubContext): Finding[] {
  const findings: Finding[] = [];
  claim.lines.forEach((line, i) => {
    const field = lineField(i, 'modifiers');
    const at = { lines: [line.lineNumber] };
    const label = `Line ${line.lineNumber} (${line.procedureCode})`;
    for (const m of line.modifiers) {
      if (CPT_MODIFIERS.has(m)) continue;
      const answer = context.codes?.modifier(m, line.serviceDate);
      if (answer?.loaded && !answer.valid)
        findings.push(finding('MOD-UNKNOWN', field, `${label}: modifier ${m} ${answer.message}`, at));
    }
    const repeated = line.modifiers.filter((m, k) => line.modifiers.indexOf(m) !== k);
    if (repeated.length) {
      findings.push(
        finding('MOD-REPEATED', field, `${label}: modifier ${repeated.join(', ')} is repeated`, {
          ...at,
          fix: { field, value: [...new Set(line.modifiers)] },
        }),
      );
    }
    if (line.modifiers.length > MAX_MODIFIERS)
      findings.push(
        finding(
          'MOD-TOO-MANY',
          field,
          `${label} has ${line.modifiers.length} modifiers; at most ${MAX_MODIFIERS}`,
          at,
        ),
      );
    const firstInformational = line.modifiers.findIndex((m) => !PRICING_MODIFIERS.has(m));
    const lastPricing = line.modifiers.reduce((last, m, k) => (PRICING_MODIFIERS.has(m) ? k : last), -1);
    if (firstInformational >= 0 && lastPricing > firstInformational) {
      const ordered = [
        ...line.modifiers.filter((m) => PRICING_MODIFIERS.has(m)),
        ...line.modifiers.filter((m) => !PRICING_MODIFIERS.has(m)),
      ];
      findings.push(
        finding(
          'MOD-ORDER',
          field,
          `${label}: pricing modifier ${line.modifiers[lastPricing]} comes after ${line.modifiers[firstInformational]}`,
          { ...at, fix: { field, value: ordered } },
        ),
      );
    }
  });
  return findings;
}
