/**
 * Thin I/O edge: build the in-memory CodeTables straight from detected release files (for tests,
 * the benchmark and the CLI; the storage layer will build the same shapes from the database).
 */
import { importOrderFile } from '../icd10cm/orderFile.ts';
import { importTabular } from '../icd10cm/tabular.ts';
import { buildTabularNotes } from '../icd10cm/tabularNotes.ts';
import { importPcsTables } from '../icd10pcs/tables.ts';
import { importHcpcsFile } from '../hcpcs/annualFile.ts';
import { fileOf } from '../release/detect.ts';
import type { DetectedRelease } from '../release/detect.ts';
import { buildCmTable } from '../tables/cmTable.ts';
import { buildPcsTable } from '../tables/pcsTable.ts';
import { buildHcpcsTable } from '../tables/hcpcsTable.ts';
import type { CodeTables } from '../tables/codeTables.ts';
import { buildCodeListTable } from '../tables/codeListTable.ts';
import { importFshCodeSystem } from '../fhir/codeSystem.ts';
import { importNuccTaxonomy } from '../nucc/taxonomy.ts';

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

export async function loadCodeTables(releases: readonly DetectedRelease[]): Promise<CodeTables> {
  const tables: CodeTables = { icd10cm: [], icd10pcs: [], hcpcs: [], lists: [] };
  for (const r of releases) {
    const { system } = r.release;
    if (system === 'ICD-10-CM') {
      const order = fileOf(r, 'order');
      if (!order) continue;
      const tab = fileOf(r, 'tabular');
      const notes = tab ? buildTabularNotes(await all(importTabular(tab))) : undefined;
      tables.icd10cm.push(buildCmTable(r.release, await all(importOrderFile(order)), notes));
    } else if (system === 'ICD-10-PCS') {
      const order = fileOf(r, 'order');
      if (!order) continue;
      const t = fileOf(r, 'tables');
      tables.icd10pcs.push(
        buildPcsTable(
          r.release,
          await all(importOrderFile(order)),
          t ? await all(importPcsTables(t)) : undefined,
        ),
      );
    } else if (system === 'HCPCS') {
      const f = fileOf(r, 'alpha-numeric');
      if (f) tables.hcpcs.push(buildHcpcsTable(r.release, await all(importHcpcsFile(f))));
    } else {
      const fsh = fileOf(r, 'code-system');
      const nucc = fileOf(r, 'taxonomy');
      if (fsh) tables.lists?.push(buildCodeListTable(r.release, await all(importFshCodeSystem(fsh))));
      if (nucc) {
        const rows = await all(importNuccTaxonomy(nucc));
        tables.lists?.push(
          buildCodeListTable(
            r.release,
            rows.map((t) => ({ code: t.code, display: t.displayName })),
          ),
        );
      }
    }
  }
  return tables;
}
