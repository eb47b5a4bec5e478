import { migrateDatabase, openDatabase } from '../db/connection.ts';
import { ensureAppRole } from '../db/roles.ts';
import { JOBS } from './jobs.ts';
import { JobQueue } from '../jobs/queue.ts';
import type { Config } from './config.ts';
import { openSystemDatabase } from './system.ts';

/**
 * `cleanclaim migrate`. On PostgreSQL it runs as the owner (DATABASE_OWNER_URL, else
 * DATABASE_URL): the migrations, pg-boss's schema and one queue per job kind (creating a queue
 * is DDL the application role may not do), then the cleanclaim_app role and its grants.
 */
export async function migrate(config: Config, print: (line: string) => void): Promise<void> {
  if (!config.databaseUrl && !config.databaseOwnerUrl) {
    const database = await openSystemDatabase(config);
    print(`migrations applied (${database.engine})`);
    await database.close();
    return;
  }
  const database = await openDatabase({ url: config.databaseOwnerUrl ?? config.databaseUrl });
  try {
    await migrateDatabaseAsOwner(database, config.appDbPassword);
    print(
      `migrations applied (postgres); role cleanclaim_app ${config.appDbPassword ? 'may log in with CLEANCLAIM_APP_DB_PASSWORD' : 'updated (NOLOGIN: grant it to the role the server logs in as)'}`,
    );
  } finally {
    await database.close();
  }
}

/** The owner's part: migrations, pg-boss queues, the application role. Exported for tests. */
export async function migrateDatabaseAsOwner(
  database: Awaited<ReturnType<typeof openDatabase>>,
  appDbPassword: string | undefined,
  role?: string,
): Promise<void> {
  await migrateDatabase(database);
  const queue = new JobQueue(database, JOBS);
  await queue.start({ work: false });
  await queue.stop();
  await ensureAppRole(database, { password: appDbPassword, ...(role ? { role } : {}) });
}
