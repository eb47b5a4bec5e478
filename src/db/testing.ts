import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { migrateDatabase, openDatabase, type Database } from './connection.ts';

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Names the migration set: its files' names and contents. */
function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(migrationsFolder, { recursive: true, encoding: 'utf8' }).sort()) {
    hash.update(name);
    try {
      hash.update(readFileSync(join(migrationsFolder, name)));
    } catch {
      // a folder (meta/)
    }
  }
  return hash.digest('hex').slice(0, 16);
}

const withDatabase = (serverUrl: string, name: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

/**
 * The name of a database on the server with every migration applied, made when missing. Suites
 * beside each other make it once: the first takes an advisory lock, the others wait for it.
 */
async function migratedPostgresTemplate(admin: pg.Client, serverUrl: string): Promise<string> {
  const name = `cleanclaim_template_${migrationsHash()}`;
  await admin.query('SELECT pg_advisory_lock(715517)');
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return name;
    const building = `${name}_building`;
    await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${building}`);
    const database = await openDatabase({ url: withDatabase(serverUrl, building) });
    try {
      await migrateDatabase(database);
    } finally {
      await database.close();
    }
    // Renamed only when whole: a template never holds half a migration history.
    await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    return name;
  } finally {
    await admin.query('SELECT pg_advisory_unlock(715517)');
  }
}

/**
 * A PGlite data directory with every migration applied, dumped once and kept in the temp folder
 * under a hash of the migrations: a new PGlite database costs an initdb and the whole migration
 * history (about 3 s, far more on a loaded machine), loading the dump about 0.5 s, and the db
 * suites open a few hundred of them. Another migration changes the hash and so the template.
 */
export async function migratedTemplate(): Promise<Blob> {
  const path = join(tmpdir(), `cleanclaim-pglite-template-${migrationsHash()}.tar`);
  try {
    return new Blob([readFileSync(path)]);
  } catch {
    const database = await openDatabase({ dataDir: 'memory://' });
    await migrateDatabase(database);
    const client = (database.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client;
    const dump = await client.dumpDataDir('none');
    await database.close();
    // Written aside and renamed: a suite beside this one never reads half a template.
    const partial = `${path}.${process.pid}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, path);
    return dump;
  }
}

/**
 * A fresh, migrated database for one test file. TEST_DATABASE_URL selects PostgreSQL (a new
 * database is created on that server and dropped afterwards); otherwise an in-memory PGlite.
 */
export async function openTestDatabase(): Promise<Database & { engineLabel: string }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ dataDir: 'memory://', template: await migratedTemplate() });
    // Applies nothing when the template is current; kept so a stale template can never hide a migration.
    await migrateDatabase(database);
    return { ...database, engineLabel: 'pglite' };
  }
  const scratch = await scratchPostgresDatabase(serverUrl, 'test', { migrated: true });
  const database = await openDatabase({ url: scratch.url });
  // Applies nothing when the template is current; kept so a stale template can never hide a migration.
  await migrateDatabase(database);
  return {
    ...database,
    engineLabel: 'postgres',
    async close() {
      await database.close();
      await scratch.drop();
    },
  };
}

/**
 * A new database on the PostgreSQL server at serverUrl (empty, or migrated when asked), for a test that starts its own
 * processes on it (they connect by URL); drop() removes it, whoever is still connected.
 */
export async function scratchPostgresDatabase(
  serverUrl: string,
  purpose: string,
  options: { migrated?: boolean } = {},
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `cleanclaim_${purpose}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    if (options.migrated) {
      // A copy of a migrated template database, made once per migration set on this server: the
      // copy is a file copy, far quicker than running the migration history for every test file.
      const template = await migratedPostgresTemplate(admin, serverUrl);
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    } else await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, name);
  return {
    url: url.toString(),
    async drop() {
      const drop = new pg.Client({ connectionString: serverUrl });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}
