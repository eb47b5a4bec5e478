import type { Command } from 'commander';
import { todayIso } from '../shared/dates.ts';
import type { Db } from '../db/connection.ts';
import type { CommandResult } from '../x12/cli.ts';
import { dateOption, intOption } from './options.ts';

async function emit(result: Promise<CommandResult>) {
  const { output, exitCode } = await result;
  process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
  process.exitCode = exitCode;
}

/** A command on the database: the installation's own (or a running server's), closed after. */
async function onDatabase(run: (db: Db) => Promise<CommandResult>) {
  const [{ withDatabase }, review] = await Promise.all([
    import('./database.ts'),
    import('./coding-review.ts'),
  ]);
  return emit(withDatabase((database) => review.orProblem(() => run(database.db))));
}
const review = () => import('./coding-review.ts');

// The coder's and auditor's work from a terminal (issue 16). Exit 0 done; 1 a problem (not found,
// an answer refused, an audit under 95%, no ICD-10-CM release for the date); 2 an unreadable note.
export function registerCodingCommands(program: Command): void {
  const coding = program
    .command('coding')
    .description("the coder's workspace: suggestions, the queue, queries, audits");
  coding
    .command('suggest <file>')
    .description(
      'ICD-10-CM codes and the office E/M level suggested from a note (text or PDF), each with the words that support it; no database: the code set is read from the code-set folder',
    )
    .option('--dos <date>', 'the date of service (picks the ICD-10-CM release)', dateOption, todayIso())
    .option('--sex <F|M>', "the patient's sex (drops codes for the other)")
    .option('--age <years>', "the patient's age on the date of service", intOption)
    .option('--new-patient', 'a new patient (E/M 99202–99205)')
    .option('--codesets <dir>', 'the code-set folder (default ../shared/codesets)')
    .option('--json', 'print JSON')
    .action(
      async (
        file: string,
        opts: {
          dos: string;
          sex?: string;
          age?: number;
          newPatient?: boolean;
          codesets?: string;
          json?: boolean;
        },
      ) => {
        const { suggestFileCommand } = await import('./coding-suggest.ts');
        if (opts.sex !== undefined && opts.sex !== 'F' && opts.sex !== 'M') {
          console.error('cleanclaim: --sex is F or M');
          process.exitCode = 2;
          return;
        }
        await emit(
          suggestFileCommand(file, {
            dateOfService: opts.dos,
            ...(opts.sex ? { sex: opts.sex } : {}),
            ...(opts.age !== undefined ? { age: opts.age } : {}),
            ...(opts.newPatient ? { newPatient: true } : {}),
            ...(opts.codesets ? { codesets: opts.codesets } : {}),
            ...(opts.json ? { json: true } : {}),
          }),
        );
      },
    );
  coding
    .command('queue')
    .description('the charts waiting to be coded, most urgent and oldest first')
    .option('--practice <id>', 'one practice (default: every practice)', intOption)
    .option('--state <state>', 'queued, in-progress, held, query or done (default: all but done)')
    .option('--type <type>', 'the chart type (em, procedure, surgery, inpatient)')
    .option('--json', 'print JSON')
    .action(async (opts: { practice?: number; state?: string; type?: string; json?: boolean }) =>
      onDatabase(async (db) => (await review()).queueCommand(db, todayIso(), opts)),
    );
  const queries = coding.command('queries').description('physician queries (CDI)');
  queries
    .command('list')
    .description('physician queries, newest first')
    .option('--practice <id>', 'one practice (default: every practice)', intOption)
    .option('--state <state>', 'open, answered or withdrawn')
    .option('--json', 'print JSON')
    .action(async (opts: { practice?: number; state?: string; json?: boolean }) =>
      onDatabase(async (db) => (await review()).queriesListCommand(db, opts)),
    );
  queries
    .command('answer')
    .argument('<id>', 'the query number', intOption)
    .description("the provider's answer to a query; it becomes an addendum on the encounter the coder cites")
    .requiredOption(
      '--as <email>',
      "the answering provider's login (a provider, manager or admin of the practice)",
    )
    .requiredOption('--option <n|words>', 'the option chosen: its number in `queries list` or its words')
    .option('--text <words>', "the provider's own words (needed with Other)")
    .action(async (id: number, opts: { as: string; option: string; text?: string }) =>
      onDatabase(async (db) => (await review()).queriesAnswerCommand(db, id, opts, new Date())),
    );
  const audits = coding.command('audits').description('coding audits: samples re-coded blind by an auditor');
  audits
    .command('list')
    .description('coding audits, newest first, with how many charts are re-coded')
    .option('--practice <id>', 'one practice (default: every practice)', intOption)
    .option('--json', 'print JSON')
    .action(async (opts: { practice?: number; json?: boolean }) =>
      onDatabase(async (db) => (await review()).auditsListCommand(db, opts)),
    );
  audits
    .command('score')
    .argument('<id>', 'the audit number', intOption)
    .description(
      "an audit's scores per chart and per coder against 95%, errors by kind and the money they move; exit 1 when under 95%",
    )
    .option('--json', 'print JSON')
    .action(async (id: number, opts: { json?: boolean }) =>
      onDatabase(async (db) => (await review()).auditsScoreCommand(db, id, opts)),
    );
}
