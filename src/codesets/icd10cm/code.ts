/** Code spelling helpers shared by the ICD-10 tables: codes are stored without the dot. */
export function normalizeCode(code: string): string {
  return code.trim().toUpperCase().replace(/\./g, '');
}

/**
 * ICD-10-CM display form: dot after the third character (J45909, j45.909 → J45.909). The one
 * dotting helper: the 837 carries codes without the dot (normalizeCode), forms and findings with it.
 */
export function dottedCm(code: string): string {
  const c = normalizeCode(code);
  return c.length > 3 ? `${c.slice(0, 3)}.${c.slice(3)}` : c;
}

/** ICD-10-CM shape: letter, then 2 letters or digits (FY2026 added QA0, a letter in position 2), then up to 4 more. */
export const CM_FORMAT = /^[A-Z][0-9A-Z][0-9A-Z][0-9A-Z]{0,4}$/;
/** ICD-10-PCS shape: 7 characters from 0-9 and A-Z without I and O. */
export const PCS_FORMAT = /^[0-9A-HJ-NP-Z]{7}$/;
