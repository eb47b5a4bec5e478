// Test-only: the real `cleanclaim` in a child process (the compiled dist/ when it is up to date,
// else the sources through tsx, as bin/cleanclaim.mjs decides).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const CLEANCLAIM_BIN = join(process.cwd(), 'bin/cleanclaim.mjs');

export function runCleanclaim(args: readonly string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(process.execPath, [CLEANCLAIM_BIN, ...args], {
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The real `cleanclaim` on an embedded database in `dataDir` (never a DATABASE_URL of the test's
 * environment), its output and errors together as a person would read them.
 */
export function cleanclaimOnEmbedded(dataDir: string) {
  return (...args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env, CLEANCLAIM_DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    const r = runCleanclaim(args, env);
    return { code: r.code, out: `${r.stdout}${r.stderr}` };
  };
}
