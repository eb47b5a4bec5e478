import type { Command } from 'commander';
import { statusGroup } from './groups.ts';
import { intOption } from './options.ts';

interface PracticeRun {
  practiceId: number;
  batchId?: number | null;
  inquiryCount?: number;
  fileName?: string | null;
  notDue?: number;
  problem?: string;
}

/** One line per practice in a biller's words. */
export function describeStatusRun(p: PracticeRun): string {
  if (p.problem) return `practice ${p.practiceId}: not run: ${p.problem}`;
  const asked = p.batchId
    ? `276 ${p.fileName} (batch ${p.batchId}) asks about ${p.inquiryCount} claim${p.inquiryCount === 1 ? '' : 's'}`
    : 'no claim is due a status inquiry';
  return `practice ${p.practiceId}: ${asked}; ${p.notDue ?? 0} waiting for an 835 not due yet`;
}

/** `cleanclaim status run`: the daily claim status inquiry now (E5 adds `status parse` to the group). */
export function registerStatusCommands(program: Command): void {
  statusGroup(program)
    .command('run')
    .description(
      "write the 276s now for claims submitted longer ago than their payer's status-inquiry days without an 835 (every practice, or one); each file is uploaded over the practice's connection",
    )
    .option('--practice <id>', 'only this practice', intOption)
    .action(async (opts: { practice?: number }) => {
      const [{ loadConfig }, { openSystemDatabase, startQueue }, { STATUS_JOB }] = await Promise.all([
        import('../server/config.ts'),
        import('../server/system.ts'),
        import('../claims/index.ts'),
      ]);
      const database = await openSystemDatabase(loadConfig());
      const queue = await startQueue(database, true);
      try {
        const id = await queue.enqueue(STATUS_JOB, opts.practice ? { practiceId: opts.practice } : {}, {
          practiceId: opts.practice ?? null,
          requestedBy: null,
        });
        const result = await queue.waitFor(STATUS_JOB, id);
        const practices = (result.output as { practices?: PracticeRun[] } | null)?.practices ?? [];
        for (const p of practices) console.log(describeStatusRun(p));
        if (result.state !== 'completed')
          console.error(`job ${id} ${result.state}: ${JSON.stringify(result.output)}`);
        if (result.state !== 'completed' || practices.some((p) => p.problem)) process.exitCode = 1;
      } finally {
        await queue.stop();
        await database.close();
      }
    });
}
