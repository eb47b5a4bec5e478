/**
 * Code-set releases and their effective periods. ICD-10-CM/PCS fiscal year N runs from
 * October 1 of year N-1 through September 30 of year N (CMS/NCHS annual update; April updates
 * are separate releases when loaded). HCPCS Level II files are quarterly (JAN, APR, JUL, OCT) and
 * stay in force until the next file. Dates are ISO strings (YYYY-MM-DD), compared as text.
 */
export type CodeSystem =
  | 'ICD-10-CM'
  | 'ICD-10-PCS'
  | 'HCPCS'
  | 'CPT'
  | 'POS'
  | 'CARC'
  | 'CLAIM-ADJUSTMENT-GROUP'
  | 'TYPE-OF-BILL'
  | 'NUCC-TAXONOMY';

export interface Release {
  system: CodeSystem;
  /** "2026" for ICD-10 FY2026, "2026-JAN" for a HCPCS quarter, "25.1" for NUCC */
  version: string;
  effectiveFrom: string;
  /** last day in force; undefined when in force until a later release supersedes it */
  effectiveThrough?: string;
}

export function icd10FiscalYear(system: 'ICD-10-CM' | 'ICD-10-PCS', fiscalYear: number): Release {
  return {
    system,
    version: String(fiscalYear),
    effectiveFrom: `${fiscalYear - 1}-10-01`,
    effectiveThrough: `${fiscalYear}-09-30`,
  };
}

export const HCPCS_QUARTERS = { JAN: '01', APR: '04', JUL: '07', OCT: '10' } as const;
export type HcpcsQuarter = keyof typeof HCPCS_QUARTERS;

export function hcpcsQuarter(year: number, quarter: HcpcsQuarter): Release {
  return {
    system: 'HCPCS',
    version: `${year}-${quarter}`,
    effectiveFrom: `${year}-${HCPCS_QUARTERS[quarter]}-01`,
  };
}

/** CPT is released yearly by the AMA and in force for services on January 1 through December 31. */
export function cptYear(year: number): Release {
  return {
    system: 'CPT',
    version: String(year),
    effectiveFrom: `${year}-01-01`,
    effectiveThrough: `${year}-12-31`,
  };
}

/** The fiscal year a date of service falls in (2025-10-01 → 2026). */
export function fiscalYearOf(dos: string): number {
  const year = Number(dos.slice(0, 4));
  return dos.slice(5, 7) >= '10' ? year + 1 : year;
}

/**
 * Pure: the release of one system in force on the date of service: the latest one whose
 * effectiveFrom is on or before it, provided its effectiveThrough (if any) is not before it.
 */
export function selectRelease<T extends { release: Release }>(
  candidates: readonly T[],
  dos: string,
): T | undefined {
  let best: T | undefined;
  for (const c of candidates) {
    if (c.release.effectiveFrom > dos) continue;
    if (c.release.effectiveThrough !== undefined && c.release.effectiveThrough < dos) continue;
    if (!best || c.release.effectiveFrom > best.release.effectiveFrom) best = c;
  }
  return best;
}

export function isIsoDate(s: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(s);
}
