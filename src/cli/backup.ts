import type { Command } from 'commander';

// The action imports the database when it runs: registering the commands loads only commander.
export function registerBackupCommands(program: Command): void {
  program
    .command('backup <file>')
    .description(
      'write a consistent copy of the embedded database to FILE (.tgz), asked of the running server or read from the files when none runs; on PostgreSQL use pg_dump',
    )
    .action(async (file: string) => {
      const [{ loadConfig }, { backupDatabase, writeBackupFile, PG_DUMP_ADVICE }] = await Promise.all([
        import('../server/config.ts'),
        import('../db/backup.ts'),
      ]);
      const config = loadConfig();
      if (config.databaseUrl) throw new Error(PG_DUMP_ADVICE);
      const tarball = await backupDatabase(`${config.dataDir}/db`);
      writeBackupFile(file, tarball);
      console.log(`backup of ${config.dataDir}/db written to ${file} (${tarball.length} bytes)`);
    });

  program
    .command('restore <file>')
    .description(
      'fill an EMPTY embedded data directory (CLEANCLAIM_DATA_DIR/db) from a backup; refuses a non-empty one or one a server holds',
    )
    .action(async (file: string) => {
      const [{ loadConfig }, { restoreDatabase, PG_DUMP_ADVICE }] = await Promise.all([
        import('../server/config.ts'),
        import('../db/backup.ts'),
      ]);
      const config = loadConfig();
      if (config.databaseUrl) throw new Error(PG_DUMP_ADVICE);
      await restoreDatabase(file, `${config.dataDir}/db`);
      console.log(`restored ${file} into ${config.dataDir}/db; start the server with npm start`);
    });
}
