import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A database handle or an open transaction: store functions accept either. */
export type Executor = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

/** Runs raw SQL with positional parameters; pg-boss and the job pages use it. */
export interface SqlRunner {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

export interface Database {
  engine: 'pglite' | 'postgres';
  db: Db;
  sql: SqlRunner;
  /** For pg-boss: a connection string (its own pool) or, on PGlite, the shared runner. */
  queueConnection: { connectionString: string } | { db: SqlRunner };
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export interface DatabaseOptions {
  /** postgres://… for a PostgreSQL server; otherwise the embedded database is used. */
  url?: string | undefined;
  /** PGlite data directory, or 'memory://' for a throw-away database. */
  dataDir?: string | undefined;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url ? openPostgres(options.url) : openPglite(options.dataDir ?? './data/db');
}

async function openPglite(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  const db = drizzlePglite({ client, schema, casing: 'snake_case' });
  const sql: SqlRunner = {
    async executeSql(text, values) {
      if (values && values.length > 0) return { rows: (await client.query(text, values)).rows as never };
      const results = await client.exec(text);
      return { rows: (results.at(-1)?.rows ?? []) as never };
    },
  };
  return {
    engine: 'pglite',
    db: db as unknown as Db,
    sql,
    queueConnection: { db: sql },
    close: () => client.close(),
  };
}

async function openPostgres(url: string): Promise<Database> {
  // Every session in UTC: timestamps are stored and compared in UTC whatever the server's zone.
  const pool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    options: '-c TimeZone=UTC',
  });
  pool.on('error', () => undefined); // an idle client's error is reported on its next use
  const db = drizzlePg({ client: pool, schema, casing: 'snake_case' });
  return {
    engine: 'postgres',
    db: db as unknown as Db,
    sql: { executeSql: async (text, values) => ({ rows: (await pool.query(text, values)).rows }) },
    queueConnection: { connectionString: url },
    close: () => pool.end(),
  };
}

/** Applies every pending migration; the same history runs on PGlite and PostgreSQL. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.engine === 'pglite') await migratePglite(database.db as never, { migrationsFolder });
  else await migratePg(database.db as never, { migrationsFolder });
}
