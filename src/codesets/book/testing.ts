/** Test helper: the FY2026 CM and PCS tables (with the tabular fixture) and every index book. */
import path from 'node:path';
import { importAlphabeticIndex } from '../icd10cm/alphabeticIndex.ts';
import { importTabular } from '../icd10cm/tabular.ts';
import { buildTabularNotes } from '../icd10cm/tabularNotes.ts';
import { importPcsIndex } from '../icd10pcs/pcsIndex.ts';
import { loadCodeTables } from '../load/loadTables.ts';
import { detectReleases } from '../release/detect.ts';
import { icd10FiscalYear } from '../release/release.ts';
import { collect } from '../testing.ts';
import { buildCmIndexBook, buildPcsIndexBook } from './indexBook.ts';

const shared = path.resolve(process.cwd(), '../shared/codesets');
const fixtures = path.resolve(import.meta.dirname, '../fixtures');
export const FY26 = icd10FiscalYear('ICD-10-CM', 2026);

const cmBook = async (file: string) => buildCmIndexBook(FY26, await collect(importAlphabeticIndex(file)));

export async function loadTestBooks() {
  const releases = (await detectReleases(shared)).filter((r) =>
    ['ICD-10-CM|2026', 'ICD-10-PCS|2026'].includes(`${r.release.system}|${r.release.version}`),
  );
  const tables = await loadCodeTables(releases);
  const tabular = buildTabularNotes(
    await collect(importTabular(path.join(fixtures, 'tabular/pass/diabetes-asthma-injury-poisoning.xml'))),
  );
  tables.icd10cm = tables.icd10cm.map((t) => ({ ...t, tabular }));
  return {
    tables,
    index: await cmBook(path.join(fixtures, 'index/pass/asthma-fracture-diabetes.xml')),
    drug: await cmBook(`${shared}/icd10cm/2026/icd10cm_drug_2026.xml`),
    neoplasm: await cmBook(`${shared}/icd10cm/2026/icd10cm_neoplasm_2026.xml`),
    external: await cmBook(`${shared}/icd10cm/2026/icd10cm_eindex_2026.xml`),
    pcs: buildPcsIndexBook(
      icd10FiscalYear('ICD-10-PCS', 2025),
      await collect(importPcsIndex(`${shared}/icd10pcs/2025/icd10pcs_index_2025.xml`)),
    ),
  };
}
