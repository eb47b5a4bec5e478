import type { Command } from 'commander';

// `cleanclaim wages import DIR`: the BLS OEWS and Employment Projections CSVs of a folder (the
// layouts of ../shared/salary; newer releases of the same layouts). Exit 0 imported (or already
// imported), 1 a file has problems (each at its file, line and column; that file is not imported),
// 2 the folder cannot be read.
export function registerWageCommands(program: Command): void {
  program
    .command('wages')
    .description('market pay: the BLS wage and job outlook files behind the salary explorer')
    .command('import <dir>')
    .description(
      'import the BLS OEWS (national, state, industry) and Employment Projections CSVs of a folder',
    )
    .option('--json', 'print JSON')
    .action(async (dir: string, opts: { json?: boolean }) => {
      const [{ readdir }, { withDatabase }, { importWageDir }] = await Promise.all([
        import('node:fs/promises'),
        import('./database.ts'),
        import('../workforce/index.ts'),
      ]);
      try {
        await readdir(dir);
      } catch (error) {
        console.error(`cleanclaim: ${dir}: ${(error as Error).message}`);
        process.exitCode = 2;
        return;
      }
      const outcomes = await withDatabase((database) =>
        importWageDir(database.db, dir, { userId: null, userEmail: 'cli', ip: null }),
      );
      if (opts.json) console.log(JSON.stringify(outcomes, null, 2));
      else
        for (const o of outcomes) {
          console.log(
            `${o.file}: ${o.outcome}, ${o.rows} rows${o.release ? ` (${o.layout} ${o.release})` : ''}`,
          );
          for (const p of o.problems)
            console.error(
              `${p.file}${p.line ? `:${p.line}` : ''}${p.field ? ` ${p.field}` : ''}: ${p.code} ${p.message}`,
            );
        }
      if (outcomes.length === 0) console.error(`cleanclaim: ${dir}: no CSV files`);
      if (outcomes.length === 0 || outcomes.some((o) => o.outcome === 'refused')) process.exitCode = 1;
    });
}
