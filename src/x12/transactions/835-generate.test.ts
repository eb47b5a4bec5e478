import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryControlNumbers } from '../engine/writer.ts';
import { sample, sampleFiles } from '../testing/fixtures.ts';
import { parse835, type Remittance } from './835.ts';
import { write835 } from './835-generate.ts';

const run = promisify(execFile);
const PYX12 = path.resolve(process.cwd(), '../shared/tools/pyx12-check');
const hasPython = (() => {
  try {
    execFileSync('python3', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

/** The written file is compared as what it says: ST02 comes from the writer and positions move. */
const comparable = (rs: Remittance[]): unknown =>
  JSON.parse(
    JSON.stringify(rs, (k, v: unknown) => (k === 'segmentNumber' || k === 'controlNumber' ? undefined : v)),
  );

const options = () => ({
  senderId: 'PAYER',
  receiverId: 'PROVIDER',
  date: '20260601',
  time: '1200',
  numbers: new MemoryControlNumbers(),
});

/**
 * Samples whose content (not their envelope) breaks the TR3, so what we write from them does too;
 * every other written file must pass pyx12.
 */
const CONTENT_DEFECTS: Record<string, string> = {
  'dwai__X221-correcting-the-subscriber-example-1.edi': 'REF02 "555555555 " has a trailing space',
  'hdi__835-validation-issues.edi': 'no TRN; CAS*PR*XX',
  'edifabric__Custom835.txt': 'SVC01-1 qualifier MY_CUSTOM_CODE',
  'lfh__cob-contractural-adjustment.835': 'no BPR16, no PER*BL',
  'lfh__managed-care.835': 'BPR16 20002316 is not a date; no PER*BL',
  'lfh__medicare-part-a.835': 'no PER*BL',
  'lfh__secondary-payment.835': 'no BPR16, no PER*BL, SVC composites with ">"',
};

describe('write835', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cleanclaim-835-'));
  const written = new Map<string, string>();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const file of sampleFiles('835'))
    it(`round-trips ${file}: read, write, read again gives the same remittances`, async () => {
      const first = parse835(sample(`835/${file}`)).remittances;
      const text = await write835(first, options());
      const again = parse835(text);
      expect(comparable(again.remittances)).toEqual(comparable(first));
      expect(text).not.toMatch(/~ST\*835\*\d+\*/); // X221A1: ST03 Not Used
      const out = path.join(dir, file);
      writeFileSync(out, text);
      written.set(file, out);
    });

  it.skipIf(!hasPython)(
    'what it writes passes pyx12-check (skipped: python3 is missing)',
    async () => {
      const files = [...written.keys()];
      expect(files.length).toBe(sampleFiles('835').length);
      const out = await run(PYX12, [...written.values()], { maxBuffer: 16 * 1024 * 1024 }).catch(
        (e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }),
      );
      const failed = out.stdout
        .split('\n')
        .filter((l) => l.startsWith('FAIL') || l.startsWith('NOMAP'))
        .map((l) => path.basename(l.split(':')[0]?.replace(/^(FAIL|NOMAP) /, '') ?? ''));
      expect(failed.sort()).toEqual(Object.keys(CONTENT_DEFECTS).sort());
      expect(out.stdout.split('\n').filter((l) => l.startsWith('OK'))).toHaveLength(
        files.length - failed.length,
      );
    },
    120_000,
  );

  it('writes BPR02 0 for a notification (BPR01 H) and PLB reason:reference composites', async () => {
    const [r] = parse835(sample('835/databricks__plb_sample.txt')).remittances;
    const text = await write835([r as Remittance], options());
    expect(text).toContain('BPR*H*0*C*NON************20180615~');
    expect(text).toContain('PLB*15483NN082*20231231*72:0202309NN08956B0X.5520NN142*-14*WO:');
    expect(text).toMatch(/ST\*835\*0001~BPR/);
  });
});
