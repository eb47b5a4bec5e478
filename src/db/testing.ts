import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateDatabase, openDatabase, type Database } from './connection.ts';

/**
 * A fresh, migrated database for one test file. TEST_DATABASE_URL selects PostgreSQL (a new
 * database is created on that server and dropped afterwards); otherwise an in-memory PGlite.
 */
export async function openTestDatabase(): Promise<Database & { engineLabel: string }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ dataDir: 'memory://' });
    await migrateDatabase(database);
    return { ...database, engineLabel: 'pglite' };
  }
  const scratch = await scratchPostgresDatabase(serverUrl, 'test');
  const database = await openDatabase({ url: scratch.url });
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
 * A new, empty database on the PostgreSQL server at serverUrl, for a test that starts its own
 * processes on it (they connect by URL); drop() removes it, whoever is still connected.
 */
export async function scratchPostgresDatabase(
  serverUrl: string,
  purpose: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `cleanclaim_${purpose}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
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
