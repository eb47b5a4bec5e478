/**
 * The documents of the search index for the releases in effect on a date: code descriptions,
 * tabular inclusion terms, and the alphabetic, drug, neoplasm, external cause and PCS index terms
 * as synonyms; CPT descriptions when a licensed CPT file is imported; plus POS, CARC, group,
 * type-of-bill and taxonomy lists.
 */
import type { IndexTerm } from '../icd10cm/alphabeticIndex.ts';
import type { TabularRecord } from '../icd10cm/tabular.ts';
import type { PcsIndexTerm } from '../icd10pcs/pcsIndex.ts';
import type { CodeSystemConcept } from '../fhir/codeSystem.ts';
import type { TaxonomyRecord } from '../nucc/taxonomy.ts';
import { cptConcept, type CptRecord } from '../cpt/cptFile.ts';
import type { RecordSource, ReleaseRef } from '../load/source.ts';
import { pause } from '../../shared/pause.ts';
import { selectRelease } from '../release/release.ts';
import type { CodeTables } from '../tables/codeTables.ts';
import {
  cmDocuments,
  conceptDocuments,
  hcpcsDocuments,
  inclusionTermDocuments,
  indexTermDocuments,
  pcsDocuments,
  pcsIndexDocuments,
  type SearchDoc,
} from './documents.ts';

const CM_INDEXES = ['index', 'drug-table', 'neoplasm-table', 'external-cause-index'] as const;

/** Adds the documents with a pause every few thousand: a server building an index keeps answering. */
async function addAll(docs: SearchDoc[], from: Iterable<SearchDoc>): Promise<void> {
  for (const doc of from) if (docs.push(doc) % 2_000 === 0) await pause();
}

export async function buildSearchDocuments(
  refs: readonly ReleaseRef[],
  source: RecordSource,
  tables: CodeTables,
  dos: string,
): Promise<SearchDoc[]> {
  const docs: SearchDoc[] = [];
  const cm = selectRelease(tables.icd10cm, dos);
  const pcs = selectRelease(tables.icd10pcs, dos);
  const hcpcs = selectRelease(tables.hcpcs, dos);
  if (cm) await addAll(docs, cmDocuments(cm));
  if (pcs) await addAll(docs, pcsDocuments(pcs));
  if (hcpcs) await addAll(docs, hcpcsDocuments(hcpcs, dos));
  const cmRef = refs.find(
    (r) => cm && r.release.system === 'ICD-10-CM' && r.release.version === cm.release.version,
  );
  if (cmRef) {
    const tabular = (await source(cmRef, 'tabular')) as TabularRecord[] | undefined;
    if (tabular) await addAll(docs, inclusionTermDocuments(tabular, cm));
    for (const role of CM_INDEXES) {
      const terms = (await source(cmRef, role)) as IndexTerm[] | undefined;
      if (terms) await addAll(docs, indexTermDocuments(terms, cm));
    }
  }
  // The PCS index is held for an earlier year only: use the newest one there is.
  const pcsIndexRef = refs
    .filter((r) => r.release.system === 'ICD-10-PCS' && r.roles.includes('index'))
    .sort((a, b) => b.release.effectiveFrom.localeCompare(a.release.effectiveFrom))[0];
  if (pcsIndexRef)
    await addAll(
      docs,
      pcsIndexDocuments(((await source(pcsIndexRef, 'index')) ?? []) as PcsIndexTerm[], pcs),
    );
  // CPT descriptions only when a licensed user imported the AMA file for the date of service
  const cpt = selectRelease(
    refs.filter((r) => r.release.system === 'CPT' && r.roles.includes('cpt')),
    dos,
  );
  if (cpt)
    docs.push(
      ...conceptDocuments('CPT', (((await source(cpt, 'cpt')) ?? []) as CptRecord[]).map(cptConcept)),
    );
  for (const ref of refs) {
    const concepts = (await source(ref, 'code-system')) as CodeSystemConcept[] | undefined;
    if (concepts) docs.push(...conceptDocuments(ref.release.system, concepts));
    const nucc = (await source(ref, 'taxonomy')) as TaxonomyRecord[] | undefined;
    if (nucc)
      docs.push(
        ...conceptDocuments(
          ref.release.system,
          nucc.map((t) => ({ code: t.code, display: t.displayName })),
        ),
      );
  }
  return docs;
}
