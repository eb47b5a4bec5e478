import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { SYSTEM_ACTOR } from '../../src/audit/store.ts';
import { createUser } from '../../src/auth/store.ts';
import { CodeSetCatalog } from '../../src/codesets/catalog.ts';
import { importCodesetDirectory } from '../../src/codesets/storage/import.ts';
import { migrateDatabase, openDatabase, type Database } from '../../src/db/connection.ts';
import { migratedTemplate } from '../../src/db/testing.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { JOBS } from '../../src/server/jobs.ts';
import { JobQueue } from '../../src/jobs/queue.ts';
import { buildApp } from '../../src/server/app.ts';
import { todayIso } from '../../src/shared/dates.ts';

export const WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

export const ADMIN = { email: 'admin@e2e.test', name: 'Avery Admin', password: 'admin-password-e2e' };
export const CODER = { email: 'coder@e2e.test', name: 'Casey Coder', password: 'coder-password-e2e' };
export const BILLER = { email: 'biller@e2e.test', name: 'Blake Biller', password: 'biller-password-e2e' };

export interface ServerOptions {
  /** A code-set folder imported before the app starts (and the one POST /api/codesets/import reads). */
  codesetsDir?: string;
  /** The demo practice's size (default 5 patients, 5 encounters). */
  demo?: { patients: number; encounters: number };
}

export interface TestServer {
  url: string;
  practiceId: number;
  /** The server's database, for tests that set up state the UI cannot make (ledger history). */
  database: Database;
  stop(): Promise<void>;
}

/** The real API and built UI on an in-memory database with a small demo practice, an admin, a coder and a biller. */
export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  if (!existsSync(`${WEB_ROOT}/index.html`)) {
    throw new Error(
      `the web UI is not built: run \`npm run build:web\` first (expected ${WEB_ROOT}/index.html)`,
    );
  }
  // From the migrated template the db suites share (loading it is far quicker than the history).
  const database: Database = await openDatabase({ dataDir: 'memory://', template: await migratedTemplate() });
  // Applies nothing when the template is current; kept so a stale template can never hide a migration.
  await migrateDatabase(database);
  const queue = new JobQueue(database, JOBS);
  await queue.start({ work: true });
  // As on a first start: the administrator is the installation admin, with admin in the demo practice.
  const adminId = await createUser(database.db, { ...ADMIN, grants: [], installationAdmin: true });
  const practiceId = await seedDemo(
    database,
    { seed: 1, patients: 5, encounters: 5, ...options.demo, asOf: todayIso() },
    SYSTEM_ACTOR,
    [adminId],
  );
  await createUser(database.db, { ...CODER, grants: [{ practiceId, role: 'coder' }] });
  await createUser(database.db, { ...BILLER, grants: [{ practiceId, role: 'biller' }] });
  const catalog = new CodeSetCatalog(database);
  if (options.codesetsDir) {
    await importCodesetDirectory(database, options.codesetsDir, SYSTEM_ACTOR);
    await catalog.reload();
  }
  const app: FastifyInstance = await buildApp({
    database,
    queue,
    webRoot: WEB_ROOT,
    catalog,
    codesetsDir: options.codesetsDir,
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    practiceId,
    database,
    async stop() {
      await app.close();
      await queue.stop();
      await database.close();
    },
  };
}
