import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse835 } from '../x12/index.ts';
import { mailboxesLink } from './link.ts';
import { pollOnce } from './process.ts';
import { readScenario } from './scenario.ts';
import { testBatch } from './testing.ts';

// The demo's clearinghouse: one mailbox per practice under data/sandbox, each practice's answers
// (its 835s too, made later from the shared payer state) back in its own inbound folder.
const { scenario } = readScenario({ adjudicationDelaySeconds: 60 });
const at = (s: number) => new Date(Date.parse('2026-12-03T13:40:00Z') + s * 1000).toISOString();
const root = mkdtempSync(join(tmpdir(), 'sandbox-boxes-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const inbound = (box: string) => readdirSync(join(root, box, 'inbound')).filter((n) => !n.startsWith('.'));
const kinds = (box: string) =>
  inbound(box)
    .map((n) => n.split('.').at(-1))
    .sort();

describe('mailboxes', () => {
  it("answers each practice's batches in its own inbound folder, 835s included", async () => {
    for (const [box, sender, pcn] of [
      ['practice-1', 'DEMO1', 'P1'],
      ['practice-2', 'DEMO2', 'P2'],
    ] as const) {
      mkdirSync(join(root, box, 'outbound'), { recursive: true });
      writeFileSync(
        join(root, box, 'outbound', `batch-${pcn}.837`),
        await testBatch([{ pcn, memberId: 'M1', lines: [{ code: '99213', chargeCents: 10000 }] }], sender),
      );
    }
    mkdirSync(join(root, 'not-a-mailbox'));
    const link = mailboxesLink(root);
    const first = await pollOnce(link, { scenario, seed: 1, now: at(0) });
    expect(first.received.sort()).toEqual(['batch-P1.837', 'batch-P2.837']);
    expect(kinds('practice-1')).toEqual(['277ca', '999']);
    expect(kinds('practice-2')).toEqual(['277ca', '999']);

    const later = await pollOnce(link, { scenario, seed: 1, now: at(61) });
    expect(later.adjudicated).toBe(2);
    for (const [box, pcn] of [
      ['practice-1', 'P1'],
      ['practice-2', 'P2'],
    ]) {
      const remit = inbound(box!).find((n) => n.endsWith('.835'))!;
      const claims = parse835(readFileSync(join(root, box!, 'inbound', remit), 'utf8')).remittances.flatMap(
        (r) => r.claims,
      );
      expect(claims.map((c) => c.patientControlNumber)).toEqual([pcn]);
    }
    expect(readdirSync(root).sort()).toEqual([
      'not-a-mailbox',
      'practice-1',
      'practice-2',
      'received',
      'state.json',
    ]);
  });
});
