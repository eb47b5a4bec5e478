import { addDays } from '../../shared/dates.ts';
import type { ScrubClaim } from '../claim.ts';
import type { ScrubContext } from '../context.ts';
import { finding, lineField, type Finding } from '../finding.ts';

/** No service in the future; the claim inside the payer's timely filing limit, counted from the earliest service (or the prior payer's remittance). */
export function checkDates(claim: ScrubClaim, context: ScrubContext): Finding[] {
  const findings: Finding[] = [];
  claim.lines.forEach((line, i) => {
    if (line.serviceDate > context.today) {
      findings.push(
        finding(
          'DOS-FUTURE',
          lineField(i, 'serviceDate'),
          `Line ${line.lineNumber}: date of service ${line.serviceDate} is after today (${context.today})`,
          { lines: [line.lineNumber] },
        ),
      );
    }
  });
  const limit = claim.payer.timelyFilingDays;
  const start = filingStart(claim);
  if (limit && start && claim.frequencyCode === '1') {
    const deadline = addDays(start.date, limit);
    if (deadline < context.today) {
      findings.push(
        finding(
          'TIMELY-FILING',
          '/payer/timelyFilingDays',
          `Filing limit of ${limit} days from ${start.label} ended on ${deadline}`,
        ),
      );
    } else if (deadline <= addDays(context.today, 14)) {
      findings.push(
        finding(
          'TIMELY-FILING-NEAR',
          '/payer/timelyFilingDays',
          `Filing limit of ${limit} days from ${start.label} ends on ${deadline}`,
        ),
      );
    }
  }
  return findings;
}

/**
 * Where the filing limit counts from: the earliest date of service, or on a claim to a later payer
 * the prior payer's remittance (2430/2330B DTP*573) when that is later, as payers count secondary
 * claims from the primary's EOB.
 */
function filingStart(claim: ScrubClaim): { date: string; label: string } | undefined {
  const earliest = claim.lines.map((l) => l.serviceDate).sort()[0];
  if (!earliest) return undefined;
  const adjudicated = [
    ...(claim.otherPayers ?? []).map((o) => o.remittanceDate),
    ...claim.lines.flatMap((l) => (l.adjudications ?? []).map((a) => a.adjudicationDate)),
  ]
    .filter((d): d is string => !!d)
    .sort()
    .at(-1);
  return adjudicated && adjudicated > earliest
    ? { date: adjudicated, label: `the prior payer's remittance on ${adjudicated}` }
    : { date: earliest, label: earliest };
}
