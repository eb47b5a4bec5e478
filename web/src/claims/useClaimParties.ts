import type { Claim, Coverage, Facility, Patient, Payer, Provider } from '../api/types.ts';
import { useRecord } from '../lists/useRecord.ts';
import { usePractice } from '../practice/practice-context.ts';

/**
 * The master data a CMS-1500 shows that the claim points at by id: patient, coverage (insured),
 * payer, providers, facility and the practice (billing provider). Read from their own endpoints.
 */
export function useClaimParties(claim: Claim | undefined) {
  const { practices } = usePractice();
  const at = (path: string, id: number | null | undefined) =>
    claim && id !== null && id !== undefined ? `/api/${path}/${id}` : undefined;
  return {
    patient: useRecord<Patient>(at('patients', claim?.patientId)).record,
    coverage: useRecord<Coverage>(at('coverages', claim?.coverageId)).record,
    payer: useRecord<Payer>(at('payers', claim?.payerId)).record,
    rendering: useRecord<Provider>(at('providers', claim?.renderingProviderId)).record,
    referring: useRecord<Provider>(at('providers', claim?.referringProviderId)).record,
    facility: useRecord<Facility>(at('facilities', claim?.facilityId)).record,
    practice: practices.find((p) => p.id === claim?.practiceId),
  };
}

export type ClaimParties = ReturnType<typeof useClaimParties>;
