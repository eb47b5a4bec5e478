import { addDays } from '../../shared/dates.ts';
import type { ScrubClaim } from '../claim.ts';
import type { ScrubContext } from '../context.ts';
import { finding, lineField, type Finding } from '../finding.ts';

/** No service in the future; the claim inside the payer's timely filing limit, counted from the earliest service. */
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
  const earliest = claim.lines.map((l) => l.serviceDate).sort()[0];
  if (limit && earliest && claim.frequencyCode === '1') {
    const deadline = addDays(earliest, limit);
    if (deadline < context.today) {
      findings.push(
        finding(
          'TIMELY-FILING',
          '/payer/timelyFilingDays',
          `Filing limit of ${limit} days from ${earliest} ended on ${deadline}`,
        ),
      );
    } else if (deadline <= addDays(context.today, 14)) {
      findings.push(
        finding(
          'TIMELY-FILING-NEAR',
          '/payer/timelyFilingDays',
          `Filing limit of ${limit} days from ${earliest} ends on ${deadline}`,
        ),
      );
    }
  }
  return findings;
}
