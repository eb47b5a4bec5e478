/**
 * What a chart brings in from an EHR, whatever the wire format: FHIR R4 (src/charts/fhir) and
 * HL7 v2 (src/charts/hl7) both read into this, and one merge (importChartContent) writes it, so
 * identifiers match the same way for both and a message is imported whole or not at all.
 *
 * Every item carries `where`: the place in the source (FHIR resource `Patient/123` and its
 * field path, or HL7 `PID-3`, line 2) that problems report.
 */
export interface SourcePlace {
  /** FHIR: `Bundle.entry[3]` / `Patient/abc`; HL7: `MSH^...` control id or file name. */
  resource?: string;
  /** FHIR path (`Patient.identifier[0].value`) or HL7 field (`PID-3.1`). */
  field?: string;
  /** Line or segment number in the source, 1-based. */
  line?: number;
}

export interface ChartPatient {
  /** The EHR's medical record number: matched to the practice's patient account number. */
  mrn: string;
  firstName: string;
  lastName: string;
  middleName?: string;
  dateOfBirth: string; // YYYY-MM-DD
  sex: 'M' | 'F' | 'U';
  address1?: string;
  city?: string;
  state?: string;
  zip?: string;
  phone?: string;
  where: SourcePlace;
}

export interface ChartPractitioner {
  npi: string;
  firstName?: string;
  lastName: string;
  where: SourcePlace;
}

export interface ChartCoverage {
  patientMrn: string;
  /** Matched to a payer by its payer id (2010BB NM109) or, failing that, by name. */
  payerId?: string;
  payerName?: string;
  memberId: string;
  groupNumber?: string;
  relationship: 'self' | 'spouse' | 'child' | 'other';
  priority: 'primary' | 'secondary' | 'tertiary';
  effectiveDate?: string;
  terminationDate?: string;
  where: SourcePlace;
}

export type ChartType = 'em-visit' | 'procedure' | 'surgery' | 'inpatient';

export interface ChartEncounter {
  /** The EHR's encounter (visit) number: matched to an encounter's external id. */
  encounterId: string;
  patientMrn: string;
  serviceDateFrom: string;
  serviceDateTo: string;
  /** CMS place of service (two digits) when the source says it, else from the encounter class. */
  placeOfService?: string;
  renderingNpi?: string;
  chartType: ChartType;
  where: SourcePlace;
}

export interface ChartDocument {
  encounterId: string;
  /** progress-note, operative-report, discharge-summary, lab-result, other */
  kind: string;
  title: string;
  /** Plain text of the note (decoded from base64 or HL7 escapes; PDF text extracted). */
  text: string;
  /** The original bytes when the note came as an attachment (PDF). */
  attachment?: { contentType: string; data: Uint8Array };
  authoredAt?: string;
  authorNpi?: string;
  where: SourcePlace;
}

/** A coded diagnosis or procedure the EHR already recorded: shown to the coder, never billed as is. */
export interface ChartCode {
  encounterId: string;
  system: 'ICD-10-CM' | 'ICD-10-PCS' | 'CPT' | 'HCPCS' | 'SNOMED' | 'LOINC' | 'other';
  code: string;
  display?: string;
  /** Condition / Procedure / Observation / FT1 charge */
  kind: 'diagnosis' | 'procedure' | 'observation' | 'charge';
  /** FT1 charges: units and modifiers as sent. */
  units?: number;
  modifiers?: string[];
  value?: string;
  where: SourcePlace;
}

export interface ChartContent {
  /** 'fhir' or 'hl7v2' or 'upload' */
  format: string;
  /** Names the message for idempotence and problems: bundle id, MSH-10, file name. */
  sourceId: string;
  patients: ChartPatient[];
  practitioners: ChartPractitioner[];
  coverages: ChartCoverage[];
  encounters: ChartEncounter[];
  documents: ChartDocument[];
  codes: ChartCode[];
}
