import type { Command } from 'commander';

// `cleanclaim sandbox`: the pretend clearinghouse and payers, as a separate process over folders.
export function registerSandboxCommand(program: Command): void {
  program
    .command('sandbox')
    .description(
      'play clearinghouse and payers over a folder pair: answer each 837 in --out with a 999 and a 277CA in --in, then an 835 after the scenario delay. Exit code 1 when the scenario is invalid (each problem with where it is)',
    )
    .option(
      '--scenario <file>',
      'scenario JSON (payers, fee schedules, members, denials); the demo scenario when left out',
    )
    .option('--seed <n>', 'seed for payer claim and check numbers', '1')
    .option('--out <dir>', "the folder cleanclaim uploads 837 batches to (the connection's outbound folder)")
    .option('--in <dir>', "the folder the answers go to (the connection's inbound folder)")
    .option(
      '--data <dir>',
      'a folder holding outbound/, inbound/ and the sandbox state (instead of --out/--in)',
    )
    .option('--poll <ms>', 'how often to look for batches', '2000')
    .option(
      '--codesets [dir]',
      'reject diagnoses not valid or not billable on the date of service, from the ICD-10-CM files (default folder when no dir)',
    )
    .option('--once', 'answer what is waiting and what is due, then exit')
    .action(
      async (opts: {
        scenario?: string;
        seed: string;
        out?: string;
        in?: string;
        data?: string;
        poll: string;
        once?: boolean;
        codesets?: string | boolean;
      }) => {
        const { join, dirname, resolve } = await import('node:path');
        const { loadScenario, pollOnce, runSandbox, ScenarioError } = await import('../sandbox/process.ts');
        const outDir = opts.out ?? (opts.data ? join(opts.data, 'outbound') : undefined);
        const inDir = opts.in ?? (opts.data ? join(opts.data, 'inbound') : undefined);
        if (!outDir || !inDir) {
          console.error('cleanclaim sandbox: give --data DIR, or both --out DIR and --in DIR');
          process.exitCode = 1;
          return;
        }
        const homeDir = join(opts.data ?? dirname(resolve(outDir)), 'sandbox');
        let scenario;
        try {
          scenario = await loadScenario(opts.scenario);
        } catch (e) {
          if (!(e instanceof ScenarioError)) throw e;
          console.error(`cleanclaim sandbox: the scenario is invalid\n${e.message}`);
          process.exitCode = 1;
          return;
        }
        const folders = { outDir, inDir, homeDir };
        const seed = Number(opts.seed);
        const diagnosisProblem = opts.codesets
          ? await (
              await import('../sandbox/codesets.ts')
            ).diagnosisCheck(typeof opts.codesets === 'string' ? opts.codesets : undefined)
          : undefined;
        if (opts.once) {
          const r = await pollOnce(folders, {
            scenario,
            seed,
            diagnosisProblem,
            now: new Date().toISOString(),
          });
          console.log(
            `received ${r.received.length} batch(es), set aside ${r.failed.length}, adjudicated ${r.adjudicated} claim(s), wrote ${r.written} file(s)`,
          );
          return;
        }
        const stop = new AbortController();
        process.once('SIGINT', () => stop.abort());
        process.once('SIGTERM', () => stop.abort());
        console.log(`sandbox: answering 837s from ${outDir} into ${inDir}`);
        await runSandbox(folders, {
          diagnosisProblem,
          scenario,
          seed,
          pollMs: Number(opts.poll),
          signal: stop.signal,
          log: console.log,
        });
      },
    );
}
