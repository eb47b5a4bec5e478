/**
 * Start-up benchmark: what a server pays before its first code search. Imports the code-set
 * folder into a database (skipped when the same files are already there), then times loading the
 * tables (`catalog.reload()`) and the first search of a date of service, which either loads the
 * search index persisted at import or, when none is stored, rebuilds it from the records.
 *
 * Run: npm run bench:codesets -- --startup [--data-dir DIR] [codeset dir]
 * (DIR keeps the embedded database between runs; BENCH_DATABASE_URL selects PostgreSQL.)
 */
import { performance } from 'node:perf_hooks';
import { SYSTEM_ACTOR } from '../../src/audit/store.ts';
import { CodeSetCatalog } from '../../src/codesets/catalog.ts';
import { importCodesetDirectory } from '../../src/codesets/storage/import.ts';
import { clearStoredSearchIndexes } from '../../src/codesets/storage/searchIndexStore.ts';
import { migrateDatabase, openDatabase, type Database } from '../../src/db/connection.ts';

const DOS = '2026-03-15';
const ms = (t0: number) => `${(performance.now() - t0).toFixed(0)} ms`;

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await run();
  console.log(`| ${label} | ${ms(t0)} |`);
  return out;
}

/** A fresh catalog, as a restarted server has: load the tables, then search twice. */
async function coldStart(database: Database, label: string): Promise<void> {
  const catalog = new CodeSetCatalog(database);
  await timed(`${label}: load tables (catalog.reload)`, () => catalog.reload());
  const hits = await timed(`${label}: first search "asthma" (DOS ${DOS})`, () =>
    catalog.search('asthma', DOS),
  );
  await timed(`${label}: second search "fracture radius"`, () => catalog.search('fracture radius', DOS));
  if (hits.length === 0) throw new Error('the first search found nothing: is ICD-10-CM imported?');
}

export async function runStartup(dir: string, dataDir: string | undefined): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL;
  const database = await openDatabase(url ? { url } : { dataDir: dataDir ?? 'memory://' });
  await migrateDatabase(database);
  try {
    console.log(
      `## Start-up and first search (${database.engine}, ${url ? 'BENCH_DATABASE_URL' : (dataDir ?? 'in memory')})\n`,
    );
    console.log('| step | time |\n|---|---:|');
    const outcomes = await timed(`import ${dir} (incl. search indexes)`, () =>
      importCodesetDirectory(database, dir, SYSTEM_ACTOR),
    );
    const changed = outcomes.filter((o) => o.status !== 'unchanged').length;
    console.log(`| (releases imported or replaced: ${changed} of ${outcomes.length}) | |`);
    await coldStart(database, 'persisted index');
    await clearStoredSearchIndexes(database);
    await coldStart(database, 'no stored index (rebuild, then store)');
    await coldStart(database, 'persisted index again');
  } finally {
    await database.close();
  }
}
