import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { generate837, parseTA1, validateX12 } from '../x12/index.ts';
import { generateOptions } from '../x12/testing/fixtures.ts';
import { fullInstitutionalClaims, fullProfessionalClaims } from '../x12/testing/full-claims.ts';
import { pollOnce } from './process.ts';
import { adjudicateDue, emptyState, receive837 } from './respond.ts';
import { readScenario } from './scenario.ts';
import { testBatch } from './testing.ts';

const { scenario } = readScenario({});
const ctx = { scenario, seed: 1, now: '2026-12-03T13:40:00.000Z' };
const PYX12 = join(process.cwd(), '../shared/tools/pyx12-check');
const dir = mkdtempSync(join(tmpdir(), 'sandbox-respond-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('receive837', () => {
  it('answers a broken envelope with a TA1 rejecting it (TA104 R, TA105 from the problem) and nothing else', async () => {
    const good = await testBatch([
      { pcn: 'A', memberId: 'M1', lines: [{ code: '99213', chargeCents: 100 }] },
    ]);
    const broken = good.replace(/IEA\*1\*\d+/, 'IEA*1*000000999');
    const r = await receive837(broken, emptyState(), ctx);
    expect(r.files.map((f) => f.kind)).toEqual(['TA1']);
    expect(validateX12(r.files[0]!.text).valid).toBe(true);
    const ta1 = parseTA1(r.files[0]!.text);
    expect(JSON.stringify(ta1)).toContain('"R"');
    expect(r.state.pending).toEqual([]);
  });

  it('is deterministic: the same batch, seed and time give the same answers', async () => {
    const batch = await testBatch([
      { pcn: 'A', memberId: 'M1', lines: [{ code: '99213', chargeCents: 100 }] },
    ]);
    const a = await receive837(batch, emptyState(), ctx);
    const b = await receive837(batch, emptyState(), ctx);
    expect(a.files).toEqual(b.files);
  });
});

describe('every answer is valid', () => {
  it.each([
    ['837I', '005010X223A2', fullInstitutionalClaims],
    ['837P', '005010X222A1', fullProfessionalClaims],
  ] as const)('for claims using every %s loop (ours and pyx12)', async (_name, guide, claims) => {
    const batch = await generate837(claims(), { ...generateOptions(), guide });
    const r = await receive837(batch, emptyState(), ctx);
    expect(r.rejected).toBe(0);
    const due = await adjudicateDue(r.state, ctx);
    const files = [...r.files, ...due.files];
    expect(files.map((f) => f.kind)).toEqual(['999', '277CA', '835']);
    const out = join(dir, guide);
    mkdirSync(out, { recursive: true });
    const paths = files.map((f) => join(out, `answer.${f.kind}`));
    files.forEach((f, i) => writeFileSync(paths[i]!, f.text));
    const run = await promisify(execFile)(PYX12, paths).catch((e: { stdout?: string }) => ({
      stdout: e.stdout ?? '',
    }));
    expect(run.stdout.split('\n').filter((l) => l.startsWith('OK'))).toHaveLength(3);
  });
});

describe('pollOnce', () => {
  it('sets aside a file that is not X12 with why, and goes on', async () => {
    const f = { outDir: join(dir, 'out'), inDir: join(dir, 'in'), homeDir: join(dir, 'sandbox') };
    mkdirSync(f.outDir, { recursive: true });
    writeFileSync(join(f.outDir, 'a-notes.txt'), 'hello');
    writeFileSync(
      join(f.outDir, 'b.837'),
      await testBatch([{ pcn: 'B', memberId: 'M1', lines: [{ code: '99213', chargeCents: 100 }] }]),
    );
    const r = await pollOnce(f, ctx);
    expect(r.failed).toEqual(['a-notes.txt']);
    expect(r.received).toEqual(['b.837']);
    expect(readFileSync(join(f.homeDir, 'failed', 'a-notes.txt.why.txt'), 'utf8')).toContain('no ISA');
    expect(
      readdirSync(f.inDir)
        .map((n) => n.split('.').at(-1))
        .sort(),
    ).toEqual(['277ca', '835', '999']);
  });
});
