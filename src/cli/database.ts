/**
 * Opening the database for one CLI command. Imported by the commands' actions only, so that
 * registering the commands (and `--help`) loads neither the database driver nor the code sets.
 */
import { CodeSetCatalog } from '../codesets/catalog.ts';
import type { Database } from '../db/connection.ts';
import { loadConfig } from '../server/config.ts';
import { openSystemDatabase } from '../server/system.ts';

export async function withDatabase<T>(run: (database: Database) => Promise<T>): Promise<T> {
  const database = await openSystemDatabase(loadConfig());
  try {
    return await run(database);
  } finally {
    await database.close();
  }
}

/** The imported code sets (possibly none: `catalog.loaded` is false then). */
export async function withCatalog<T>(
  run: (catalog: CodeSetCatalog, database: Database) => Promise<T>,
): Promise<T> {
  return withDatabase(async (database) => {
    const catalog = new CodeSetCatalog(database);
    await catalog.reload();
    return run(catalog, database);
  });
}

/** The imported code sets and how to close their database, for a caller that opens it late. */
export async function openCatalog(): Promise<{ catalog: CodeSetCatalog; close: () => Promise<void> }> {
  const database = await openSystemDatabase(loadConfig());
  try {
    const catalog = new CodeSetCatalog(database);
    await catalog.reload();
    return { catalog, close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** The imported code sets; refuses when none is imported. */
export async function withTables(run: (catalog: CodeSetCatalog) => Promise<void>): Promise<void> {
  await withCatalog(async (catalog) => {
    if (!catalog.loaded) throw new Error('no code set release is imported: cleanclaim codesets import DIR');
    await run(catalog);
  });
}
