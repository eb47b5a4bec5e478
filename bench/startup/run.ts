// npm run bench:startup — how long cleanclaim takes to start, as a user meets it:
// - CLI cold start: `--help` and `x12 validate` of a small 837P, median of BENCH_RUNS runs (7),
//   compiled (dist/, what bin/cleanclaim.mjs runs after npm install) against tsx (the sources);
// - first start: `serve` on a fresh data directory with the demo (CLEANCLAIM_DEMO on) until
//   /api/health answers and until the administrator can log in; the code sets of
//   BENCH_CODESETS (default ../shared/codesets, as npm start does; "none" to skip) are imported in
//   the background and waited for;
// - restart on that directory after a clean stop: health, login, and the first code lookup (the
//   in-memory code tables load after the server listens).
// BENCH_DATA_DIR=DIR restarts on a copy of an existing data directory instead (admin password in
// BENCH_ADMIN_PASSWORD). Wall times; CPU is the child's user+system time (Linux /proc).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SAMPLE = resolve(ROOT, '../shared/x12-samples/837P/hdi__837p-minimal.edi');
const CODESETS = process.env.BENCH_CODESETS ?? resolve(ROOT, '../shared/codesets');
const PASSWORD = process.env.BENCH_ADMIN_PASSWORD ?? 'startup benchmark 1';
const EMAIL = 'admin@cleanclaim.local';

const BUILT = [join(ROOT, 'dist/cli/main.js')];
const TSX = ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')];

/** CPU seconds (clock ticks of 1/100 s) of a process: its own, or its waited-for children's. */
function cpuOf(pid: number | 'self', which: 'own' | 'children'): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const at = which === 'own' ? 11 : 13; // utime, stime; cutime, cstime
  return (Number(fields[at]) + Number(fields[at + 1])) / 100;
}
const childCpu = () => cpuOf('self', 'children');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (s: number) => `${Math.round(s * 1000)} ms`;

function cliRun(entry: string[], args: string[], env: Record<string, string> = {}) {
  const cpu = childCpu();
  const started = performance.now();
  const r = spawnSync(process.execPath, [...entry, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  const wall = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`cleanclaim ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { wall, cpu: childCpu() - cpu };
}

function cliColdStart() {
  const commands: [string, string[]][] = [
    ['--help', ['--help']],
    ['x12 validate (small 837P)', ['x12', 'validate', SAMPLE]],
  ];
  // tsx keeps a cache of compiled files; without it (TSX_DISABLE_CACHE) every start compiles.
  const ways: [string, string[], Record<string, string>][] = [
    ['compiled', BUILT, {}],
    ['tsx, cache warm', TSX, {}],
    ['tsx, no cache', TSX, { TSX_DISABLE_CACHE: '1' }],
  ];
  console.log(`\nCLI cold start, median of ${RUNS} runs: wall / CPU`);
  console.log(`${'command'.padEnd(28)} ${ways.map(([w]) => w.padEnd(20)).join(' ')}`);
  for (const [label, args] of commands) {
    const cells: string[] = [];
    const walls: number[] = [];
    for (const [, entry, env] of ways) {
      cliRun(entry, args, env); // the first run only warms the file cache (and tsx's)
      const runs = Array.from({ length: RUNS }, () => cliRun(entry, args, env));
      walls.push(median(runs.map((r) => r.wall)));
      cells.push(`${ms(walls.at(-1)!)} / ${ms(median(runs.map((r) => r.cpu)))}`.padEnd(20));
    }
    const ratios = walls.slice(1).map((w) => `${(w / walls[0]!).toFixed(1)}x`);
    console.log(`${label.padEnd(28)} ${cells.join(' ')} (tsx ${ratios.join(', ')} slower)`);
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

interface Server {
  child: ChildProcess;
  base: string;
  started: number;
  log: string[];
}

async function startServer(dataDir: string, env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...BUILT, 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      CLEANCLAIM_DATA_DIR: dataDir,
      CLEANCLAIM_ADMIN_PASSWORD: PASSWORD,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  child.stdout!.on('data', (d: Buffer) => log.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => log.push(d.toString()));
  return { child, base: `http://127.0.0.1:${port}`, started, log };
}

/** Seconds from the server's spawn until `ok` answers true (polled every 50 ms; 10 minutes at most). */
async function until(server: Server, ok: () => Promise<boolean>): Promise<number> {
  const deadline = performance.now() + 600_000;
  while (performance.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`the server exited:\n${server.log.join('')}`);
    if (await ok().catch(() => false)) return (performance.now() - server.started) / 1000;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out:\n${server.log.join('').slice(-4000)}`);
}

async function login(base: string): Promise<Record<string, string> | undefined> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  if (r.status !== 200) return undefined;
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  return { cookie: r.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': csrfToken };
}

async function stop(server: Server): Promise<number> {
  const started = performance.now();
  const exited = new Promise((done) => server.child.once('exit', done));
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
  return (performance.now() - started) / 1000;
}

/** Health, login and (when code sets are imported) the first code lookup, timed from the spawn. */
async function timeStart(label: string, server: Server, lookUpCode: boolean) {
  const health = await until(server, async () => (await fetch(`${server.base}/api/health`)).ok);
  const healthCpu = cpuOf(server.child.pid!, 'own');
  let headers: Record<string, string> | undefined;
  const loggedIn = await until(server, async () => (headers = await login(server.base)) !== undefined);
  const loginCpu = cpuOf(server.child.pid!, 'own');
  let code: number | undefined;
  if (lookUpCode)
    code = await until(
      server,
      async () => (await fetch(`${server.base}/api/codes/J45.909?dos=2026-03-01`, { headers })).ok,
    );
  console.log(
    `${label.padEnd(34)} ${ms(health).padStart(9)} ${ms(loggedIn).padStart(9)} ${code ? ms(code).padStart(12) : '           -'}`,
  );
  console.log(
    `${"  the server's CPU by then".padEnd(34)} ${ms(healthCpu).padStart(9)} ${ms(loginCpu).padStart(9)}`,
  );
  return headers!;
}

async function waitForImport(server: Server, headers: Record<string, string>): Promise<number> {
  return until(server, async () => {
    const jobs = (await (await fetch(`${server.base}/api/jobs`, { headers })).json()) as {
      queue: string;
      state: string;
    }[];
    const job = jobs.find((j) => j.queue === 'codesets.import');
    if (job?.state === 'failed') throw new Error('the code-set import failed');
    return job?.state === 'completed';
  });
}

async function serverStarts() {
  const work = mkdtempSync(join(tmpdir(), 'cleanclaim-startup-'));
  const dataDir = join(work, 'data');
  const importing = !process.env.BENCH_DATA_DIR && CODESETS !== 'none' && existsSync(CODESETS);
  console.log('\nserver start (seconds from spawn)  health     login   code lookup');
  if (process.env.BENCH_DATA_DIR) {
    cpSync(process.env.BENCH_DATA_DIR, dataDir, { recursive: true });
  } else {
    const first = await startServer(dataDir, importing ? { CLEANCLAIM_CODESETS_DIR: CODESETS } : {});
    const headers = await timeStart('first start (fresh dir, demo)', first, false);
    if (importing) {
      const done = await waitForImport(first, headers);
      console.log(`  code sets of ${CODESETS} imported in the background by ${ms(done)}`);
    }
    console.log(`  stopped with SIGTERM in ${ms(await stop(first))}`);
  }
  const lookUp = importing || !!process.env.BENCH_DATA_DIR;
  for (const round of [1, 2]) {
    const again = await startServer(dataDir, { CLEANCLAIM_CODESETS_DIR: '' });
    await timeStart(`restart ${round} (same dir)`, again, lookUp);
    await stop(again);
  }
  rmSync(work, { recursive: true, force: true });
}

console.log(
  `cleanclaim start-up on Node ${process.version}, ${cpus().length} cores, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], { encoding: 'utf8' });
if (build.status !== 0) throw new Error(`the build failed: ${build.stderr}`);
cliColdStart();
await serverStarts();
console.log(
  `load average at the end ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
