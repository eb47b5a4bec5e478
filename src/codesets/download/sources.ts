/**
 * Where CMS publishes each release as a ZIP, and the folder layout the importer expects (the same
 * as ../shared/codesets). Names follow CMS's file pages for the ICD-10 fiscal year and the HCPCS
 * quarterly update; `--base-url` replaces https://www.cms.gov/files/zip/ for a mirror.
 */
export interface DownloadSource {
  system: string;
  /** ZIP file name at the base URL. */
  zip: string;
  /** Folder under the code-set directory the members are extracted into. */
  folder: string;
  /** Keep only members whose base name matches (others are documentation or spreadsheets). */
  keep: RegExp;
}

export const CMS_BASE_URL = 'https://www.cms.gov/files/zip/';

export function sourcesFor(fiscalYear: number): DownloadSource[] {
  const y = String(fiscalYear);
  return [
    {
      system: 'ICD-10-CM',
      zip: `${y}-code-descriptions-tabular-order.zip`,
      folder: `icd10cm/${y}`,
      keep: /^icd10cm_(order|codes)(_addenda)?_\d{4}\.txt$/,
    },
    {
      system: 'ICD-10-CM',
      zip: `${y}-code-tables-tabular-and-index.zip`,
      folder: `icd10cm/${y}`,
      keep: /^icd10cm_(tabular|index|drug|neoplasm|eindex)_\d{4}\.xml$|\.xsd$/,
    },
    {
      system: 'ICD-10-CM',
      zip: `${y}-poa-exempt-codes.zip`,
      folder: `icd10cm/${y}/poa_exempt`,
      keep: /^POAexempt.*\.txt$/,
    },
    {
      system: 'ICD-10-PCS',
      zip: `${y}-icd-10-pcs-order-file-long-and-abbreviated-titles.zip`,
      folder: `icd10pcs/${y}`,
      keep: /^(icd10pcs_order_\d{4}\.txt|order_addenda_\d{4}\.txt)$/,
    },
    {
      system: 'ICD-10-PCS',
      zip: `${y}-icd-10-pcs-code-tables-and-index.zip`,
      folder: `icd10pcs/${y}`,
      keep: /^icd10pcs_(tables|index|definitions)_\d{4}\.xml$/,
    },
    // HCPCS Level II: the January quarterly file of the calendar year the fiscal year ends in.
    {
      system: 'HCPCS',
      zip: `january-${y}-alpha-numeric-hcpcs-file.zip`,
      folder: `hcpcs/${y}`,
      keep: /^HCPC\d{4}_[A-Z]{3}_ANWEB.*\.txt$|recordlayout\.txt$/i,
    },
  ];
}
