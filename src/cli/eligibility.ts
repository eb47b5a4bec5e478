import type { Command } from 'commander';
import { eligibilityGroup } from './groups.ts';
import { dateOption, intOption } from './options.ts';

// `cleanclaim eligibility check|batch`: a 270 asked through the database the server owns (as the
// other database commands), under the practice's clearinghouse ids; real-time when the practice has
// an http connection, else a batch file queued for upload over its connection.
// Exit 0 asked (active, or waiting for the 271), 1 the answer needs action (inactive, rejected,
// failed) or nothing could be asked, 2 input that cannot be read (patient, practice, CSV file).

const CLI_ACTOR = { userId: null, userEmail: 'cli', ip: null };

interface CheckLike {
  id: number;
  state: string;
  status: string | null;
  how: string;
  payerName: string;
  memberId: string;
  dateOfService: string;
  batchId: number | null;
  failure: string | null;
  warnings: string[];
  summary: { statusText?: string; planName?: string } | null;
}

/** One check in a front desk's words. */
export function describeCheck(c: CheckLike): string[] {
  const head = `check ${c.id}: ${c.payerName} member ${c.memberId}, date of service ${c.dateOfService}`;
  if (c.state === 'failed') return [`${head}: FAILED: ${c.failure ?? 'no reason given'}`];
  if (c.state === 'waiting')
    return [`${head}: asked in 270 batch ${c.batchId}; the answer is recorded when the 271 arrives`];
  const plan = c.summary?.planName ? ` (${c.summary.planName})` : '';
  return [
    `${head}: ${(c.status ?? 'unknown').toUpperCase()}${plan}: ${c.summary?.statusText ?? ''}`,
    ...c.warnings.map((w) => `  warning: ${w}`),
  ];
}

export const checkExitCode = (c: CheckLike): number =>
  c.state === 'failed' || (c.state === 'answered' && c.status !== 'active') ? 1 : 0;

/** A refusal in words: the problem's detail and each field error. */
function problemText(e: unknown): { text: string; code?: string } {
  const p = e as { code?: string; message: string; errors?: { pointer: string; detail: string }[] };
  const lines = [p.message, ...(p.errors ?? []).map((x) => `  ${x.pointer}: ${x.detail}`)];
  return p.code ? { text: lines.join('\n'), code: p.code } : { text: lines.join('\n') };
}

async function wiring() {
  const [
    { loadConfig },
    { openSystemDatabase, startQueue },
    eligibility,
    claims,
    clearinghouse,
    jobs,
    practices,
  ] = await Promise.all([
    import('../server/config.ts'),
    import('../server/system.ts'),
    import('../eligibility/index.ts'),
    import('../claims/index.ts'),
    import('../clearinghouse/index.ts'),
    import('../clearinghouse/jobs.ts'),
    import('../practices/index.ts'),
  ]);
  const database = await openSystemDatabase(loadConfig());
  const queue = await startQueue(database, false);
  const deps = {
    envelope: claims.submitterEnvelope,
    realtime: clearinghouse.sendRealtime,
    written: (practiceId: number, kind: 'eligibility', batchId: number, actor: typeof CLI_ACTOR) =>
      jobs.queueOutboundUpload(
        practiceId,
        kind,
        batchId,
        { database, enqueue: queue.enqueue.bind(queue) },
        actor,
      ),
  };
  return {
    database,
    deps,
    eligibility,
    scope: await practices.allPracticeIds(database.db),
    async close() {
      await queue.stop();
      await database.close();
    },
  };
}

export function registerEligibilityCommands(program: Command): void {
  const group = eligibilityGroup(program);
  group
    .command('check')
    .description(
      "ask the payer whether a patient's coverage is active on a date of service (270/271): the primary coverage in effect, or --coverage; real-time when the practice has an http connection, else sent in a 270 batch",
    )
    .requiredOption('--patient <id>', 'the patient', intOption)
    .option('--dos <date>', 'date of service (default today)', dateOption)
    .option('--coverage <id>', "one of the patient's coverages (default: primary in effect)", intOption)
    .option(
      '--service-type <code>',
      'EQ01 service type (30 plan coverage, 98 office visit, 86 emergency …); repeat for more',
      (v: string, all: string[] = []) => [...all, v.toUpperCase()],
    )
    .option('--json', 'print the check as JSON (the API’s check view)')
    .action(
      async (opts: {
        patient: number;
        dos?: string;
        coverage?: number;
        serviceType?: string[];
        json?: boolean;
      }) => {
        const w = await wiring();
        try {
          const { todayIso } = await import('../shared/dates.ts');
          const view = await w.eligibility.createCheck(
            w.database.db,
            w.deps,
            w.scope,
            {
              patientId: opts.patient,
              dateOfService: opts.dos ?? todayIso(),
              ...(opts.coverage ? { coverageId: opts.coverage } : {}),
              ...(opts.serviceType?.length ? { serviceTypes: opts.serviceType } : {}),
            },
            CLI_ACTOR,
            new Date(),
          );
          console.log(opts.json ? JSON.stringify(view, null, 2) : describeCheck(view).join('\n'));
          process.exitCode = checkExitCode(view);
        } catch (e) {
          const p = problemText(e);
          if (!p.code) throw e;
          console.error(`cleanclaim: ${p.text}`);
          process.exitCode = p.code === 'NOT_FOUND' ? 2 : 1;
        } finally {
          await w.close();
        }
      },
    );

  group
    .command('batch')
    .description(
      "write one 270 asking about every visit of a date (its encounters, each patient's coverage in effect) or every row of a CSV (columns in the README), queued for upload over the practice's connection",
    )
    .option('--date <date>', 'the encounters of this date of service', dateOption)
    .option(
      '--csv <file>',
      'a schedule CSV: mrn or memberId, lastName, firstName, dateOfBirth, dateOfService, payerId',
    )
    .option('--practice <id>', 'the practice (default: the only practice)', intOption)
    .option('--json', 'print JSON')
    .action(async (opts: { date?: string; csv?: string; practice?: number; json?: boolean }) => {
      if (!opts.date === !opts.csv) {
        console.error('cleanclaim: give --date D or --csv FILE (one of them)');
        process.exitCode = 2;
        return;
      }
      let csv: string | undefined;
      if (opts.csv) {
        const { readFile } = await import('node:fs/promises');
        try {
          csv = await readFile(opts.csv, 'utf8');
        } catch (error) {
          console.error(`cleanclaim: ${opts.csv}: ${(error as Error).message}`);
          process.exitCode = 2;
          return;
        }
      }
      const w = await wiring();
      try {
        const practiceId = opts.practice ?? (w.scope.length === 1 ? w.scope[0] : undefined);
        if (practiceId === undefined || !w.scope.includes(practiceId)) {
          console.error(`cleanclaim: say which practice: --practice ${w.scope.join(' | ')}`);
          process.exitCode = 2;
          return;
        }
        const { basename } = await import('node:path');
        const from = csv !== undefined ? { csv, fileName: basename(opts.csv!) } : { date: opts.date! };
        const outcome = await w.eligibility.createBatch(
          w.database.db,
          w.deps,
          practiceId,
          from,
          CLI_ACTOR,
          new Date(),
        );
        if (opts.json) console.log(JSON.stringify(outcome, null, 2));
        else {
          console.log(
            `270 ${outcome.fileName} (batch ${outcome.id}) asks about ${outcome.inquiryCount} visit${outcome.inquiryCount === 1 ? '' : 's'}; queued for upload`,
          );
          for (const s of outcome.skipped)
            console.log(`  skipped ${s.row ? `row ${s.row}` : `encounter ${s.encounterId}`}: ${s.why}`);
        }
        process.exitCode = outcome.skipped.length ? 1 : 0;
      } catch (e) {
        const p = problemText(e);
        if (!p.code) throw e;
        console.error(`cleanclaim: ${p.text}`);
        process.exitCode = p.code === 'INVALID' || p.code === 'NOT_FOUND' ? 2 : 1;
      } finally {
        await w.close();
      }
    });
}
