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
  serviceLines: {
    lineNumber: number;
    serviceDate: string;
    procedureCode: string;
    modifiers: string[];
    units: number;
    chargeCents: number;
    diagnosisPointers: number[];
  }[];
}

export interface CoverageForClaim {
  id: number;
  payerId: number;
  priority: string;
}

const RESPONSIBILITY: Record<string, string> = { primary: 'P', secondary: 'S', tertiary: 'T' };

/** A new professional claim from an encounter, billed to one of the patient's coverages. */
export function claimFromEncounter(
  encounter: EncounterForClaim,
  coverage: CoverageForClaim,
  attempt: number,
) {
  const responsibility = RESPONSIBILITY[coverage.priority] ?? 'P';
  const lines = encounter.serviceLines.map((l) => ({
    lineNumber: l.lineNumber,
    serviceDate: l.serviceDate,
    procedureCode: l.procedureCode,
    modifiers: l.modifiers,
    chargeCents: l.chargeCents,
    diagnosisPointers: l.diagnosisPointers,
    units: String(l.units),
    placeOfService: null,
    revenueCode: null,
  }));
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
      type: 'professional',
      payerResponsibility: responsibility,
      // CLM01 (max 38): encounter, payer responsibility, and the attempt when rebilled.
      patientControlNumber: `E${encounter.id}${responsibility}${attempt > 1 ? `-${attempt}` : ''}`,
      frequencyCode: '1',
      placeOfService: encounter.placeOfService,
      priorAuthorization: encounter.priorAuthorization,
      diagnoses: encounter.diagnoses,
      totalChargeCents: encounter.serviceLines.reduce((sum, l) => sum + l.chargeCents, 0),
      state: 'draft' satisfies ClaimState,
    },
    lines,
  };
}
