import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The real `cleanclaim` command in a child process on an empty embedded database of its own.
const BIN = join(process.cwd(), 'bin/cleanclaim.mjs');
const SAMPLE = join(process.cwd(), '../shared/x12-samples/837P/uhin__837.edi');

function cleanclaim(...args: string[]) {
  const dataDir = mkdtempSync(join(tmpdir(), 'cleanclaim-cli-'));
  const env: NodeJS.ProcessEnv = { ...process.env, CLEANCLAIM_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the cleanclaim command', () => {
  it('documents its exit codes in --help', () => {
    const r = cleanclaim('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /Exit codes:\n\s+0 .*\n\s+1 .*findings or invalid[\s\S]*\n\s+2 .*unreadable input/,
    );
  });

  it('scrub FILE with no code sets imported exits 1 naming them, and 2 on an unreadable file', () => {
    const r = cleanclaim('scrub', SAMPLE);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('UNCHECKED claim 1606');
    expect(r.stdout).toContain('no code set release is imported');
    expect(cleanclaim('scrub', join(tmpdir(), 'no-such-file.edi')).code).toBe(2);
  });
});
