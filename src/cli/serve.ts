import type { Command } from 'commander';

// Each action imports the server when it runs: registering the commands loads only commander.
const system = () =>
  Promise.all([import('../server/config.ts'), import('../server/system.ts')]).then(([config, sys]) => ({
    ...config,
    ...sys,
  }));

export function registerServeCommands(program: Command): void {
  program
    .command('serve')
    .description(
      'run the web UI and API (PORT, HOST, DATABASE_URL, CLEANCLAIM_DATA_DIR from the environment)',
    )
    .action(async () => {
      const { loadConfig, openSystemDatabase, prepareFirstStart, startQueue, importCodesetsOnFirstStart } =
        await system();
      const [{ buildApp }, { CodeSetCatalog }, { NcciCatalog }] = await Promise.all([
        import('../server/app.ts'),
        import('../codesets/catalog.ts'),
        import('../scrubber/index.ts'),
      ]);
      const config = loadConfig();
      const database = await openSystemDatabase(config, 'server');
      await prepareFirstStart(database, config, (line) => console.log(line));
      const catalog = new CodeSetCatalog(database);
      const ncci = new NcciCatalog(database);
      // Building the in-memory code tables takes seconds: they load once the server listens (on
      // PGlite their queries would hold the one connection the start needs), and the routes that
      // need them wait for them (see codeSetsReady in buildApp).
      let startLoading = () => {};
      const codeSetsReady = new Promise<void>((resolve) => (startLoading = resolve))
        .then(async () => {
          await catalog.reload();
          await ncci.reload();
        })
        .then(
          () => {
            // A worker in another process may import code sets: look for new releases every minute.
            setInterval(() => void catalog.reloadIfChanged().catch(() => undefined), 60_000).unref();
          },
          (error: unknown) => console.error(`cleanclaim: loading the code sets failed: ${String(error)}`),
        );
      const queue = await startQueue(database, config.runWorkers, catalog);
      await importCodesetsOnFirstStart(database, queue, config, (line) => console.log(line));
      const app = await buildApp({
        database,
        queue,
        catalog,
        ncci,
        codeSetsReady,
        codesetsDir: config.codesetsDir,
        sessionIdleMinutes: config.sessionIdleMinutes,
        sessionMaxHours: config.sessionMaxHours,
        trustProxy: config.trustProxy,
        logger: true,
      });
      const { closingWithoutKeepAlive, installGracefulShutdown } = await import('../server/shutdown.ts');
      installGracefulShutdown({
        closeRequests: closingWithoutKeepAlive(app),
        stopJobs: () => queue.stop(),
        database,
        log: (line) => console.log(`cleanclaim: ${line}`),
      });
      await app.listen({ port: config.port, host: config.host });
      startLoading();
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
      const { loadConfig, openSystemDatabase, startQueue } = await system();
      const config = loadConfig();
      const database = await openSystemDatabase(config, 'worker');
      const queue = await startQueue(database, true);
      console.log(`cleanclaim worker on ${database.engine}: waiting for jobs`);
      const { installGracefulShutdown } = await import('../server/shutdown.ts');
      installGracefulShutdown({
        stopJobs: () => queue.stop(),
        database,
        log: (line) => console.log(`cleanclaim worker: ${line}`),
      });
    });

  program
    .command('migrate')
    .description(
      'apply pending database migrations; on PostgreSQL as the owner (DATABASE_OWNER_URL), also the cleanclaim_app role and its grants',
    )
    .action(async () => {
      const { loadConfig } = await system();
      const { migrate } = await import('../server/migrate.ts');
      await migrate(loadConfig(), (line) => console.log(line));
    });
}
