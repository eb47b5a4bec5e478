import type { Command } from 'commander';

const CLI_ACTOR = { userId: null, userEmail: 'cli', ip: null };

// `cleanclaim chart import FILE...` imports chart files an EHR exported, FHIR R4 JSON or HL7 v2
// (told apart by content), into a practice: one line per file with what was created, updated and
// left unchanged, or why nothing was written. Exit 0 all imported (or imported before), 1 any
// refused (invalid, STU3/R5, a reference that points nowhere), 2 a file unreadable.
export function registerChartCommands(program: Command): void {
  const chart = program.command('chart').description('charts from the EHR: FHIR R4 and HL7 v2 files');
  chart
    .command('import <files...>')
    .description('import FHIR R4 (Bundle or resource) or HL7 v2 files into a practice')
    .requiredOption('--practice <id>', 'the practice the charts are for')
    .action(async (files: string[], opts: { practice: string }) => {
      const practiceId = Number(opts.practice);
      if (!Number.isInteger(practiceId) || practiceId < 1) {
        console.error('cleanclaim: chart import needs --practice <id>');
        process.exitCode = 2;
        return;
      }
      const [{ readTextFiles }, { withDatabase }, { importChartFile }, { describeLocation }] =
        await Promise.all([
          import('./read-files.ts'),
          import('./database.ts'),
          import('../charts/import-file.ts'),
          import('../shared/problem.ts'),
        ]);
      const texts = await readTextFiles(files);
      if (!texts) return;
      let exit = 0;
      await withDatabase(async (database) => {
        for (const [file, text] of texts) {
          const outcome = await importChartFile(database.db, practiceId, file, text, CLI_ACTOR);
          const done = outcome.results.filter((r) => r.imported || r.duplicate);
          const sum = (k: 'created' | 'updated' | 'unchanged') => done.reduce((n, r) => n + r[k], 0);
          if (outcome.imported)
            console.log(
              done.every((r) => r.duplicate)
                ? `${file}: ${outcome.format}: imported before, nothing changed`
                : `${file}: ${outcome.format}: ${sum('created')} created, ${sum('updated')} updated, ${sum('unchanged')} unchanged`,
            );
          else console.log(`${file}: ${outcome.format}: not imported`);
          for (const p of outcome.problems.filter((p) => p.severity !== 'info'))
            console.log(
              `  ${p.severity} ${p.code} ${describeLocation({ ...p, file: undefined })}: ${p.message}`,
            );
          const unreadable =
            outcome.format === 'unknown' || outcome.problems.some((p) => p.code === 'CHART_UNREADABLE');
          exit = Math.max(exit, unreadable ? 2 : outcome.imported ? 0 : 1);
        }
      });
      process.exitCode = exit;
    });
}
