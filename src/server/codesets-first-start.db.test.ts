import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing.ts';
import { JOBS } from './jobs.ts';
import { JobQueue } from '../jobs/queue.ts';
import { loadConfig } from './config.ts';
import { importCodesetsOnFirstStart } from './system.ts';

// A server started anywhere (not beside ../shared) says how to get the code sets instead of nothing.
describe('first start without code sets', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let queue: JobQueue;
  const empty = mkdtempSync(path.join(tmpdir(), 'cleanclaim-no-codesets-'));
  beforeAll(async () => {
    database = await openTestDatabase();
    queue = new JobQueue(database, JOBS);
  });
  afterAll(async () => {
    await database.close();
    rmSync(empty, { recursive: true, force: true });
  });

  const firstStart = async (env: Record<string, string>) => {
    const lines: string[] = [];
    await importCodesetsOnFirstStart(database, queue, loadConfig(env), (l) => lines.push(l));
    return lines.join('\n');
  };

  it('without CLEANCLAIM_CODESETS_DIR, or with a folder holding none, says how to download or import them', async () => {
    const unset = await firstStart({});
    expect(unset).toMatch(/No code set folder is configured \(CLEANCLAIM_CODESETS_DIR\)/);
    expect(unset).toMatch(/codesets download --dir DIR/);
    expect(await firstStart({ CLEANCLAIM_CODESETS_DIR: empty })).toMatch(
      new RegExp(`No code set files were found in ${empty}`),
    );
    expect(await firstStart({ CLEANCLAIM_CODESETS_DIR: path.join(empty, 'missing') })).toMatch(
      /No code set files were found/,
    );
  });
});
