/** The plain claim data the NCCI checks read: one entry per service line (loop 2400). */
export interface ServiceLine {
  /** LX01 assigned number */
  lineNumber: number;
  /** SV101-2 / SV202-2 HCPCS/CPT code */
  procedureCode: string;
  /** SV101-3..6 procedure modifiers */
  modifiers: string[];
  /** SV104 / SV205 units of service */
  units: number;
  /** DTP*472 date of service, YYYY-MM-DD */
  serviceDate: string;
}

/** 837P practitioner claims use the practitioner files; 837I outpatient hospital claims the outpatient ones. */
export type ClaimType = 'practitioner' | 'outpatient';
