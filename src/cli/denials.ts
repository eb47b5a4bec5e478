import type { Command } from 'commander';

// `cleanclaim denials rarc import FILE`: the X12 RARC list (its web page's table exported as CSV:
// Code, Description with "Start: … | Last Modified: … | Stop: …" notes) into the remark codes every
// denial shows in words. Exit 0 imported, 1 the file has errors (each at its row and column, nothing
// imported), 2 the file cannot be read.
export function registerDenialCommands(program: Command): void {
  const denials =
    program.commands.find((c) => c.name() === 'denials') ??
    program.command('denials').description('denials: the remark code list and the denial mapping');
  const rarc =
    denials.commands.find((c) => c.name() === 'rarc') ??
    denials.command('rarc').description('Remittance Advice Remark Codes (RARC)');
  rarc
    .command('import <file>')
    .description(
      "import the X12 RARC list exported as CSV (Code, Description with its Start / Last Modified / Stop notes); replaces the seeded remarks' words with X12's",
    )
    .option('--release <name>', 'what to call this list (default: the file name)')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { release?: string; json?: boolean }) => {
      const [{ readFile }, { basename }, { withDatabase }, { readRarcCsv }, { importRemarkCodes }] =
        await Promise.all([
          import('node:fs/promises'),
          import('node:path'),
          import('./database.ts'),
          import('../denials/index.ts'),
          import('../denials/index.ts'),
        ]);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        console.error(`cleanclaim: ${file}: ${(error as Error).message}`);
        process.exitCode = 2;
        return;
      }
      const { records, errors } = readRarcCsv(text);
      if (errors.length) {
        if (opts.json) console.log(JSON.stringify({ errors }, null, 2));
        else
          for (const e of errors) console.error(`${file}: ${e.pointer.replace(/^\/csv\//, '')}: ${e.detail}`);
        process.exitCode = 1;
        return;
      }
      const release = opts.release ?? basename(file);
      const outcome = await withDatabase((database) =>
        importRemarkCodes(database.db, records, release, { userId: null, userEmail: 'cli', ip: null }),
      );
      if (opts.json) console.log(JSON.stringify({ release, ...outcome }, null, 2));
      else
        console.log(
          `${file}: ${records.length} remark codes (${outcome.added} added, ${outcome.updated} updated) as ${release}`,
        );
    });
}
