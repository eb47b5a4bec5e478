import type { IndexSystem } from '../coding/useCodeIndex.ts';

/**
 * What a code field holds: a diagnosis (ICD-10-CM, 837 2300 HI), a professional procedure (CPT or
 * HCPCS, 2400 SV1-1), an inpatient procedure (ICD-10-PCS, 837I HI BBR/BBQ), or any code (the
 * Coding page).
 */
export type CodeKind = 'diagnosis' | 'procedure' | 'pcs-procedure' | 'any';

export const KIND_SYSTEMS: Record<CodeKind, readonly string[]> = {
  diagnosis: ['ICD-10-CM'],
  procedure: ['CPT', 'HCPCS'],
  'pcs-procedure': ['ICD-10-PCS'],
  any: [],
};

/** The index a kind of code is looked up in; CPT's index is the AMA's and is not held. */
export const KIND_INDEX: Record<CodeKind, IndexSystem | undefined> = {
  diagnosis: 'ICD-10-CM',
  procedure: undefined,
  'pcs-procedure': 'ICD-10-PCS',
  any: 'ICD-10-CM',
};
