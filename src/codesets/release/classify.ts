/**
 * Pure: recognise a code-set file by its publisher file name (and folder, where the name alone
 * is ambiguous) and say which release and role it belongs to.
 */
import { hcpcsQuarter, icd10FiscalYear } from './release.ts';
import type { HcpcsQuarter, Release } from './release.ts';

export type FileRole =
  | 'order'
  | 'order-addenda'
  | 'codes'
  | 'codes-addenda'
  | 'tabular'
  | 'index'
  | 'drug-table'
  | 'neoplasm-table'
  | 'external-cause-index'
  | 'poa-exempt'
  | 'poa-exempt-add'
  | 'poa-exempt-delete'
  | 'poa-exempt-revise'
  | 'tables'
  | 'definitions'
  | 'alpha-numeric'
  | 'code-system'
  | 'taxonomy'
  /** an AMA CPT data file, imported by a licensed user with `codesets import-cpt` (never detected in a folder) */
  | 'cpt';

export interface FileClass {
  release: Release;
  role: FileRole;
}

const CM: [RegExp, FileRole][] = [
  [/^icd10cm_order_(\d{4})\.txt(\.gz)?$/, 'order'],
  [/^icd10cm_order_addenda_(\d{4})\.txt$/, 'order-addenda'],
  [/^icd10cm_codes_(\d{4})\.txt(\.gz)?$/, 'codes'],
  [/^icd10cm_codes_addenda_(\d{4})\.txt$/, 'codes-addenda'],
  [/^icd10cm_tabular_(\d{4})\.xml(\.gz)?$/, 'tabular'],
  [/^icd10cm_index_(\d{4})\.xml(\.gz)?$/, 'index'],
  [/^icd10cm_drug_(\d{4})\.xml(\.gz)?$/, 'drug-table'],
  [/^icd10cm_neoplasm_(\d{4})\.xml(\.gz)?$/, 'neoplasm-table'],
  [/^icd10cm_eindex_(\d{4})\.xml(\.gz)?$/, 'external-cause-index'],
];
const POA: [RegExp, FileRole][] = [
  [/^POAexemptCodesFY(\d{2})\.txt$/, 'poa-exempt'],
  [/^POAexemptAddCodesFY(\d{2})\.txt$/, 'poa-exempt-add'],
  [/^POAexemptDeleteCodesFY(\d{2})\.txt$/, 'poa-exempt-delete'],
  [/^POAexemptReviseCodesFY(\d{2})\.txt$/, 'poa-exempt-revise'],
];
const PCS: [RegExp, FileRole][] = [
  [/^icd10pcs_order_(\d{4})\.txt(\.gz)?$/, 'order'],
  [/^icd10pcs_tables_(\d{4})\.xml(\.gz)?$/, 'tables'],
  [/^icd10pcs_definitions_(\d{4})\.xml(\.gz)?$/, 'definitions'],
  [/^icd10pcs_index_(\d{4})\.xml(\.gz)?$/, 'index'],
];
const FSH: Record<string, Release['system']> = {
  'CodeSystem-ANSI-RSN-CD.fsh': 'CARC',
  'CodeSystem-ANSI-GRP-CD.fsh': 'CLAIM-ADJUSTMENT-GROUP',
  'CodeSystem-CLM-POS-CD.fsh': 'POS',
  'CodeSystem-CLM-BILL-FREQ-CD.fsh': 'TYPE-OF-BILL',
};

/** relPath uses "/" separators; the folder matters only for PCS "order_addenda_YYYY.txt". */
export function classifyFile(relPath: string): FileClass | undefined {
  const parts = relPath.split('/');
  const name = parts[parts.length - 1] ?? '';
  const folder = parts.slice(0, -1).join('/');
  for (const [re, role] of CM) {
    const m = re.exec(name);
    if (m) return { release: icd10FiscalYear('ICD-10-CM', Number(m[1])), role };
  }
  for (const [re, role] of POA) {
    const m = re.exec(name);
    if (m) return { release: icd10FiscalYear('ICD-10-CM', 2000 + Number(m[1])), role };
  }
  for (const [re, role] of PCS) {
    const m = re.exec(name);
    if (m) return { release: icd10FiscalYear('ICD-10-PCS', Number(m[1])), role };
  }
  const pcsAddenda = /^order_addenda_(\d{4})\.txt$/.exec(name);
  if (pcsAddenda && /icd10pcs/i.test(folder))
    return { release: icd10FiscalYear('ICD-10-PCS', Number(pcsAddenda[1])), role: 'order-addenda' };
  const hcpcs = /^HCPC(\d{4})_(JAN|APR|JUL|OCT)_ANWEB_\d{8}\.txt(\.gz)?$/.exec(name);
  if (hcpcs)
    return { release: hcpcsQuarter(Number(hcpcs[1]), hcpcs[2] as HcpcsQuarter), role: 'alpha-numeric' };
  const nucc = /^nucc_taxonomy_(\d\d)(\d)\.csv$/.exec(name);
  if (nucc) {
    // NUCC publishes version N.0 effective January 1 and N.1 effective July 1 of 20NN.
    const [major, minor] = [Number(nucc[1]), Number(nucc[2])];
    return {
      release: {
        system: 'NUCC-TAXONOMY',
        version: `${major}.${minor}`,
        effectiveFrom: `${2000 + major}-${minor === 0 ? '01' : '07'}-01`,
      },
      role: 'taxonomy',
    };
  }
  const fsh = FSH[name];
  if (fsh) {
    // CMS BFD copies carry no effective date; the folder names the snapshot date.
    const snap = /(\d{4}-\d{2}-\d{2})/.exec(folder)?.[1] ?? '1900-01-01';
    return {
      release: { system: fsh, version: folder.split('/').pop() ?? snap, effectiveFrom: snap },
      role: 'code-system',
    };
  }
  return undefined;
}
