/** Which importer reads which file role: the one map the loader, the storage layer and the benchmark share. */
import { importAlphabeticIndex } from '../icd10cm/alphabeticIndex.ts';
import { importCmCodesFile } from '../icd10cm/codesFile.ts';
import { importCodesAddenda, importOrderAddenda } from '../icd10cm/orderAddenda.ts';
import { importOrderFile } from '../icd10cm/orderFile.ts';
import { importPoaExempt } from '../icd10cm/poaExempt.ts';
import { importTabular } from '../icd10cm/tabular.ts';
import { importPcsDefinitions } from '../icd10pcs/definitions.ts';
import { importPcsIndex } from '../icd10pcs/pcsIndex.ts';
import { importPcsTables } from '../icd10pcs/tables.ts';
import { importHcpcsFile } from '../hcpcs/annualFile.ts';
import { importFshCodeSystem } from '../fhir/codeSystem.ts';
import { importNuccTaxonomy } from '../nucc/taxonomy.ts';
import { importCptFile } from '../cpt/importCptFile.ts';
import type { FileRole } from '../release/classify.ts';
import type { CodeSystem } from '../release/release.ts';

export type Importer = (file: string) => AsyncIterable<unknown>;

export const IMPORTERS: Record<FileRole, (system: CodeSystem) => Importer> = {
  order: () => importOrderFile,
  codes: () => importCmCodesFile,
  'codes-addenda': () => importCodesAddenda,
  'order-addenda': () => importOrderAddenda,
  tabular: () => importTabular,
  'alpha-numeric': () => importHcpcsFile,
  tables: () => importPcsTables,
  definitions: () => importPcsDefinitions,
  index: (s) => (s === 'ICD-10-PCS' ? importPcsIndex : importAlphabeticIndex),
  'drug-table': () => importAlphabeticIndex,
  'neoplasm-table': () => importAlphabeticIndex,
  'external-cause-index': () => importAlphabeticIndex,
  'poa-exempt': () => importPoaExempt,
  'poa-exempt-add': () => importPoaExempt,
  'poa-exempt-delete': () => importPoaExempt,
  'poa-exempt-revise': () => importPoaExempt,
  'code-system': () => importFshCodeSystem,
  taxonomy: () => importNuccTaxonomy,
  cpt: () => importCptFile,
};
