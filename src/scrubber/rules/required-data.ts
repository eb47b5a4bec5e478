import type { ScrubClaim } from '../claim.ts';
import { finding, type Finding } from '../finding.ts';

type Need = [field: string, value: unknown, label: string];

function missing(code: Parameters<typeof finding>[0], needs: Need[]): Finding[] {
  return needs
    .filter(([, value]) => value === undefined || value === null || value === '')
    .map(([field, , label]) => finding(code, field, `${label} is missing`));
}

/** A replacement (7) or void (8) names the payer's claim number of the claim it replaces (REF*F8). */
export function checkResubmission(claim: ScrubClaim): Finding[] {
  if (!['7', '8'].includes(claim.frequencyCode) || claim.payerClaimNumber) return [];
  const kind = claim.frequencyCode === '7' ? 'replacement' : 'void';
  return [
    finding(
      'RESUBMISSION',
      '/payerClaimNumber',
      `A ${kind} claim (frequency ${claim.frequencyCode}) needs the payer's claim number`,
    ),
  ];
}

/** The data the 837 TR3 requires for every claim (loops 2010AA, 2010BA, 2010BB, 2010CA). */
export function checkRequiredData(claim: ScrubClaim): Finding[] {
  const b = claim.billingProvider;
  const s = claim.subscriber;
  const p = claim.patient;
  return [
    ...missing('REQ-BILLING', [
      ['/billingProvider/name', b.name, 'Billing provider name (NM103)'],
      ['/billingProvider/npi', b.npi, 'Billing provider NPI (NM109)'],
      ['/billingProvider/taxId', b.taxId, 'Billing provider TIN (REF*EI)'],
      ['/billingProvider/address/line1', b.address?.line1, 'Billing provider address (N301)'],
      ['/billingProvider/address/zip', b.address?.zip, 'Billing provider ZIP (N403)'],
    ]),
    ...missing('REQ-TAXONOMY', [
      ['/billingProvider/taxonomy', b.taxonomy, 'Billing provider taxonomy (PRV03)'],
    ]),
    ...missing('REQ-SUBSCRIBER', [
      ['/subscriber/memberId', s.memberId, 'Subscriber member ID (NM109)'],
      ['/subscriber/lastName', s.lastName, 'Subscriber last name (NM103)'],
      ...(p.relationship === undefined || p.relationship === '18'
        ? ([
            ['/subscriber/dateOfBirth', s.dateOfBirth, 'Subscriber birth date (DMG02)'],
            ['/subscriber/sex', s.sex, 'Subscriber sex (DMG03)'],
          ] as Need[])
        : []),
    ]),
    ...missing('REQ-PATIENT', [
      ['/patient/lastName', p.lastName, 'Patient last name'],
      ['/patient/firstName', p.firstName, 'Patient first name'],
      ['/patient/dateOfBirth', p.dateOfBirth, 'Patient birth date (DMG02)'],
      ['/patient/sex', p.sex, 'Patient sex (DMG03)'],
      ['/patient/address/line1', p.address?.line1, 'Patient address (N301)'],
    ]),
    ...missing('REQ-PAYER', [
      ['/payer/payerId', claim.payer.payerId, 'Payer ID (2010BB NM109)'],
      ['/payer/claimFilingIndicator', claim.payer.claimFilingIndicator, 'Claim filing indicator (SBR09)'],
    ]),
  ];
}
