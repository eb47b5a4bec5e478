import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { DatabaseHeldError, openDatabase, type Database } from './connection.ts';
import { acquireLock, describeHolder, releaseLock } from './owner-lock.ts';
import { dumpOwned } from './pglite-serve.ts';
import { backupFileName, backupsToDelete, nextBackupAt } from './backup-schedule.ts';

export const PG_DUMP_ADVICE =
  'the database is a PostgreSQL server (DATABASE_URL): back it up with pg_dump -Fc "$DATABASE_URL" -f FILE ' +
  'and restore with pg_restore -d NEW_DATABASE_URL FILE; cleanclaim backup copies only the embedded database';

/** A consistent gzipped tar of the embedded database: from the owning server, or from the files. */
export async function backupDatabase(dataDir: string): Promise<Buffer> {
  if (!existsSync(join(dataDir, 'PG_VERSION')))
    throw new Error(`there is no embedded database in ${dataDir}`);
  const database = await openDatabase({ dataDir, command: 'cleanclaim backup' });
  try {
    if (database.owner) return await dumpOwned(database.owner);
    return await askOwnerToDump(database);
  } finally {
    await database.close();
  }
}

function askOwnerToDump(database: Database): Promise<Buffer> {
  const control = database.servedBy!.serving!.control;
  const [host, port] = control.startsWith('/') ? [undefined, undefined] : control.split(':');
  return new Promise((resolve, reject) => {
    const req = request(
      { method: 'POST', path: '/backup', ...(host ? { host, port: Number(port) } : { socketPath: control }) },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          response.statusCode === 200
            ? resolve(Buffer.concat(chunks))
            : reject(new Error(`the server could not back up: ${Buffer.concat(chunks).toString()}`)),
        );
        response.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Writes the file whole or not at all (a half-written backup must never look like a good one). */
export function writeBackupFile(file: string, tarball: Buffer): void {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  writeFileSync(partial, tarball);
  renameSync(partial, file);
}

/** Fills an empty data directory from a backup; refuses a non-empty one or one a process holds. */
export async function restoreDatabase(file: string, dataDir: string): Promise<void> {
  const tarball = readFileSync(file);
  mkdirSync(dataDir, { recursive: true });
  const lock = acquireLock(dataDir, 'cleanclaim restore');
  if (lock.kind === 'held')
    throw new DatabaseHeldError(
      `the embedded database ${dataDir} is held by ${describeHolder(lock.lock)}: stop it before restoring`,
    );
  try {
    if (readdirSync(dataDir).length > 0)
      throw new Error(
        `${dataDir} is not empty: restore fills an empty data directory (move the old one aside first)`,
      );
    const client = await PGlite.create(dataDir, { loadDataDir: new Blob([tarball]) });
    try {
      await client.query('select 1');
    } finally {
      await client.close();
    }
  } finally {
    releaseLock(lock.path);
  }
}

/**
 * The server's nightly backups into `dir`, keeping the newest `keep`. Returns how to stop the timer
 * and to run one now. Failures are logged, never fatal: the server goes on serving.
 */
export function scheduleNightlyBackups(
  database: Database,
  options: { dir: string; keep: number; hour: number; log: (line: string) => void },
): { stop: () => void; runNow: (at?: Date) => Promise<void> } {
  if (!database.owner || options.keep <= 0) return { stop: () => undefined, runNow: async () => undefined };
  const owner = database.owner;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const delay = nextBackupAt(new Date(), options.hour).getTime() - Date.now();
    timer = setTimeout(() => void run().finally(arm), delay);
    timer.unref();
  };
  const run = async (at = new Date()) => {
    try {
      const file = join(options.dir, backupFileName(at));
      writeBackupFile(file, await dumpOwned(owner));
      for (const old of backupsToDelete(
        existsSync(options.dir) ? readdirSync(options.dir) : [],
        options.keep,
      ))
        rmSync(join(options.dir, old), { force: true });
      options.log(`backup written: ${file}`);
    } catch (error) {
      options.log(`nightly backup failed: ${(error as Error).message}`);
    }
  };
  arm();
  return { stop: () => clearTimeout(timer), runNow: run };
}
