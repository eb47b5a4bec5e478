/** `cleanclaim codesets import-cpt FILE`: a licensed user's AMA CPT data file. */
import type { Command } from 'commander';
import { todayIso } from '../shared/dates.ts';
import { intOption } from './options.ts';

const SHOWN_PROBLEMS = 50;

export function registerCptImportCommand(codesets: Command): void {
  codesets
    .command('import-cpt <file>')
    .description(
      'import your licensed AMA CPT data file (LONGULT.txt, MEDU.txt, SHORTU.txt …; tab-delimited or fixed layout) as the CPT release of a year',
    )
    .option('--year <year>', 'the CPT year the file is for (in force January 1 - December 31)', intOption)
    .action(async (file: string, opts: { year?: number }) => {
      const year = opts.year ?? Number(todayIso().slice(0, 4));
      const [
        { SYSTEM_ACTOR },
        { describeLocation },
        { refreshSearchIndexes },
        { importCptRelease },
        { withDatabase },
      ] = await Promise.all([
        import('../audit/index.ts'),
        import('../shared/problem.ts'),
        import('../codesets/storage/import.ts'),
        import('../codesets/storage/importCpt.ts'),
        import('./database.ts'),
      ]);
      await withDatabase(async (database) => {
        const o = await importCptRelease(database, file, year, SYSTEM_ACTOR);
        for (const p of o.problems.slice(0, SHOWN_PROBLEMS))
          console.error(`${describeLocation(p)}: ${p.message}`);
        if (o.problems.length > SHOWN_PROBLEMS)
          console.error(`… and ${o.problems.length - SHOWN_PROBLEMS} more`);
        console.log(
          `${o.status.padEnd(9)} CPT ${o.version}  ${o.counts.cpt ?? 0} codes${o.layout ? ` (${o.layout} layout)` : ''}`,
        );
        if (o.status === 'failed') {
          process.exitCode = 1;
          return;
        }
        if (o.status !== 'unchanged')
          console.log((await refreshSearchIndexes(database)) ?? 'search indexes rebuilt');
      });
    });
}
