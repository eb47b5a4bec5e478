#!/usr/bin/env node
// `npm start`: build the web UI and the server when they have not been built (or their sources are
// newer), then serve.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
const server = spawnSync(process.execPath, ['bin/cleanclaim.mjs', 'serve', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env,
});
process.exit(server.status ?? 0);
