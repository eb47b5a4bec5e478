import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  MemoryControlNumbers,
  parse271,
  parse277,
  summarize271,
  summarize277,
  validateX12,
  write270,
  write276,
} from '../x12/index.ts';
import { pollOnce } from './process.ts';
import { readScenario } from './scenario.ts';
import { party, subscriber as janeDoe, testBatch } from './testing.ts';

// A 270 or 276 left in the outbound folder, whatever its name, is answered by its ST01 with a 271 or
// a 277; the 277 tells what the sandbox did with a claim of an earlier 837 (here: paid, with the check).
const { scenario } = readScenario({ adjudicationDelaySeconds: 0 });
const ctx = { scenario, seed: 1, now: '2026-12-03T13:40:00.000Z' };
const dir = mkdtempSync(join(tmpdir(), 'sandbox-inquiries-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { senderId: 'TGJ23', receiverId: 'SANDBOX', date: '20261203', time: '1330' };
const subscriber = janeDoe('M1');

describe('270 and 276 in the outbound folder', () => {
  it('answers each by its ST01: a 271 with the benefits, a 277 with the claim paid', async () => {
    const f = { outDir: join(dir, 'out'), inDir: join(dir, 'in'), homeDir: join(dir, 'sb') };
    mkdirSync(f.outDir, { recursive: true });
    writeFileSync(
      join(f.outDir, 'a.837'),
      await testBatch([{ pcn: 'Q1', memberId: 'M1', lines: [{ code: '99213', chargeCents: 12500 }] }]),
    );
    await pollOnce(f, ctx);

    const numbers = () => new MemoryControlNumbers({ interchange: 70, group: 70, transaction: 1 });
    writeFileSync(
      join(f.outDir, 'b.txt'),
      await write270(
        [
          {
            referenceId: 'R1',
            date: '2026-12-03',
            time: '1330',
            payer: party('SANDBOX PLAN', 'PI', 'SBX-PLAN'),
            provider: party('SPRINGFIELD FAMILY', 'XX', '1234567893'),
            subscriber,
            trace: { type: '1', number: 'T1', originatorId: '9999999999' },
            serviceDate: { from: '2026-12-04' },
            serviceTypes: ['30'],
          },
        ],
        { ...env, numbers: numbers() },
      ),
    );
    writeFileSync(
      join(f.outDir, 'c.txt'),
      await write276(
        [
          {
            referenceId: 'S1',
            date: '2026-12-03',
            time: '1330',
            payer: party('SANDBOX PLAN', 'PI', 'SBX-PLAN'),
            receiver: party('SPRINGFIELD FAMILY', '46', 'TGJ23'),
            provider: party('SPRINGFIELD FAMILY', 'XX', '1234567893'),
            subscriber,
            claims: [{ traceNumber: 'T1', patientControlNumber: 'Q1' }],
          },
        ],
        { ...env, numbers: numbers() },
      ),
    );
    const r = await pollOnce(f, ctx);
    expect(r.received).toEqual(['b.txt', 'c.txt']);
    const file = (ext: string) => {
      const name = readdirSync(f.inDir).find((n) => n.endsWith(ext))!;
      const text = readFileSync(join(f.inDir, name), 'utf8');
      expect(validateX12(text).valid, name).toBe(true);
      return text;
    };
    expect(summarize271(parse271(file('.271')).responses[0]!)).toMatchObject({ status: 'active' });
    const [status] = parse277(file('.277')).responses.flatMap(summarize277);
    expect(status).toMatchObject({ patientControlNumber: 'Q1', family: 'finalized' });
    expect(status!.codes[0]).toMatch(/^F1:/);
    expect(status!.checkNumber).toMatch(/^SBX/);
  });
});
