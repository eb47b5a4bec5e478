import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
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
    hasPython
      ? 'what it writes passes pyx12-check'
      : 'what it writes passes pyx12-check (skipped: python3 is missing)',
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
    const text = await write835([r as unknown as Remittance], options());
    expect(text).toContain('BPR*H*0*C*NON************20180615~');
    expect(text).toContain('PLB*15483NN082*20231231*72:0202309NN08956B0X.5520NN142*-14*WO:');
    expect(text).toMatch(/ST\*835\*0001~BPR/);
  });
});

describe('write835 on generated remittances', () => {
  const word = fc.stringMatching(/^[A-Z0-9][A-Z0-9 ]{0,8}[A-Z0-9]$/);
  const cents = fc.integer({ min: -9_999_999, max: 9_999_999 });
  const day = fc
    .date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2030-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
  const adjustment = fc.record({
    group: fc.constantFrom('CO', 'PR', 'OA', 'PI', 'CR'),
    reason: fc.constantFrom('1', '2', '3', '45', '97', 'A1', 'B13'),
    amountCents: cents,
  });
  const service = fc.record({
    procedure: fc.record({
      qualifier: fc.constantFrom('HC', 'NU'),
      code: fc.constantFrom('99213', '85025', '0450', 'J3301'),
      modifiers: fc.array(fc.constantFrom('25', '59', 'RT', 'LT'), { maxLength: 4 }),
    }),
    chargeCents: cents,
    paidCents: cents,
    dates: fc.array(fc.record({ qualifier: fc.constant('472'), date: day }), { maxLength: 1 }),
    adjustments: fc.array(adjustment, { maxLength: 7 }),
    references: fc.constant([]),
    amounts: fc.array(fc.record({ qualifier: fc.constant('B6'), amountCents: cents }), { maxLength: 1 }),
    remarks: fc.array(fc.record({ qualifier: fc.constant('HE'), code: fc.constantFrom('N130', 'M15') }), {
      maxLength: 3,
    }),
    lineControlNumber: word,
  });
  const claim = fc.record({
    patientControlNumber: word,
    status: fc.constantFrom('1', '2', '4', '22'),
    chargeCents: cents,
    paidCents: cents,
    patientResponsibilityCents: cents,
    claimFilingIndicator: fc.constantFrom('12', 'MB', 'MC'),
    payerClaimControlNumber: word,
    adjustments: fc.array(adjustment, { maxLength: 4 }),
    patient: fc.record({
      entityType: fc.constant('1' as const),
      lastOrOrganizationName: word,
      firstName: word,
      idQualifier: fc.constant('MI'),
      id: word,
    }),
    dates: fc.constant([]),
    references: fc.constant([]),
    amounts: fc.constant([]),
    serviceLines: fc.array(service, { maxLength: 4 }),
    headerNumber: fc.constant('1'),
  });
  const remit = fc.record({
    controlNumber: fc.constant('0001'),
    payment: fc.record({
      handlingCode: fc.constantFrom('C', 'I', 'H'),
      totalPaidCents: cents,
      creditDebit: fc.constant('C'),
      method: fc.constantFrom('ACH', 'CHK', 'NON'),
      date: day,
    }),
    trace: fc.record({ type: fc.constant('1'), checkOrEftNumber: word, payerId: fc.constant('1512345678') }),
    payer: fc.record({
      name: word,
      additionalIds: fc.constant([]),
      address: fc.record({
        line1: word,
        city: word,
        state: fc.constant('NY'),
        postalCode: fc.constant('10001'),
      }),
      contacts: fc.constant([{ function: 'BL', numbers: [{ qualifier: 'TE', number: '5555555555' }] }]),
    }),
    payee: fc.record({
      name: word,
      idQualifier: fc.constant('XX'),
      id: fc.constant('1234567893'),
      additionalIds: fc.constant([]),
    }),
    claims: fc.array(claim, { minLength: 1, maxLength: 4 }),
    providerAdjustments: fc.array(
      fc.record({
        providerId: fc.constant('1234567893'),
        fiscalPeriodDate: day,
        adjustments: fc.array(
          fc.record({ reason: fc.constantFrom('WO', 'L6', 'FB', '72'), amountCents: cents }),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
      }),
      { maxLength: 2 },
    ),
  });

  it('what is written reads back as the same remittance', async () => {
    await fc.assert(
      fc.asyncProperty(remit, async (r) => {
        const text = await write835([r as unknown as Remittance], options());
        const back = parse835(text);
        expect(back.problems.filter((p) => p.code === 'X12_BAD_AMOUNT')).toEqual([]);
        expect(comparable(back.remittances)).toEqual(comparable([r as unknown as Remittance]));
      }),
      { numRuns: 60 },
    );
  });
});
