/**
 * Stored search indexes: built when releases are imported, one per release set, and loaded at the
 * first search instead of being rebuilt from the records. An index is rebuilt only when it is
 * missing, was built from other releases, or is of another stored layout.
 */
import { eq, notInArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/connection.ts';
import { buildCodeTables } from '../load/loadTables.ts';
import { buildSearchDocuments } from '../search/build.ts';
import { releaseSets } from '../search/releaseSets.ts';
import { pause } from '../../shared/pause.ts';
import { buildSearchIndexInSlices, type SearchIndex } from '../search/searchIndex.ts';
import {
  deserializeSearchIndexOffThread,
  SEARCH_INDEX_FORMAT,
  serializeSearchIndexOffThread,
} from '../search/serialize.ts';
import type { CodeTables } from '../tables/codeTables.ts';
import { databaseSource, storedReleases, type StoredRelease } from './load.ts';
import { codeSearchIndex } from './tables.ts';

/** The releases and layout an index is built from; any import or replacement changes it. */
export function searchSources(releases: readonly StoredRelease[]): string {
  const ids = releases.map((r) => r.id).sort((a, b) => a - b);
  return `format ${SEARCH_INDEX_FORMAT}; releases ${ids.join(',')}`;
}

export async function loadStoredSearchIndex(
  database: Database,
  releaseSet: string,
  sources: string,
): Promise<SearchIndex | undefined> {
  // base64 text: the embedded database hands a large bytea to JavaScript several times slower
  const [row] = await database.db
    .select({
      sources: codeSearchIndex.sources,
      content: sql<string>`encode(${codeSearchIndex.content}, 'base64')`,
    })
    .from(codeSearchIndex)
    .where(eq(codeSearchIndex.releaseSet, releaseSet));
  if (!row || row.sources !== sources) return undefined;
  try {
    return await deserializeSearchIndexOffThread(Buffer.from(row.content, 'base64'));
  } catch {
    return undefined; // damaged or of another layout: the caller rebuilds and stores it again
  }
}

async function storeSearchIndex(database: Database, releaseSet: string, sources: string, index: SearchIndex) {
  const bytes = await serializeSearchIndexOffThread(index);
  const content = sql`decode(${Buffer.from(bytes).toString('base64')}, 'base64')`;
  const values = { sources, documents: index.docs.length, bytes: bytes.length, content, builtAt: new Date() };
  await database.db
    .insert(codeSearchIndex)
    .values({ releaseSet, ...values })
    .onConflictDoUpdate({ target: codeSearchIndex.releaseSet, set: values });
}

/** Builds a release set's index from the stored records, stores it, and returns it. */
export async function buildStoredSearchIndex(
  database: Database,
  releases: readonly StoredRelease[],
  tables: CodeTables,
  set: { key: string; from: string },
): Promise<SearchIndex> {
  const docs = await buildSearchDocuments(releases, databaseSource(database.db, releases), tables, set.from);
  // Seconds of CPU on a full release: built in slices so the API keeps answering meanwhile.
  const index = await buildSearchIndexInSlices(docs, pause);
  await storeSearchIndex(database, set.key, searchSources(releases), index);
  return index;
}

export interface StoredIndexOutcome {
  releaseSet: string;
  status: 'built' | 'unchanged';
  documents?: number;
}

/**
 * After an import: an index for every release set the releases make, built where the stored one
 * is missing or stale; indexes of sets no longer made are removed. The tables are built only
 * when something must be rebuilt.
 */
export async function refreshStoredSearchIndexes(database: Database): Promise<StoredIndexOutcome[]> {
  const releases = await storedReleases(database.db);
  const sources = searchSources(releases);
  const sets = releaseSets(releases.map((r) => r.release));
  const stored = await database.db
    .select({ releaseSet: codeSearchIndex.releaseSet, sources: codeSearchIndex.sources })
    .from(codeSearchIndex);
  const current = new Set(stored.filter((s) => s.sources === sources).map((s) => s.releaseSet));
  let tables: CodeTables | undefined;
  const outcomes: StoredIndexOutcome[] = [];
  for (const set of sets) {
    if (current.has(set.key)) {
      outcomes.push({ releaseSet: set.key, status: 'unchanged' });
      continue;
    }
    tables ??= await buildCodeTables(releases, databaseSource(database.db, releases));
    const index = await buildStoredSearchIndex(database, releases, tables, set);
    outcomes.push({ releaseSet: set.key, status: 'built', documents: index.docs.length });
  }
  const keep = sets.map((s) => s.key);
  await database.db
    .delete(codeSearchIndex)
    .where(keep.length ? notInArray(codeSearchIndex.releaseSet, keep) : undefined);
  return outcomes;
}

/** Removes every stored index (the benchmark times a rebuild with it). */
export async function clearStoredSearchIndexes(database: Database): Promise<void> {
  await database.db.delete(codeSearchIndex);
}
