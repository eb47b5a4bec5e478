/**
 * Stored search indexes: built when releases are imported, one per release set, and loaded at the
 * first search instead of being rebuilt from the records. An index is rebuilt only when it is
 * missing, was built from other releases, or is of another stored layout.
 */
import { and, eq, notInArray, sql } from 'drizzle-orm';
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
import { codeSearchIndex, codeSearchIndexPart } from './tables.ts';

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
      bytes: codeSearchIndex.bytes,
      content: sql<string>`encode(${codeSearchIndex.content}, 'base64')`,
    })
    .from(codeSearchIndex)
    .where(eq(codeSearchIndex.releaseSet, releaseSet));
  if (!row || row.sources !== sources) return undefined;
  const chunks = [Buffer.from(row.content, 'base64')];
  let length = chunks[0]!.length;
  for (let part = 1; length < row.bytes; part++) {
    const [next] = await database.db
      .select({ content: sql<string>`encode(${codeSearchIndexPart.content}, 'base64')` })
      .from(codeSearchIndexPart)
      .where(and(eq(codeSearchIndexPart.releaseSet, releaseSet), eq(codeSearchIndexPart.part, part)));
    if (!next) return undefined; // a part missing: rebuilt, as a damaged index is
    chunks.push(Buffer.from(next.content, 'base64'));
    length += chunks.at(-1)!.length;
  }
  if (length !== row.bytes) return undefined;
  try {
    return await deserializeSearchIndexOffThread(Buffer.concat(chunks));
  } catch {
    return undefined; // damaged or of another layout: the caller rebuilds and stores it again
  }
}

/** Bytes a row: on a busy machine inserting a megabyte held the embedded database for up to 0.8 s, the whole index for 2 s. */
const PART = 1 << 19;
/** The head row's sources while its parts are written: matches no release set, so no reader takes it. */
const BUILDING = 'building';

/**
 * Writes an index a part at a time, not in one transaction (on the embedded database that would
 * hold the only connection, and every request, until the last part): the head row names no
 * sources until every part is in, so a reader meanwhile finds no current index and builds its own.
 */
export async function storeSearchIndex(
  database: Database,
  releaseSet: string,
  sources: string,
  index: SearchIndex,
  partBytes = PART,
): Promise<void> {
  const bytes = await serializeSearchIndexOffThread(index);
  const part = (i: number) => {
    const b = bytes.subarray(i * partBytes, (i + 1) * partBytes);
    return sql`decode(${Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64')}, 'base64')`;
  };
  const head = {
    sources: BUILDING,
    documents: index.docs.length,
    bytes: bytes.length,
    content: part(0),
    builtAt: new Date(),
  };
  await database.db
    .insert(codeSearchIndex)
    .values({ releaseSet, ...head })
    .onConflictDoUpdate({ target: codeSearchIndex.releaseSet, set: head });
  await database.db.delete(codeSearchIndexPart).where(eq(codeSearchIndexPart.releaseSet, releaseSet));
  for (let i = 1; i * partBytes < bytes.length; i++) {
    await pause();
    // a concurrent build of the same set writes the same bytes: the last writer's part stands
    await database.db
      .insert(codeSearchIndexPart)
      .values({ releaseSet, part: i, content: part(i) })
      .onConflictDoUpdate({
        target: [codeSearchIndexPart.releaseSet, codeSearchIndexPart.part],
        set: { content: part(i) },
      });
  }
  await database.db
    .update(codeSearchIndex)
    .set({ sources })
    .where(eq(codeSearchIndex.releaseSet, releaseSet));
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
