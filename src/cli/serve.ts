import type { Command } from 'commander';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import {
  importCodesetsOnFirstStart,
  openSystemDatabase,
  prepareFirstStart,
  startQueue,
} from '../server/system.ts';
import { CodeSetCatalog } from '../codesets/catalog.ts';
import { NcciCatalog } from '../scrubber/ncci-store.ts';

export function registerServeCommands(program: Command): void {
  program
    .command('serve')
    .description(
      'run the web UI and API (PORT, HOST, DATABASE_URL, CLEANCLAIM_DATA_DIR from the environment)',
    )
    .action(async () => {
      const config = loadConfig();
      const database = await openSystemDatabase(config);
      await prepareFirstStart(database, config, (line) => console.log(line));
      const catalog = new CodeSetCatalog(database);
      await catalog.reload();
      const queue = await startQueue(database, config.runWorkers, catalog);
      await importCodesetsOnFirstStart(database, queue, config, (line) => console.log(line));
      // A worker in another process may import code sets: look for new releases every minute.
      setInterval(() => void catalog.reloadIfChanged().catch(() => undefined), 60_000).unref();
      const ncci = new NcciCatalog(database);
      await ncci.reload();
      const app = await buildApp({
        database,
        queue,
        catalog,
        ncci,
        codesetsDir: config.codesetsDir,
        sessionIdleMinutes: config.sessionIdleMinutes,
        sessionMaxHours: config.sessionMaxHours,
        trustProxy: config.trustProxy,
        logger: true,
      });
      const stop = async () => {
        await app.close();
        await queue.stop();
        await database.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await app.listen({ port: config.port, host: config.host });
      console.log(
        `cleanclaim ${database.engine === 'pglite' ? `on the embedded database in ${config.dataDir}/db` : 'on PostgreSQL'}: http://localhost:${config.port}`,
      );
    });

  program
    .command('worker')
    .description(
      'run background job workers only; start several against one PostgreSQL DATABASE_URL to scale out',
    )
    .action(async () => {
      const config = loadConfig();
      const database = await openSystemDatabase(config);
      const queue = await startQueue(database, true);
      console.log(`cleanclaim worker on ${database.engine}: waiting for jobs`);
      const stop = async () => {
        await queue.stop();
        await database.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(async () => {
      const database = await openSystemDatabase(loadConfig());
      console.log(`migrations applied (${database.engine})`);
      await database.close();
    });
}
