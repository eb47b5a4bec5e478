import type { ScrubClaim, ScrubLine } from '../claim.ts';
import type { ScrubContext } from '../context.ts';
import { finding, lineField, type Finding } from '../finding.ts';

/** Same patient, rendering provider, date of service and procedure (with modifiers): CMS's duplicate test. */
export function duplicateKey(
  claim: Pick<ScrubClaim, 'patient' | 'subscriber' | 'renderingProvider' | 'billingProvider'>,
  line: Pick<ScrubLine, 'serviceDate' | 'procedureCode' | 'modifiers'>,
): string {
  const patient = [
    claim.subscriber.memberId,
    claim.patient.lastName,
    claim.patient.firstName,
    claim.patient.dateOfBirth,
  ].join('/');
  const provider = claim.renderingProvider?.npi ?? claim.billingProvider.npi ?? '';
  return [
    patient.toUpperCase(),
    provider,
    line.serviceDate,
    line.procedureCode,
    [...line.modifiers].sort().join(''),
  ].join('|');
}

export function checkDuplicates(claim: ScrubClaim, context: ScrubContext): Finding[] {
  if (!context.submittedServices || claim.frequencyCode !== '1') return [];
  return claim.lines.flatMap((line, i) =>
    line.procedureCode && context.submittedServices!.has(duplicateKey(claim, line))
      ? [
          finding(
            'DUPLICATE',
            lineField(i, 'procedureCode'),
            `Line ${line.lineNumber}: ${line.procedureCode} on ${line.serviceDate} for this patient and provider was already submitted`,
            { lines: [line.lineNumber] },
          ),
        ]
      : [],
  );
}
