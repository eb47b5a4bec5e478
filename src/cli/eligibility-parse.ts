import type { Command } from 'commander';
import { eligibilityGroup, statusGroup } from './groups.ts';
import { dateOption } from './options.ts';

// `cleanclaim eligibility parse FILE` and `cleanclaim status parse FILE`: any payer's 271 or 277
// read in words, nothing stored, no database or server. The reader is imported when the command runs.
const reader = () => import('./eligibility-status-parse.ts');

async function emit(result: Promise<{ output: string; exitCode: number }>) {
  const { output, exitCode } = await result;
  process.stdout.write(output);
  process.exitCode = exitCode;
}

const EXIT =
  'Exit code 0 read and keeps its TR3, 1 breaks its TR3 (what could be read is still shown), 2 not readable as X12 or not';

export function registerEligibilityParseCommand(program: Command): void {
  eligibilityGroup(program)
    .command('parse <file>')
    .description(
      `any payer's 271: per patient active or not, plan, dates, deductible and out of pocket, coinsurance, copays, authorization, other payers, rejections with what to do; nothing is stored. ${EXIT} a 271`,
    )
    .option('--json', 'print JSON (documented in the README)')
    .option('--dos <date>', 'date of service: warn when coverage does not cover it', dateOption)
    .action(async (file: string, opts: { json?: boolean; dos?: string }) =>
      emit((await reader()).eligibilityParseCommand(file, opts)),
    );
}

export function registerStatusParseCommand(program: Command): void {
  statusGroup(program)
    .command('parse <file>')
    .description(
      `any payer's 277 (X212): per claim each status in words with amounts, payer claim number, check or EFT number and date, and whether a biller must act; nothing is stored. ${EXIT} a 277`,
    )
    .option('--json', 'print JSON (documented in the README)')
    .action(async (file: string, opts: { json?: boolean }) =>
      emit((await reader()).statusParseCommand(file, opts)),
    );
}
