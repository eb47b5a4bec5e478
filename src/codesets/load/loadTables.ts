/**
 * Build the in-memory CodeTables from any record source: the detected files or the database.
 */
import type { OrderFileRecord } from '../icd10cm/orderFile.ts';
import type { PoaExemptRecord } from '../icd10cm/poaExempt.ts';
import type { TabularRecord } from '../icd10cm/tabular.ts';
import { buildTabularNotes } from '../icd10cm/tabularNotes.ts';
import type { PcsTable } from '../icd10pcs/tables.ts';
import type { HcpcsRecord } from '../hcpcs/annualFile.ts';
import type { CodeSystemConcept } from '../fhir/codeSystem.ts';
import type { TaxonomyRecord } from '../nucc/taxonomy.ts';
import { cptConcept, type CptRecord } from '../cpt/cptFile.ts';
import type { DetectedRelease } from '../release/detect.ts';
import { buildCmTable } from '../tables/cmTable.ts';
import { buildPcsTable } from '../tables/pcsTable.ts';
import { buildHcpcsTable } from '../tables/hcpcsTable.ts';
import type { CodeTables } from '../tables/codeTables.ts';
import { buildCodeListTable } from '../tables/codeListTable.ts';
import { fileSource, refOf, type RecordSource, type ReleaseRef } from './source.ts';
import { pause } from '../../shared/pause.ts';

export async function loadCodeTables(releases: readonly DetectedRelease[]): Promise<CodeTables> {
  return buildCodeTables(releases.map(refOf), fileSource(releases));
}

export async function buildCodeTables(
  refs: readonly ReleaseRef[],
  source: RecordSource,
): Promise<CodeTables> {
  const tables: CodeTables = { icd10cm: [], icd10pcs: [], hcpcs: [], lists: [] };
  for (const ref of refs) {
    await pause(); // each release's table is up to a second of CPU: let waiting requests in between
    const { system } = ref.release;
    const records = <T>(role: Parameters<RecordSource>[1]) => source(ref, role) as Promise<T[] | undefined>;
    if (system === 'ICD-10-CM') {
      const order = await records<OrderFileRecord>('order');
      if (!order) continue;
      const tab = await records<TabularRecord>('tabular');
      const table = buildCmTable(ref.release, order, tab ? buildTabularNotes(tab) : undefined);
      const poa = await records<PoaExemptRecord>('poa-exempt');
      if (poa) table.poaExempt = new Set(poa.map((r) => r.code));
      tables.icd10cm.push(table);
    } else if (system === 'ICD-10-PCS') {
      const order = await records<OrderFileRecord>('order');
      if (order) tables.icd10pcs.push(buildPcsTable(ref.release, order, await records<PcsTable>('tables')));
    } else if (system === 'HCPCS') {
      const rows = await records<HcpcsRecord>('alpha-numeric');
      if (rows) tables.hcpcs.push(buildHcpcsTable(ref.release, rows));
    } else if (system === 'CPT') {
      const cpt = await records<CptRecord>('cpt');
      if (cpt) tables.lists?.push(buildCodeListTable(ref.release, cpt.map(cptConcept)));
    } else {
      const concepts = await records<CodeSystemConcept>('code-system');
      if (concepts) tables.lists?.push(buildCodeListTable(ref.release, concepts));
      const nucc = await records<TaxonomyRecord>('taxonomy');
      if (nucc)
        tables.lists?.push(
          buildCodeListTable(
            ref.release,
            nucc.map((t) => ({ code: t.code, display: t.displayName })),
          ),
        );
    }
  }
  return tables;
}
