import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { acquireLock, describeHolder, releaseLock, type OwnerLock } from './owner-lock.ts';
import { gatedClient, PgliteGate } from './pglite-gate.ts';
import type { PgliteOwner } from './pglite-serve.ts';

// No schema object: queries name their tables, so src/db needs no domain's (the index for drizzle-kit
// is src/app/schema.ts).
export type Db = PgDatabase<PgQueryResultHKT>;
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
  /** This process owns the embedded database's files (it may serve them to others). */
  owner?: PgliteOwner;
  /** The embedded database is owned by another process (the server); this one is its client. */
  servedBy?: OwnerLock;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export interface DatabaseOptions {
  /** postgres://… for a PostgreSQL server; otherwise the embedded database is used. */
  url?: string | undefined;
  /** PGlite data directory, or 'memory://' for a throw-away database. */
  dataDir?: string | undefined;
  /**
   * PGlite on files: 'own' (the server) refuses when another process holds the files; the default
   * connects to the holder's socket when there is one, else opens the files itself.
   */
  mode?: 'own' | 'any' | undefined;
  /** Names this process in the lock, for the message another process prints. */
  command?: string | undefined;
  /** A throw-away PGlite database starts from this dumped data directory (tests: a migrated template). */
  template?: Blob | undefined;
}

export class DatabaseHeldError extends Error {}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url);
  const dataDir = options.dataDir ?? './data/db';
  if (dataDir.startsWith('memory://')) return openPglite(dataDir, options.template);
  return openOwnedOrServed(dataDir, options);
}

/** One process owns the files (issue 10): take the lock, or connect to the owner, or refuse. */
async function openOwnedOrServed(dataDir: string, options: DatabaseOptions): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const command = options.command ?? `cleanclaim ${process.argv.slice(2).join(' ')}`.trim();
  const outcome = acquireLock(dataDir, command);
  if (outcome.kind === 'held') {
    const holder = outcome.lock;
    const what = `the embedded database ${dataDir} is held by ${describeHolder(holder)}`;
    if (options.mode === 'own' || !holder.serving)
      throw new DatabaseHeldError(
        `${what}${holder.serving ? '' : ', which does not share it'}: wait for it to finish or stop it ` +
          `(kill ${holder.pid}); never open the same files from two processes`,
      );
    const url = `postgres://postgres@/postgres?host=${encodeURIComponent(holder.serving.host)}&port=${holder.serving.port}`;
    try {
      // pglite-socket runs one statement at a time: one connection is all a CLI command needs.
      // pg-boss keeps its own default pool (10): with fewer, a worker's fetch can wait for a
      // connection when pg-boss ends its pool, and its stop then waits forever for that worker.
      const database = await openPostgres(url, 1);
      await database.sql.executeSql('select 1');
      return {
        ...database,
        engine: 'pglite',
        servedBy: holder,
        queueConnection: { connectionString: url },
      };
    } catch (error) {
      throw new DatabaseHeldError(
        `${what} but it does not answer on ${holder.serving.host} (${(error as Error).message}): ` +
          `if that process hangs, stop it (kill ${holder.pid}) and try again`,
      );
    }
  }
  if (outcome.tookOverFrom)
    console.error(
      `cleanclaim: took over the stale lock of ${describeHolder(outcome.tookOverFrom)}, which is gone`,
    );
  try {
    const gate = new PgliteGate();
    const { database, client } = await openPgliteClient(dataDir, gate);
    const owner: PgliteOwner = { client, gate, dataDir, lockPath: outcome.path, lock: outcome.lock };
    return {
      ...database,
      owner,
      close: async () => {
        try {
          await database.close();
        } finally {
          releaseLock(outcome.path);
        }
      },
    };
  } catch (error) {
    releaseLock(outcome.path);
    throw error;
  }
}

async function openPglite(dataDir: string, template?: Blob): Promise<Database> {
  return (await openPgliteClient(dataDir, undefined, template)).database;
}

async function openPgliteClient(
  dataDir: string,
  gate?: PgliteGate,
  template?: Blob,
): Promise<{ database: Database; client: PGlite }> {
  // Durability: every commit's WAL is written to the files before the commit answers (not
  // relaxed); see README "Operating it".
  const raw = await PGlite.create(dataDir, {
    relaxedDurability: false,
    ...(template ? { loadDataDir: template } : {}),
  });
  const client = gate ? gatedClient(raw, gate) : raw;
  const db = drizzlePglite({ client, casing: 'snake_case' });
  const sql: SqlRunner = {
    async executeSql(text, values) {
      if (values && values.length > 0) return { rows: (await client.query(text, values)).rows as never };
      const results = await client.exec(text);
      return { rows: (results.at(-1)?.rows ?? []) as never };
    },
  };
  const database: Database = {
    engine: 'pglite',
    db: db as unknown as Db,
    sql,
    queueConnection: { db: sql },
    close: () => raw.close(),
  };
  return { database, client: raw };
}

async function openPostgres(url: string, poolSize?: number): Promise<Database> {
  // Every session in UTC: timestamps are stored and compared in UTC whatever the server's zone.
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize ?? Number(process.env.DATABASE_POOL_SIZE ?? 10),
    options: '-c TimeZone=UTC',
  });
  pool.on('error', () => undefined); // an idle client's error is reported on its next use
  const db = drizzlePg({ client: pool, casing: 'snake_case' });
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
  // A client of the owning server speaks node-postgres even though the files are PGlite's.
  if (database.engine === 'pglite' && !database.servedBy)
    await migratePglite(database.db as never, { migrationsFolder });
  else await migratePg(database.db as never, { migrationsFolder });
}
