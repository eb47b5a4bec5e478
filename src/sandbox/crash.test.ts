import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Transport } from '../clearinghouse/index.ts';
import { folderLink, type SandboxLink } from './link.ts';
import { pollOnce, readState } from './process.ts';
import { readScenario } from './scenario.ts';
import { testBatch } from './testing.ts';

// Each 837 is answered exactly once, whichever step the process dies at: the crash is a transport
// that throws at the chosen step (as a kill there would leave things), then a round with a
// healthy transport must finish the work without answering anything twice.
const { scenario } = readScenario({ adjudicationDelaySeconds: 0 });
const ctx = { scenario, seed: 1, now: '2026-12-03T13:40:00.000Z' };
const root = mkdtempSync(join(tmpdir(), 'sandbox-crash-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

class Crash extends Error {}

/** The link with its transport dying at the n-th call of `step`. */
function dyingAt(link: SandboxLink, step: 'upload' | 'archive', n: number): SandboxLink {
  return {
    ...link,
    async open() {
      const [box] = await link.open();
      const t = box!.transport;
      let calls = 0;
      const die: Partial<Transport> = {
        [step]: async (...args: never[]) => {
          if (++calls === n) throw new Crash(`killed at ${step} #${n}`);
          return (t[step] as (...a: never[]) => Promise<unknown>)(...args);
        },
      };
      return [{ key: box!.key, transport: { ...t, ...die } }];
    },
  };
}

async function setUp(name: string) {
  const f = {
    outDir: join(root, name, 'out'),
    inDir: join(root, name, 'in'),
    homeDir: join(root, name, 'sb'),
  };
  mkdirSync(f.outDir, { recursive: true });
  writeFileSync(
    join(f.outDir, 'batch-1.837'),
    await testBatch([
      { pcn: 'A1', memberId: 'M1', lines: [{ code: '99213', chargeCents: 10000 }] },
      { pcn: 'A2', memberId: 'M2', lines: [{ code: '99214', chargeCents: 20000 }] },
    ]),
  );
  return f;
}

const kinds = (dir: string) =>
  readdirSync(dir)
    .filter((n) => !n.startsWith('.') && n !== 'archive')
    .map((n) => n.split('.').at(-1))
    .sort();

describe('crash safety', () => {
  // The crash the old sandbox answered twice: answers written, the 837 not yet moved away.
  it('answers once when killed after the answers were delivered, before the 837 was archived', async () => {
    const f = await setUp('before-archive');
    await expect(pollOnce(dyingAt(folderLink(f), 'archive', 1), ctx)).rejects.toBeInstanceOf(Crash);
    expect(kinds(f.inDir)).toEqual(['277ca', '999']);
    expect(readdirSync(f.outDir)).toContain('batch-1.837');

    const r = await pollOnce(f, ctx);
    expect(r.skipped).toEqual(['batch-1.837']);
    expect(r.received).toEqual([]);
    expect(readdirSync(f.outDir).filter((n) => n !== 'archive')).toEqual([]);
    expect(readdirSync(join(f.outDir, 'archive'))).toEqual(['batch-1.837']);
    // One 999 and one 277CA; the 835 for both claims (due at once), once.
    expect(kinds(f.inDir)).toEqual(['277ca', '835', '999']);
    const state = await readState(f.homeDir);
    expect(state.pending).toEqual([]);
    expect(Object.values(state.answered).map((a) => a.file)).toEqual(['batch-1.837']);
    expect(state.outbox).toEqual([]);
  });

  it('answers once when killed after the answers were recorded, before any was delivered', async () => {
    const f = await setUp('before-delivery');
    await expect(pollOnce(dyingAt(folderLink(f), 'upload', 1), ctx)).rejects.toBeInstanceOf(Crash);
    expect(kinds(f.inDir)).toEqual([]);
    expect((await readState(f.homeDir)).outbox.map((o) => o.name.split('.').at(-1))).toEqual([
      '999',
      '277ca',
    ]);

    const r = await pollOnce(f, ctx);
    expect(r.skipped).toEqual(['batch-1.837']);
    expect(kinds(f.inDir)).toEqual(['277ca', '835', '999']);
  });

  it('answers once when killed between two answers of one 837', async () => {
    const f = await setUp('mid-delivery');
    await expect(pollOnce(dyingAt(folderLink(f), 'upload', 2), ctx)).rejects.toBeInstanceOf(Crash);
    expect(kinds(f.inDir)).toEqual(['999']);
    const first = readdirSync(f.inDir)[0]!;
    const before = readFileSync(join(f.inDir, first), 'utf8');

    await pollOnce(f, ctx);
    expect(kinds(f.inDir)).toEqual(['277ca', '835', '999']);
    expect(readFileSync(join(f.inDir, first), 'utf8')).toBe(before);
  });

  it('adjudicates once when killed while delivering the 835', async () => {
    const f = await setUp('835');
    // upload #1 999, #2 277CA, #3 the 835.
    await expect(pollOnce(dyingAt(folderLink(f), 'upload', 3), ctx)).rejects.toBeInstanceOf(Crash);
    expect(kinds(f.inDir)).toEqual(['277ca', '999']);
    const state = await readState(f.homeDir);
    expect(state.pending).toEqual([]);
    expect(state.outbox.map((o) => o.name.split('.').at(-1))).toEqual(['835']);

    const r = await pollOnce(f, ctx);
    expect(r.adjudicated).toBe(0);
    expect(kinds(f.inDir)).toEqual(['277ca', '835', '999']);
    // The accumulators moved once: a third round changes nothing.
    const after = await readState(f.homeDir);
    await pollOnce(f, ctx);
    expect(await readState(f.homeDir)).toEqual(after);
  });
});
