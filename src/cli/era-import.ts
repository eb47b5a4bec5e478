import type { Command } from 'commander';
import { intOption } from './options.ts';

// `cleanclaim era import FILE...`: each 835 stored, balanced, matched and posted through the
// database the server owns (as the other database commands). Exit 0 everything posted (or already
// posted before), 1 something waits (unbalanced, unmatched) or a file is not an 835, 2 a file
// cannot be read.
export function registerEraImportCommand(program: Command): void {
  const era =
    program.commands.find((c) => c.name() === 'era') ??
    program.command('era').description('835 remittances (ERAs)');
  era
    .command('import <files...>')
    .description(
      'post 835 files: each payment stored once (payer, TRN02, BPR02), its claims matched and posted one transaction each; an unbalanced transaction is held unless --post-balanced',
    )
    .option('--practice <id>', 'the practice the ERAs pay (default: the only practice)', intOption)
    .option('--post-balanced', 'post the claims that balance of a transaction that does not')
    .option('--json', 'print JSON')
    .action(async (files: string[], opts: { practice?: number; postBalanced?: boolean; json?: boolean }) => {
      const [{ readFile }, { basename }, { withDatabase }, { importEra }, { todayIso }] = await Promise.all([
        import('node:fs/promises'),
        import('node:path'),
        import('./database.ts'),
        import('../remits/import.ts'),
        import('../shared/dates.ts'),
      ]);
      const texts: { file: string; text: string }[] = [];
      for (const file of files) {
        try {
          texts.push({ file, text: await readFile(file, 'utf8') });
        } catch (error) {
          console.error(`cleanclaim: ${file}: ${(error as Error).message}`);
          process.exitCode = 2;
          return;
        }
      }
      await withDatabase(async (database) => {
        const practices = (await database.sql.executeSql('select id from practice order by id')).rows.map(
          (r) => Number(r.id),
        );
        const practiceId = opts.practice ?? (practices.length === 1 ? practices[0] : undefined);
        if (practiceId === undefined || !practices.includes(practiceId))
          throw new Error(`say which practice the ERAs pay: --practice ${practices.join(' | ')}`);
        let exitCode = 0;
        const outcomes = [];
        for (const { file, text } of texts) {
          try {
            const outcome = await importEra(database.db, practiceId, basename(file), text, {
              userId: null,
              postUnbalanced: opts.postBalanced ?? false,
              today: todayIso(),
            });
            outcomes.push(outcome);
            if (outcome.remittances.some((r) => r.unmatched + r.held > 0)) exitCode = Math.max(exitCode, 1);
            if (opts.json) continue;
            console.log(`${file}: ${outcome.message}`);
            for (const r of outcome.remittances) {
              console.log(
                `  ${r.payerName} trace ${r.traceNumber} $${(r.paymentCents / 100).toFixed(2)}: ${r.balanced ? 'balanced' : 'NOT BALANCED'}; posted ${r.posted}, already posted ${r.alreadyPosted}, unmatched ${r.unmatched}, held ${r.held}; PLB ${r.providerAdjustments}`,
              );
              for (const p of r.balancing) console.log(`    ${p.code}: ${p.message}`);
            }
          } catch (error) {
            exitCode = Math.max(exitCode, 1);
            console.error(`${file}: ${(error as Error).message}`);
          }
        }
        if (opts.json) console.log(JSON.stringify(outcomes, null, 2));
        process.exitCode = exitCode;
      });
    });
}
