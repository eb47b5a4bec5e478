import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { CodeSetCatalog } from '../codesets/catalog.ts';
import { scrubClaimFrom837 } from '../scrubber/from-837.ts';
import { scrubClaim } from '../scrubber/scrub.ts';
import { loadConfig } from '../server/config.ts';
import { openSystemDatabase } from '../server/system.ts';
import { todayIso } from '../shared/dates.ts';
import {
  fromJsonCommand,
  inspectCommand,
  toJsonCommand,
  validateCommand,
  type CommandResult,
} from '../x12/cli.ts';
import { parse837 } from '../x12/index.ts';

async function emit(result: Promise<CommandResult>) {
  const { output, exitCode } = await result;
  process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
  process.exitCode = exitCode;
}

export function registerX12Commands(program: Command): void {
  const x12 = program.command('x12').description('ASC X12 005010 files: 837P/837I, 835, 999, 277CA, TA1');
  x12
    .command('inspect <file>')
    .description('the loop tree with TR3 names')
    .action((file: string) => emit(inspectCommand(file)));
  x12
    .command('validate <file>')
    .description('check a file against its TR3 guide; exit code 0 when valid')
    .option('--json', 'print JSON')
    .action((file: string, opts: { json?: boolean }) => emit(validateCommand(file, opts)));
  x12
    .command('to-json <file>')
    .description('837P/837I claims as JSON')
    .action((file: string) => emit(toJsonCommand(file)));
  x12
    .command('from-json <file>')
    .description('an 837P/837I file from claims JSON')
    .action((file: string) => emit(fromJsonCommand(file)));

  program
    .command('scrub <file>')
    .description(
      'scrub the claims of any 837P/837I file (from any system) against the imported code sets; findings per claim',
    )
    .option('--json', 'print JSON')
    .option('--today <date>', 'the date timely filing is counted to', todayIso())
    .action(async (file: string, opts: { json?: boolean; today: string }) => {
      const parsed = parse837(await readFile(file));
      const database = await openSystemDatabase(loadConfig());
      try {
        const catalog = new CodeSetCatalog(database);
        await catalog.reload();
        const institutional = parsed.transactions.some((t) => t.guide === '005010X223A2');
        const results = parsed.claims.map((c) =>
          scrubClaim(scrubClaimFrom837(c, institutional ? 'institutional' : 'professional'), {
            today: opts.today,
            codes: catalog.codeChecker(),
          }),
        );
        if (opts.json)
          console.log(JSON.stringify({ fileProblems: parsed.problems, claims: results }, null, 2));
        else {
          if (parsed.problems.length)
            console.log(`${parsed.problems.length} X12 problem(s): run cleanclaim x12 validate ${file}`);
          for (const r of results) {
            console.log(
              `${r.clean ? 'clean ' : 'ERRORS'} claim ${r.claimId}: ${r.findings.length} finding(s)`,
            );
            for (const f of r.findings)
              console.log(
                `  ${f.severity.padEnd(7)} ${f.ruleId.padEnd(18)} ${f.message}\n          fix: ${f.fixHint}`,
              );
          }
          const clean = results.filter((r) => r.clean).length;
          console.log(`${clean} of ${results.length} claims clean`);
        }
        if (results.some((r) => !r.clean)) process.exitCode = 1;
      } finally {
        await database.close();
      }
    });
}
