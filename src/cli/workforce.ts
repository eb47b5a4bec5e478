import type { Command } from 'commander';
import { todayIso } from '../shared/dates.ts';
import type { Db } from '../db/connection.ts';
import type { CommandResult } from '../x12/cli.ts';
import { dateOption, intOption, monthOption } from './options.ts';
import type * as Commands from './workforce-commands.ts';

async function onDatabase(run: (db: Db, commands: typeof Commands) => Promise<CommandResult>) {
  const [{ withDatabase }, commands, { orProblem }] = await Promise.all([
    import('./database.ts'),
    import('./workforce-commands.ts'),
    import('./coding-review.ts'),
  ]);
  const { output, exitCode } = await withDatabase((database) => orProblem(() => run(database.db, commands)));
  process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
  process.exitCode = exitCode;
}

// The office manager's team pages from a terminal (issue 17), as the installation's operator.
// Exit 0 done; 1 reminders due, a time sheet or period refused, no wage data; 2 an unreadable file.
export function registerWorkforceCommands(program: Command): void {
  const practice = ['--practice <id>', 'the practice', intOption] as const;
  const staff = program.command('staff').description('staff records and credential reminders');
  staff
    .command('list')
    .description('the staff with pay, logins and credentials (audited: it shows pay)')
    .requiredOption(...practice)
    .option('--json', 'print JSON')
    .action(async (opts: { practice: number; json?: boolean }) =>
      onDatabase((db, c) => c.staffListCommand(db, opts.practice, opts)),
    );
  staff
    .command('reminders')
    .description('credentials expired, expiring within 90 days or short of CEUs; exit 1 when any')
    .requiredOption(...practice)
    .option('--json', 'print JSON')
    .action(async (opts: { practice: number; json?: boolean }) =>
      onDatabase((db, c) => c.staffRemindersCommand(db, opts.practice, todayIso(), opts)),
    );
  program
    .command('time')
    .description('time worked')
    .command('import <file>')
    .description(
      'import a time sheet (CSV: staffId or staff, date, hours or minutes, note); any error refuses the whole sheet (exit 1), each at its row and column',
    )
    .requiredOption(...practice)
    .action(async (file: string, opts: { practice: number }) => {
      const { readTextFiles } = await import('./read-files.ts');
      const texts = await readTextFiles([file]);
      if (texts) await onDatabase((db, c) => c.timeImportCommand(db, opts.practice, texts[0]![1]));
    });
  program
    .command('payout')
    .description('payouts')
    .command('run')
    .description(
      "run and keep the payout of whole workweeks (Monday to Sunday): each person's lines with their inputs (audited)",
    )
    .requiredOption(...practice)
    .requiredOption('--from <date>', 'the first day (a Monday)', dateOption)
    .requiredOption('--to <date>', 'the last day (a Sunday)', dateOption)
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV (a row per person and line)')
    .action(async (opts: { practice: number; from: string; to: string; json?: boolean; csv?: boolean }) =>
      onDatabase((db, c) => c.payoutRunCommand(db, opts.practice, opts, opts)),
    );
  const workforce = program.command('workforce').description('operating figures and pay against the market');
  workforce
    .command('operating')
    .description(
      'cost per claim, cost to collect, FTE, claims and collections per FTE for twelve months (audited)',
    )
    .requiredOption(...practice)
    .option('--month <YYYY-MM>', 'the last month shown (default: this month)', monthOption)
    .option('--csv', 'print CSV with last year and the trailing twelve months')
    .action(async (opts: { practice: number; month?: string; csv?: boolean }) =>
      onDatabase((db, c) =>
        c.operatingCommand(db, opts.practice, opts.month ?? todayIso().slice(0, 7), opts),
      ),
    );
  workforce
    .command('market')
    .description("each staff member's annualised pay as a BLS percentile: national, state, setting (audited)")
    .requiredOption(...practice)
    .option('--csv', 'print CSV')
    .action(async (opts: { practice: number; csv?: boolean }) =>
      onDatabase((db, c) => c.marketCommand(db, opts.practice, todayIso(), opts)),
    );
}
