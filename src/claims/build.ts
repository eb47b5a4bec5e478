import type { InstitutionalData } from '../encounters/institutional.ts';
import type { NdcUnit } from '../encounters/service-line.ts';
import type { ClaimState } from './states.ts';

export interface EncounterForClaim {
  id: number;
  practiceId: number;
  patientId: number;
  placeOfService: string;
  renderingProviderId: number;
  referringProviderId: number | null;
  facilityId: number | null;
  priorAuthorization: string | null;
  diagnoses: string[];
  institutional?: InstitutionalData | null;
  serviceLines: {
    /** The encounter line's id: the claim line keeps it so the ledger posts against the encounter line. */
    id?: number;
    lineNumber: number;
    serviceDate: string;
    procedureCode: string;
    modifiers: string[];
    units: number;
    chargeCents: number;
    diagnosisPointers: number[];
    revenueCode?: string | null;
    /** Loop 2410: the drug's NDC, quantity (CTP04) and unit (CTP05-1). */
    ndc?: string | null;
    ndcQuantity?: number | null;
    ndcUnit?: NdcUnit | null;
  }[];
}

export interface CoverageForClaim {
  id: number;
  payerId: number;
  priority: string;
}

const RESPONSIBILITY: Record<string, string> = { primary: 'P', secondary: 'S', tertiary: 'T' };

/**
 * A new claim from an encounter, billed to one of the patient's coverages: institutional (UB-04 /
 * 837I) when the encounter carries a facility's bill type, professional (CMS-1500 / 837P) otherwise.
 */
export function claimFromEncounter(
  encounter: EncounterForClaim,
  coverage: CoverageForClaim,
  attempt: number,
) {
  const responsibility = RESPONSIBILITY[coverage.priority] ?? 'P';
  const lines = encounter.serviceLines.map((l) => ({
    serviceLineId: l.id ?? null,
    lineNumber: l.lineNumber,
    serviceDate: l.serviceDate,
    procedureCode: l.procedureCode,
    modifiers: l.modifiers,
    chargeCents: l.chargeCents,
    diagnosisPointers: l.diagnosisPointers,
    units: String(l.units),
    placeOfService: null,
    revenueCode: l.revenueCode ?? null,
    // The drug travels with the line to loop 2410 (LIN/CTP) and the forms.
    ndc: l.ndc ?? null,
    ndcQuantity: l.ndcQuantity == null ? null : String(l.ndcQuantity),
    ndcUnit: l.ndcUnit ?? null,
  }));
  const institutional = encounter.institutional ?? null;
  return {
    claim: {
      practiceId: encounter.practiceId,
      encounterId: encounter.id,
      patientId: encounter.patientId,
      coverageId: coverage.id,
      payerId: coverage.payerId,
      renderingProviderId: encounter.renderingProviderId,
      referringProviderId: encounter.referringProviderId,
      facilityId: encounter.facilityId,
      type: institutional ? 'institutional' : 'professional',
      institutional,
      payerResponsibility: responsibility,
      // CLM01 (max 38): encounter, payer responsibility, and the attempt when rebilled.
      patientControlNumber: `E${encounter.id}${responsibility}${attempt > 1 ? `-${attempt}` : ''}`,
      // An institutional claim's frequency is the bill type's last character (1 admit through discharge…).
      frequencyCode: institutional ? institutional.billType.slice(2) : '1',
      placeOfService: encounter.placeOfService,
      priorAuthorization: encounter.priorAuthorization,
      diagnoses: encounter.diagnoses,
      totalChargeCents: encounter.serviceLines.reduce((sum, l) => sum + l.chargeCents, 0),
      state: 'draft' satisfies ClaimState,
    },
    lines,
  };
}
