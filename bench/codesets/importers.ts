/** Which importer reads which detected file role (benchmark only). */
import {
  importAlphabeticIndex,
  importCmCodesFile,
  importCodesAddenda,
  importFshCodeSystem,
  importHcpcsFile,
  importNuccTaxonomy,
  importOrderAddenda,
  importOrderFile,
  importPcsDefinitions,
  importPcsIndex,
  importPcsTables,
  importPoaExempt,
} from '../../src/codesets/index.ts';
import type { CodeSystem, FileRole } from '../../src/codesets/index.ts';

type Importer = (file: string) => AsyncIterable<unknown>;

export const importers: Partial<Record<FileRole, (system: CodeSystem) => Importer | undefined>> = {
  order: () => importOrderFile,
  codes: () => importCmCodesFile,
  'codes-addenda': () => importCodesAddenda,
  'order-addenda': () => importOrderAddenda,
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
};
