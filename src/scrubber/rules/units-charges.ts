import { lineChargeFor } from '../../practices/fee-schedule.ts';
import { formatDollars } from '../../shared/money.ts';
import type { ScrubClaim } from '../claim.ts';
import type { ScrubContext } from '../context.ts';
import { finding, lineField, type Finding } from '../finding.ts';

/** Units and charges above zero; the charge per unit equal to the fee schedule's, or flagged. */
export function checkUnitsAndCharges(claim: ScrubClaim, context: ScrubContext): Finding[] {
  const findings: Finding[] = [];
  claim.lines.forEach((line, i) => {
    const at = { lines: [line.lineNumber] };
    const label = `Line ${line.lineNumber} (${line.procedureCode})`;
    if (!(line.units > 0))
      findings.push(finding('UNITS-ZERO', lineField(i, 'units'), `${label}: units are ${line.units}`, at));
    if (!(line.chargeCents > 0))
      findings.push(
        finding(
          'CHARGE-ZERO',
          lineField(i, 'chargeCents'),
          `${label}: charge is $${formatDollars(line.chargeCents)}`,
          at,
        ),
      );
    // The fee schedule holds professional charges; a facility bills from its chargemaster.
    if (!context.feeSchedule || !(line.units > 0) || claim.type !== 'professional') return;
    const expected = lineChargeFor(context.feeSchedule, line);
    if (expected !== undefined && expected !== line.chargeCents) {
      findings.push(
        finding(
          'CHARGE-FEE',
          lineField(i, 'chargeCents'),
          `${label}: charge $${formatDollars(line.chargeCents)} differs from the fee schedule's $${formatDollars(expected)} for ${line.units} unit(s)`,
          {
            ...at,
            fix: { field: lineField(i, 'chargeCents'), value: expected },
          },
        ),
      );
    }
  });
  return findings;
}
