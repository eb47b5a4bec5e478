import type { Command } from 'commander';
import { todayIso } from '../shared/dates.ts';
import type { CommandResult } from '../x12/cli.ts';

async function emit(result: Promise<CommandResult>) {
  const { output, exitCode } = await result;
  process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
  process.exitCode = exitCode;
}

// The X12 engine is imported when a command runs, not when the commands are registered.
const x12Cli = () => import('../x12/cli.ts');

export function registerX12Commands(program: Command): void {
  const x12 = program.command('x12').description('ASC X12 005010 files: 837P/837I, 835, 999, 277CA, TA1');
  x12
    .command('inspect <file>')
    .description('the loop tree with TR3 names')
    .action(async (file: string) => emit((await x12Cli()).inspectCommand(file)));
  x12
    .command('validate <file>')
    .description('check a file against its TR3 guide; exit code 0 valid, 1 invalid, 2 unreadable')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { json?: boolean }) =>
      emit((await x12Cli()).validateCommand(file, opts)),
    );
  x12
    .command('to-json <file>')
    .description('837P/837I claims as JSON')
    .action(async (file: string) => emit((await x12Cli()).toJsonCommand(file)));
  x12
    .command('from-json <file>')
    .description('an 837P/837I file from claims JSON')
    .action(async (file: string) => emit((await x12Cli()).fromJsonCommand(file)));

  program
    .command('scrub <file>')
    .description(
      'scrub the claims of any 837P/837I file (from any system) against the imported code sets; findings per claim. Exit code 0 all claims clean, 1 a claim has errors or could not be checked (code sets for its dates not imported), 2 unreadable file',
    )
    .option('--json', 'print JSON')
    .option('--today <date>', 'the date timely filing is counted to', todayIso())
    .action(async (file: string, opts: { json?: boolean; today: string }) => {
      const { scrubFileCommand } = await import('./scrubFile.ts');
      // The database is opened only once the file has been read as an 837.
      let close: (() => Promise<void>) | undefined;
      const codes = async () => {
        const { openCatalog } = await import('./database.ts');
        const opened = await openCatalog();
        close = opened.close;
        return opened.catalog.codeChecker();
      };
      try {
        await emit(scrubFileCommand(file, { ...opts, codes }));
      } finally {
        await close?.();
      }
    });
}
