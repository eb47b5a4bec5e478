import type { Command } from 'commander';

// Remittance (835) commands. `era check` needs no database and no server.
export function registerEraCommands(program: Command): void {
  const era = program.command('era').description('835 remittances (ERAs)');
  era
    .command('check <file>')
    .description(
      "any payer's 835: payer, payee, payment, claims and whether each transaction balances; nothing is stored. Exit code 0 all balance, 1 one does not or the file breaks its TR3, 2 not readable as X12",
    )
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const { eraCheckCommand } = await import('../remits/cli.ts');
      const { output, exitCode } = await eraCheckCommand(file, opts);
      process.stdout.write(output);
      process.exitCode = exitCode;
    });
}
