/**
 * Which release's indexes serve a date of service, and reading them into books from any record
 * source (the files or the database).
 */
import type { IndexTerm } from '../icd10cm/alphabeticIndex.ts';
import type { PcsIndexTerm } from '../icd10pcs/pcsIndex.ts';
import type { RecordSource, ReleaseRef } from '../load/source.ts';
import type { FileRole } from '../release/classify.ts';
import { selectRelease } from '../release/release.ts';
import { buildCmIndexBook, buildPcsIndexBook, type IndexBook, type IndexTable } from './indexBook.ts';

const CM_BOOKS: readonly [IndexTable, FileRole][] = [
  ['index', 'index'],
  ['drug', 'drug-table'],
  ['neoplasm', 'neoplasm-table'],
  ['external-cause', 'external-cause-index'],
];

/**
 * Pure. ICD-10-CM: the release in force on the date of service (its index matches its tabular).
 * ICD-10-PCS: the release in force when its index is held, else the newest index published on or
 * before the date (only the FY2025 index is held), else the newest index there is.
 */
export function indexReleaseFor<T extends ReleaseRef>(
  refs: readonly T[],
  system: IndexBook['system'],
  dos: string,
): T | undefined {
  const ofSystem = refs.filter((r) => r.release.system === system);
  const inForce = selectRelease(ofSystem, dos);
  if (system === 'ICD-10-CM' || inForce?.roles.includes('index')) return inForce;
  const indexed = ofSystem
    .filter((r) => r.roles.includes('index'))
    .sort((a, b) => b.release.effectiveFrom.localeCompare(a.release.effectiveFrom));
  return indexed.find((r) => r.release.effectiveFrom <= dos) ?? indexed[0];
}

export async function loadIndexBooks(ref: ReleaseRef, source: RecordSource): Promise<IndexBook[]> {
  if (ref.release.system === 'ICD-10-PCS') {
    const terms = (await source(ref, 'index')) as PcsIndexTerm[] | undefined;
    return terms ? [buildPcsIndexBook(ref.release, terms)] : [];
  }
  const books: IndexBook[] = [];
  for (const [table, role] of CM_BOOKS) {
    const terms = (await source(ref, role)) as IndexTerm[] | undefined;
    if (terms?.length) books.push({ ...buildCmIndexBook(ref.release, terms), table });
  }
  return books;
}
