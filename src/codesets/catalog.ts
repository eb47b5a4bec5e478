import type { Database } from '../db/connection.ts';
import { codeCheckerFor } from './checker.ts';
import { buildCodeTables } from './load/loadTables.ts';
import { indexReleaseFor, loadIndexBooks } from './book/loadBooks.ts';
import type { IndexBook } from './book/indexBook.ts';
import { lookUpIndex, noIndexRelease, type IndexLookup, type IndexRequest } from './book/lookUp.ts';
import { search, type SearchHit, type SearchOptions } from './search/query.ts';
import { releaseSetKey } from './search/releaseSets.ts';
import type { SearchIndex } from './search/searchIndex.ts';
import { databaseSource, storedReleases, type StoredRelease } from './storage/load.ts';
import { buildStoredSearchIndex, loadStoredSearchIndex, searchSources } from './storage/searchIndexStore.ts';
import type { CodeTables } from './tables/codeTables.ts';
import type { AuditActor } from '../audit/index.ts';
import { refreshSearchIndexes } from './storage/import.ts';
import { importCptRelease, type CptImportOutcome } from './storage/importCpt.ts';
import type { CodeChecker } from '../scrubber/context.ts';

/**
 * The imported code sets held in memory for exact lookups and fast search, rebuilt from the
 * database at start and after every import. The search index of the releases in force on a date
 * of service is loaded at its first search from the copy stored at import (built and stored then
 * only when missing or stale); index books are read at their first look-up.
 */
export class CodeSetCatalog {
  private releases: StoredRelease[] = [];
  private tables: CodeTables | undefined;
  private checker: CodeChecker | undefined;
  private readonly indexes = new Map<string, Promise<SearchIndex>>();
  private readonly books = new Map<number, Promise<IndexBook[]>>();
  private background: Promise<unknown> = Promise.resolve();
  private readonly reloadListeners: (() => void)[] = [];

  constructor(private readonly database: Database) {}

  async reload(): Promise<void> {
    const releases = await storedReleases(this.database.db);
    const tables = releases.length
      ? await buildCodeTables(releases, databaseSource(this.database.db, releases))
      : undefined;
    this.releases = releases;
    this.tables = tables;
    this.checker = tables && codeCheckerFor(tables);
    this.indexes.clear();
    this.books.clear();
    for (const listener of this.reloadListeners) listener();
  }

  /** Called after each reload (an import, another process's import): what is built from the tables is rebuilt. */
  onReload(listener: () => void): void {
    this.reloadListeners.push(listener);
  }

  /** Reloads when the database holds other releases than those in memory (imported by another process). */
  async reloadIfChanged(): Promise<void> {
    const stored = await storedReleases(this.database.db);
    const key = (rs: StoredRelease[]) => rs.map((r) => `${r.id}:${r.importedAt.toISOString()}`).join(',');
    if (key(stored) !== key(this.releases)) await this.reload();
  }

  get loaded(): boolean {
    return this.tables !== undefined;
  }

  list(): StoredRelease[] {
    return this.releases;
  }

  codeTables(): CodeTables | undefined {
    return this.tables;
  }

  codeChecker(): CodeChecker | undefined {
    return this.checker;
  }

  async search(query: string, dos: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const tables = this.tables;
    if (!tables) return [];
    const key = releaseSetKey(
      this.releases.map((r) => r.release),
      dos,
    );
    let index = this.indexes.get(key);
    if (!index) {
      index = this.searchIndex(key, dos, tables);
      this.indexes.set(key, index);
      index.catch(() => this.indexes.delete(key));
    }
    return search(await index, query, options);
  }

  private async searchIndex(key: string, dos: string, tables: CodeTables): Promise<SearchIndex> {
    const releases = this.releases;
    const stored = await loadStoredSearchIndex(this.database, key, searchSources(releases));
    return stored ?? buildStoredSearchIndex(this.database, releases, tables, { key, from: dos });
  }

  /** Looks a term up in the alphabetic index (or drug, neoplasm, external-cause table) serving the date of service. */
  async lookUpIndex(request: IndexRequest): Promise<IndexLookup | undefined> {
    const tables = this.tables;
    if (!tables) return undefined;
    const release = indexReleaseFor(this.releases, request.system, request.dos);
    if (!release) return noIndexRelease(request);
    let books = this.books.get(release.id);
    if (!books) {
      books = loadIndexBooks(release, databaseSource(this.database.db, this.releases));
      this.books.set(release.id, books);
      books.catch(() => this.books.delete(release.id));
    }
    return lookUpIndex(await books, request, tables);
  }

  /**
   * Imports a licensed CPT data file, then loads it; the search indexes it makes stale are rebuilt
   * in the background (a search before that builds its own).
   */
  async importCpt(file: string, year: number, actor: AuditActor): Promise<CptImportOutcome> {
    const outcome = await importCptRelease(this.database, file, year, actor);
    if (outcome.status === 'imported' || outcome.status === 'replaced') {
      await this.reload();
      this.background = refreshSearchIndexes(this.database);
    }
    return outcome;
  }

  /** Settles when the background work started by an import is done (tests, shutdown). */
  async settled(): Promise<void> {
    await this.background;
  }
}
