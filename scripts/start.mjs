#!/usr/bin/env node
// `npm start`: build the web UI and the server when they have not been built (or their sources are
// newer), then serve; with the demo, run the payer sandbox beside the server.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const built = 'web/dist/index.html';
if (existsSync('web/src') && (!existsSync(built) || statSync(built).mtimeMs < newest('web/src'))) {
  console.log('building the web UI…');
  const build = spawnSync('npm', ['run', 'build:web', '--silent'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// The compiled server and CLI (dist/, built by npm install) likewise, so the server starts without tsx.
if (!existsSync('dist/BUILT') || statSync('dist/BUILT').mtimeMs < newest('src')) {
  const build = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// The demo reads the official code set files from the shared folder beside the checkout.
const env = { ...process.env };
if (!env.CLEANCLAIM_CODESETS_DIR && existsSync('../shared/codesets'))
  env.CLEANCLAIM_CODESETS_DIR = '../shared/codesets';
// And the BLS wage files the salary explorer shows.
if (!env.CLEANCLAIM_SALARY_DIR && existsSync('../shared/salary'))
  env.CLEANCLAIM_SALARY_DIR = '../shared/salary';
// Clearinghouse credentials are sealed under CLEANCLAIM_SECRET_KEY. For the demo, one is made once
// into the data directory (readable by this user only); production sets its own in the environment.
if (!env.CLEANCLAIM_SECRET_KEY) {
  const dataDir = env.CLEANCLAIM_DATA_DIR ?? './data';
  const keyFile = join(dataDir, 'secret.key');
  if (!existsSync(keyFile)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(keyFile, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    console.log(
      `made a key for stored credentials in ${keyFile} (set CLEANCLAIM_SECRET_KEY to use your own)`,
    );
  }
  env.CLEANCLAIM_SECRET_KEY = readFileSync(keyFile, 'utf8').trim();
}
// The payer sandbox runs here, as a second child, rather than inside `cleanclaim serve`: a real
// installation's server never plays payers, the sandbox stays the separate process it is for a
// user who runs it by hand, and the two stop together. It answers every demo practice's mailbox
// under DATA/sandbox (the demo seed connects each practice to one); its state stays in that folder,
// so a second `npm start` goes on where the first stopped. The demo polls the clearinghouse every
// 10 s (not 60) so that a batch is acknowledged and paid within a minute.
const dataDir = env.CLEANCLAIM_DATA_DIR ?? './data';
const sandbox = env.CLEANCLAIM_DEMO !== 'false' && env.CLEANCLAIM_SANDBOX !== 'false';
if (sandbox) env.CLEANCLAIM_POLL_SECONDS ??= '10';
// Its real-time endpoint (270/276 answered at once) on 127.0.0.1; the demo seed gives each practice an
// http connection to it, from the same variable the server sees.
if (sandbox) env.CLEANCLAIM_SANDBOX_HTTP_PORT ??= '8099';

// Each child in its own process group: Ctrl-C reaches this process (once from the terminal, again
// from npm), which passes one SIGINT or SIGTERM on to each child; a second signal to the server
// while it is stopping would kill it before its database is closed.
const children = new Map();
// A young generation of 64 MB a half (V8's default is 16): posting an 835 allocates about 140 KB a
// claim, and with the default the collector took a fifth of posting's time (bench:remits).
const NODE_FLAGS = ['--max-semi-space-size=64'];
function run(name, args) {
  const child = spawn(process.execPath, [...NODE_FLAGS, 'bin/cleanclaim.mjs', ...args], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env,
    detached: true,
  });
  children.set(name, child);
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      children.delete(name);
      resolve(code ?? (signal ? 1 : 0));
    }),
  );
}
let stopping = false;
const stop = (signal) => {
  if (stopping) return;
  stopping = true;
  for (const child of children.values()) child.kill(signal);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));

const served = run('server', ['serve', ...process.argv.slice(2)]);
if (sandbox) {
  console.log(
    `payer sandbox: answering the demo practices' batches in ${join(dataDir, 'sandbox')}, real-time at http://127.0.0.1:${env.CLEANCLAIM_SANDBOX_HTTP_PORT}/ (CLEANCLAIM_SANDBOX=false to leave it out)`,
  );
  const args = [
    'sandbox',
    '--mailboxes',
    join(dataDir, 'sandbox'),
    '--http-port',
    env.CLEANCLAIM_SANDBOX_HTTP_PORT,
  ];
  void run('sandbox', args).then((code) => {
    if (!stopping) console.error(`payer sandbox stopped (exit ${code}); the server goes on without it`);
  });
}
const code = await served;
// The server stopped (a signal, or it could not start): the sandbox stops with it.
stop('SIGTERM');
while (children.size > 0) await sleep(50);
process.exit(code);
