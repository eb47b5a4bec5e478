import type { Command } from 'commander';

interface SandboxOptions {
  scenario?: string;
  seed: string;
  out?: string;
  in?: string;
  data?: string;
  mailboxes?: string;
  home?: string;
  sftp?: string;
  key?: string;
  hostKey?: string;
  poll: string;
  once?: boolean;
  codesets?: string | boolean;
  httpPort?: string;
}

const fail = (why: string, code = 1) => {
  console.error(`cleanclaim sandbox: ${why}`);
  process.exitCode = code;
};

/** Where the sandbox reads and writes, from the options; a string says what is missing. */
async function linkFrom(opts: SandboxOptions) {
  const { join, dirname, resolve } = await import('node:path');
  const { folderLink, mailboxesLink, sftpLink } = await import('../sandbox/link.ts');
  if (opts.mailboxes) return mailboxesLink(opts.mailboxes);
  if (opts.sftp) {
    const login = /^([^@]+)@([^:]+)(?::(\d+))?$/.exec(opts.sftp);
    if (!login) return 'give --sftp as USER@HOST or USER@HOST:PORT';
    if (!opts.out || !opts.in) return 'with --sftp, give --out and --in: the folders on the server';
    const password = process.env.CLEANCLAIM_SANDBOX_SFTP_PASSWORD;
    if (!opts.key && !password) return 'with --sftp, give --key FILE or set CLEANCLAIM_SANDBOX_SFTP_PASSWORD';
    const { readFile } = await import('node:fs/promises');
    return sftpLink(
      {
        host: login[2]!,
        port: Number(login[3] ?? 22),
        username: login[1]!,
        ...(opts.key ? { privateKey: await readFile(opts.key, 'utf8') } : {}),
        ...(password ? { password } : {}),
        outDir: opts.out,
        inDir: opts.in,
        hostKey: opts.hostKey ?? null,
        onHostKey: (fingerprint) =>
          console.log(`sandbox: trusting the host key ${fingerprint} (pin it with --host-key)`),
      },
      opts.home ?? 'sandbox',
    );
  }
  const outDir = opts.out ?? (opts.data ? join(opts.data, 'outbound') : undefined);
  const inDir = opts.in ?? (opts.data ? join(opts.data, 'inbound') : undefined);
  if (!outDir || !inDir)
    return 'give --data DIR, or both --out DIR and --in DIR (or --mailboxes DIR, or --sftp)';
  const homeDir = opts.home ?? join(opts.data ?? dirname(resolve(outDir)), 'sandbox');
  return folderLink({ outDir, inDir, homeDir });
}

// `cleanclaim sandbox`: the pretend clearinghouse and payers, as a separate process over folders or SFTP.
export function registerSandboxCommand(program: Command): void {
  program
    .command('sandbox')
    .description(
      "play clearinghouse and payers over a connection's folders (local, or on an SFTP server): answer each 837 in --out with a TA1/999 and a 277CA in --in, then 835s after the scenario's delay. Exit code 1 when the scenario is invalid (each problem with where it is), 2 when it cannot be read",
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
    .option(
      '--mailboxes <dir>',
      "one mailbox per practice: answer the 837s in each DIR/*/outbound in the inbound/ beside it (the demo's data/sandbox); state in DIR",
    )
    .option('--home <dir>', "the sandbox's own folder: state.json, received/, failed/")
    .option(
      '--sftp <user@host[:port]>',
      'log in to this SFTP server (the one cleanclaim uploads to); --out and --in are folders on it',
    )
    .option('--key <file>', 'private key for --sftp (or the password in CLEANCLAIM_SANDBOX_SFTP_PASSWORD)')
    .option(
      '--host-key <fingerprint>',
      'SHA256:… the SFTP server must show (else the key seen is printed and trusted)',
    )
    .option('--poll <ms>', 'how often to look for batches', '2000')
    .option(
      '--codesets [dir]',
      'reject diagnoses not valid or not billable on the date of service, from the ICD-10-CM files (default folder when no dir)',
    )
    .option('--once', 'answer what is waiting and what is due, then exit')
    .option(
      '--http-port <port>',
      "also answer real-time 270s and 276s POSTed to http://127.0.0.1:PORT/ (an http connection's endpoint), from the same state",
    )
    .action(async (opts: SandboxOptions) => {
      const { loadScenario, pollOnce, runSandbox, ScenarioError } = await import('../sandbox/process.ts');
      const link = await linkFrom(opts);
      if (typeof link === 'string') return fail(link);
      let scenario;
      try {
        scenario = await loadScenario(opts.scenario);
      } catch (e) {
        if (!(e instanceof ScenarioError)) throw e;
        return fail(
          `the scenario ${e.unreadable ? 'cannot be read' : 'is invalid'}\n${e.message}`,
          e.unreadable ? 2 : 1,
        );
      }
      const seed = Number(opts.seed);
      const diagnosisProblem = opts.codesets
        ? await (
            await import('../sandbox/codesets.ts')
          ).diagnosisCheck(typeof opts.codesets === 'string' ? opts.codesets : undefined)
        : undefined;
      if (opts.once) {
        let r;
        try {
          r = await pollOnce(link, { scenario, seed, diagnosisProblem, now: new Date().toISOString() });
        } catch (e) {
          // The server unreachable, a refused login or host key, a folder not writable: said, not a stack.
          const { TransportError } = await import('../clearinghouse/index.ts');
          if (!(e instanceof TransportError)) throw e;
          return fail(e.message);
        }
        console.log(
          `received ${r.received.length} batch(es), set aside ${r.failed.length}, adjudicated ${r.adjudicated} claim(s), wrote ${r.written} file(s)`,
        );
        return;
      }
      const stop = new AbortController();
      process.once('SIGINT', () => stop.abort());
      process.once('SIGTERM', () => stop.abort());
      console.log(`sandbox: ${link.describe}`);
      let listener;
      if (opts.httpPort !== undefined) {
        const port = Number(opts.httpPort);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          return fail(`--http-port must be a port number, not ${opts.httpPort}`);
        const { serveRealtime } = await import('../sandbox/realtime.ts');
        try {
          listener = await serveRealtime(link.homeDir, {
            diagnosisProblem,
            scenario,
            seed,
            port,
            log: (line) => console.log(`sandbox: ${line}`),
          });
        } catch (e) {
          return fail(`cannot listen on 127.0.0.1:${port}: ${(e as Error).message}`);
        }
        console.log(`sandbox: answering real-time 270s and 276s at ${listener.url}`);
      }
      await runSandbox(link, {
        diagnosisProblem,
        scenario,
        seed,
        pollMs: Number(opts.poll),
        signal: stop.signal,
        log: (line) => console.log(`sandbox: ${line}`),
      });
      await listener?.close();
      console.log('sandbox: stopped');
    });
}
