import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCleanclaim } from './cli-testing.ts';

// The real `cleanclaim era check` in a child process: no database, no server.
const SAMPLES = join(process.cwd(), '../shared/x12-samples');

const cleanclaim = (...args: string[]) => runCleanclaim(args);

describe('cleanclaim era check', () => {
  it('exits 0 when every transaction balances, 1 when one does not, 2 when the file is not an 835', () => {
    const ok = cleanclaim('era', 'check', join(SAMPLES, '835/stupidedi__dollars-and-data-sent-together.edi'));
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('balances');
    const bad = cleanclaim('era', 'check', '--json', join(SAMPLES, '835/hdi__835-minimal.edi'));
    expect(bad.code, bad.stderr).toBe(1);
    const body = JSON.parse(bad.stdout) as {
      balanced: boolean;
      transactions: { balancing: { code: string }[] }[];
    };
    expect(body.balanced).toBe(false);
    expect(body.transactions[0]?.balancing.map((b) => b.code)).toEqual(['REMIT_PAYMENT_UNBALANCED']);
    expect(cleanclaim('era', 'check', join(SAMPLES, '837P/uhin__837.edi')).code).toBe(2);
  });
});
