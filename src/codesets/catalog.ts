import type { Database } from '../db/connection.ts';
import { codeCheckerFor } from './checker.ts';
import { buildCodeTables } from './load/loadTables.ts';
import { selectRelease } from './release/release.ts';
import { buildSearchDocuments } from './search/build.ts';
import { search, type SearchHit, type SearchOptions } from './search/query.ts';
import { buildSearchIndex, type SearchIndex } from './search/searchIndex.ts';
import { databaseSource, storedReleases, type StoredRelease } from './storage/load.ts';
import type { CodeTables } from './tables/codeTables.ts';
import type { CodeChecker } from '../scrubber/context.ts';

/**
 * The imported code sets held in memory for exact lookups and fast search, rebuilt from the
 * database at start and after every import. Search indexes are built per set of releases in
 * effect on a date of service, on first use.
 */
export class CodeSetCatalog {
  private releases: StoredRelease[] = [];
  private tables: CodeTables | undefined;
  private checker: CodeChecker | undefined;
  private readonly indexes = new Map<string, Promise<SearchIndex>>();

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
    const key = [
      selectRelease(tables.icd10cm, dos),
      selectRelease(tables.icd10pcs, dos),
      selectRelease(tables.hcpcs, dos),
    ]
      .map((t) => t?.release.version ?? '-')
      .join('|');
    let index = this.indexes.get(key);
    if (!index) {
      index = buildSearchDocuments(
        this.releases,
        databaseSource(this.database.db, this.releases),
        tables,
        dos,
      ).then(buildSearchIndex);
      this.indexes.set(key, index);
    }
    return search(await index, query, options);
  }
}
