import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLES, sample, sampleFiles } from '../x12/testing/fixtures.ts';
import { checkEra } from './check.ts';
import { eraCheckCommand, formatEraCheck } from './cli.ts';

/**
 * Every 835 under ../shared/x12-samples/835/, worked out by hand from the file (BPR02, each CLP and
 * SVC with its CAS, PLB): the exit code, each balancing failure as "ST02:rule:CLP01 expected/found"
 * (cents), and the TR3 error codes our validator gives (the reason for exit 1 on files that balance).
 */
const EXPECTED: Record<string, { exit: 0 | 1 | 2; unbalanced: string[]; tr3: string[] }> = {
  // F62: BPR*H*0, three claims paid 0 that balance (OA-147 + CO-26 = CLP03), no PLB
  'databricks__no_plb_sample.txt': {
    exit: 1,
    unbalanced: [],
    tr3: ['X12_ST_SE_MISMATCH', 'X12_ISA_IEA_MISMATCH', 'X12_UNEXPECTED_SEGMENT', 'X12_UNKNOWN_SEGMENT'],
  },
  // Does not balance: BPR*H*0 but the PLB pairs 72 −14, WO 14, B2 −14 net −14, so BPR02 should be 14.00
  'databricks__plb_sample.txt': {
    exit: 1,
    unbalanced: ['0001:PAYMENT:-:1400/0'],
    tr3: ['X12_ST_SE_MISMATCH', 'X12_ISA_IEA_MISMATCH', 'X12_UNEXPECTED_SEGMENT'],
  },
  // Three transactions; ST 0003 pays 1,812.27 entirely by PLB (CT −1,092.46, CT −719.81, CS pairs netting 0)
  'databricks__sample.txt': { exit: 1, unbalanced: [], tr3: ['X12_SE_COUNT', 'X12_ISA_IEA_MISMATCH'] },
  // Does not balance: claim 77777777 (CLP02 4) charges 72,232 and pays 0 with its CAS removed
  'databricks__sample_no_cas.txt': {
    exit: 1,
    unbalanced: ['0001:CLAIM:77777777:7223200/0'],
    tr3: ['X12_SE_COUNT', 'X12_ISA_IEA_MISMATCH'],
  },
  // The X221A1 examples (COB, subscriber correction, dollars and data, penalty, not covered days)
  'dwai__X221-coordination-of-benefits-example-1a.edi': { exit: 0, unbalanced: [], tr3: [] },
  'dwai__X221-coordination-of-benefits-example-1b.edi': { exit: 0, unbalanced: [], tr3: [] },
  'dwai__X221-coordination-of-benefits-example-2a.edi': { exit: 0, unbalanced: [], tr3: [] },
  'dwai__X221-coordination-of-benefits-example-2b.edi': { exit: 0, unbalanced: [], tr3: [] },
  'dwai__X221-coordination-of-benefits-example-3a.edi': { exit: 0, unbalanced: [], tr3: [] },
  'dwai__X221-coordination-of-benefits-example-3b.edi': { exit: 0, unbalanced: [], tr3: [] },
  'dwai__X221-coordination-of-benefits-example-4aa.edi': { exit: 0, unbalanced: [], tr3: [] },
  'dwai__X221-coordination-of-benefits-example-4ab.edi': { exit: 0, unbalanced: [], tr3: [] },
  'dwai__X221-coordination-of-benefits-example-4ba.edi': { exit: 0, unbalanced: [], tr3: [] },
  'dwai__X221-coordination-of-benefits-example-4bb.edi': { exit: 0, unbalanced: [], tr3: [] },
  'dwai__X221-coordination-of-benefits-example-5a.edi': { exit: 0, unbalanced: [], tr3: [] },
  'dwai__X221-coordination-of-benefits-example-5b.edi': { exit: 0, unbalanced: [], tr3: [] },
  'dwai__X221-coordination-of-benefits-example-7a.edi': { exit: 0, unbalanced: [], tr3: [] },
  'dwai__X221-coordination-of-benefits-example-7b.edi': { exit: 0, unbalanced: [], tr3: [] },
  'dwai__X221-coordination-of-benefits-example-8a.edi': { exit: 0, unbalanced: [], tr3: [] },
  'dwai__X221-coordination-of-benefits-example-8b.edi': { exit: 0, unbalanced: [], tr3: [] },
  'dwai__X221-coordination-of-benefits-example-9a.edi': { exit: 0, unbalanced: [], tr3: [] },
  'dwai__X221-coordination-of-benefits-example-9b.edi': { exit: 0, unbalanced: [], tr3: [] },
  'dwai__X221-correcting-the-subscriber-example-1.edi': { exit: 0, unbalanced: [], tr3: [] },
  'dwai__X221-correcting-the-subscriber-example-2.edi': { exit: 0, unbalanced: [], tr3: [] },
  'dwai__X221-dollars-and-data-sent-separate.edi': { exit: 0, unbalanced: [], tr3: [] },
  // CAS*CO*45*5**161*-2: a negative (penalty) CAS inside a balanced line: 25 − 12 = 5 − 2 + 10
  'dwai__X221-line-service-line-penalty-tax-or-bonuses-impacting-payment-only-example-2.edi': {
    exit: 0,
    unbalanced: [],
    tr3: [],
  },
  'dwai__X221-line-service-line-penalty-tax-or-bonuses-impacting-payment-only-example-3.edi': {
    exit: 0,
    unbalanced: [],
    tr3: [],
  },
  'dwai__X221-not-covered-not-authorized-days.edi': { exit: 0, unbalanced: [], tr3: [] },
  // Does not balance: BPR02 34.00 but CLP04 0 while its line pays 34; claim 9999999: 69.87 − 0 vs CAS 516 − 9
  'edifabric__Custom835.txt': {
    exit: 1,
    unbalanced: ['0001:PAYMENT:-:0/3400', '0001:CLAIM:9999999:6987/50700'],
    tr3: ['X12_UNEXPECTED_SEGMENT', 'X12_TOO_LONG', 'X12_BAD_CODE'],
  },
  'edifabric__Payment.txt': { exit: 0, unbalanced: [], tr3: [] },
  // Does not balance: BPR02 132.00 but claim 5554555444 pays 500.00 (the claim itself balances: PR-1 300)
  'hdi__835-minimal.dat': { exit: 1, unbalanced: ['0002:PAYMENT:-:50000/13200'], tr3: [] },
  // Does not balance: BPR02 1,000.00 but claim 5554555444 pays 500.00
  'hdi__835-minimal.edi': {
    exit: 1,
    unbalanced: ['   1:PAYMENT:-:50000/100000'],
    tr3: ['X12_UNEXPECTED_SEGMENT'],
  },
  // Intentionally invalid: BPR 132 vs 500; claim 5554555444 700 − 500 vs PR 300; its line 800 − 400 vs 300
  'hdi__835-validation-issues.edi': {
    exit: 1,
    unbalanced: [
      '0002:PAYMENT:-:50000/13200',
      '0002:CLAIM:5554555444:20000/30000',
      '0002:LINE:5554555444:40000/30000',
    ],
    tr3: ['X12_SE_COUNT', 'X12_SEGMENT_MISSING', 'X12_UNKNOWN_SEGMENT'],
  },
  'hdi__dollars_data_separate.dat': { exit: 0, unbalanced: [], tr3: [] },
  'hdi__not_covered_inpatient.dat': { exit: 1, unbalanced: [], tr3: ['X12_SE_COUNT'] },
  'lfh__cob-contractural-adjustment.835': {
    exit: 1,
    unbalanced: [],
    tr3: ['X12_ELEMENT_MISSING', 'X12_SEGMENT_MISSING', 'X12_TOO_LONG', 'X12_BAD_CODE'],
  },
  'lfh__managed-care.835': { exit: 1, unbalanced: [], tr3: ['X12_BAD_DATE', 'X12_SEGMENT_MISSING'] },
  // PLB CV:CP −1.27 balances BPR02 150,000.00 = 138,018.40 + … (PER*BL missing breaks the TR3)
  'lfh__medicare-part-a.835': { exit: 1, unbalanced: [], tr3: ['X12_SEGMENT_MISSING'] },
  'lfh__secondary-payment.835': {
    exit: 1,
    unbalanced: [],
    tr3: ['X12_ELEMENT_MISSING', 'X12_SEGMENT_MISSING', 'X12_TOO_LONG', 'X12_BAD_CODE'],
  },
  'pyx12__835_mult_loops.txt': { exit: 0, unbalanced: [], tr3: [] },
  'stupidedi__dollars-and-data-sent-together.edi': { exit: 0, unbalanced: [], tr3: [] },
  'stupidedi__secondary-payment-with-higher-fee-schedule.edi': { exit: 0, unbalanced: [], tr3: [] },
  'stupidedi__tertiary-payments.edi': { exit: 0, unbalanced: [], tr3: [] },
  // 156 interchanges, 156 transactions, every claim and line balances
  'tastypackets__profee-multiple.edi': { exit: 0, unbalanced: [], tr3: [] },
};

const RULE = {
  REMIT_PAYMENT_UNBALANCED: 'PAYMENT',
  REMIT_CLAIM_UNBALANCED: 'CLAIM',
  REMIT_LINE_UNBALANCED: 'LINE',
};

describe('era check on every public 835 sample', () => {
  const files = sampleFiles('835');

  it('has an expected result for every file (a new sample needs one)', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const file of files)
    it(file, () => {
      const want = EXPECTED[file];
      const r = checkEra(sample(`835/${file}`));
      const unbalanced = r.transactions.flatMap((t) =>
        t.balancing.map(
          (b) =>
            `${t.controlNumber}:${RULE[b.code as keyof typeof RULE]}:${b.patientControlNumber ?? '-'}:${b.expectedCents}/${b.foundCents}`,
        ),
      );
      const tr3 = [
        ...new Set(
          r.tr3Problems.filter((p) => p.severity === 'error' || p.severity === 'fatal').map((p) => p.code),
        ),
      ];
      expect({ exit: r.exitCode, unbalanced, tr3 }).toEqual(want);
      expect(r.balanced).toBe(unbalanced.length === 0);
    });
});

describe('era check report', () => {
  it('gives the poster payer, payee, payment, totals and each claim with its adjustments', () => {
    const r = checkEra(
      sample('835/dwai__X221-line-service-line-penalty-tax-or-bonuses-impacting-payment-only-example-2.edi'),
    );
    const t = r.transactions[0];
    expect(t?.payer).toEqual({ name: 'ANY PLAN USA', id: '1234567890' });
    expect(t?.payee).toEqual({ name: 'PROVIDER', idQualifier: 'XX', id: '1123454567' });
    expect(t?.payment).toMatchObject({
      handlingCode: 'I',
      method: 'CHK',
      methodName: 'check',
      totalPaidCents: 1200,
      date: '2019-08-16',
      traceNumber: 'CK NUMBER 1',
    });
    expect(t?.totals).toEqual({
      claims: 1,
      chargeCents: 2500,
      paidCents: 1200,
      patientResponsibilityCents: 1000,
      providerAdjustmentCents: 0,
    });
    expect(t?.claims[0]).toMatchObject({
      patientControlNumber: 'PCN',
      status: '1',
      statusName: 'processed as primary',
      chargeCents: 2500,
      paidCents: 1200,
      patientResponsibilityCents: 1000,
      payerClaimControlNumber: 'CLAIMNUMB',
      patientName: 'LAST, FIRST',
      remarkCodes: ['N25'],
      balanced: true,
      adjustments: [
        { group: 'CO', reason: '45', amountCents: 500, lineNumber: 1 },
        { group: 'CO', reason: '161', amountCents: -200, lineNumber: 1 },
        { group: 'PR', reason: '3', amountCents: 1000, lineNumber: 1 },
      ],
    });
    const text = formatEraCheck('x.835', r);
    expect(text).toContain('Transaction ST02 10060875: balances');
    expect(text).toContain('PR-3 $10.00 (copay, line 1)');
    expect(text).toContain('exit 0');
  });

  it('shows the failing claim with its figures', () => {
    const text = formatEraCheck('v.edi', checkEra(sample('835/hdi__835-validation-issues.edi')));
    expect(text).toContain('DOES NOT BALANCE');
    expect(text).toContain(
      'REMIT_LINE_UNBALANCED [claim 1 CLP01 5554555444, line 1, segment 19, SVC03] Claim 5554555444 line 1 (99211): charge $800.00 − paid $400.00 = $400.00, but its adjustments add up to $300.00.',
    );
  });

  it('the command: exit codes and stable JSON', async () => {
    const file = join(SAMPLES, '835/stupidedi__tertiary-payments.edi');
    const ok = await eraCheckCommand(file, { json: true });
    expect(ok.exitCode).toBe(0);
    const body = JSON.parse(ok.output) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual([
      'file',
      'exitCode',
      'readable',
      'balanced',
      'tr3Valid',
      'transactions',
      'tr3Problems',
    ]);
    expect((await eraCheckCommand(join(SAMPLES, '835/hdi__835-minimal.dat'))).exitCode).toBe(1);
    const missing = await eraCheckCommand('/nonexistent/era.835');
    expect(missing.exitCode).toBe(2);
    expect(missing.output).toContain('cannot read /nonexistent/era.835');
  });
});

describe('era check on malformed and truncated input', () => {
  const good = readFileSync(join(SAMPLES, '835/stupidedi__tertiary-payments.edi'), 'latin1');

  it('text that is not X12 is unreadable (exit 2)', () => {
    const r = checkEra('hello, this is a PDF export of an EOB\n');
    expect(r.exitCode).toBe(2);
    expect(r.readable).toBe(false);
    expect(r.unreadable).toMatch(/ISA/);
    expect(r.unreadableCode).toBe('REMIT_UNREADABLE');
  });

  it('an ISA cut short cannot give its separators (exit 2)', () => {
    const r = checkEra(good.slice(0, 60));
    expect(r.exitCode).toBe(2);
    expect(r.tr3Problems[0]).toMatchObject({ severity: 'fatal' });
  });

  it('an X12 file without an 835 is not an ERA (exit 2)', () => {
    const r = checkEra(sample('837P/uhin__837.edi'));
    expect(r.exitCode).toBe(2);
    expect(r.unreadable).toMatch(/no 835/);
    expect(r.unreadableCode).toBe('REMIT_NOT_835');
  });

  it('a file cut before SE reads what is there and says the trailer is missing, with where', () => {
    const cut = good.slice(0, good.indexOf('SE*'));
    const r = checkEra(cut);
    expect(r.exitCode).toBe(1);
    expect(r.tr3Problems).toContainEqual(expect.objectContaining({ code: 'X12_SE_MISSING' }));
    expect(r.transactions).toHaveLength(1);
  });

  it('a file cut inside a claim: the claim does not balance, named with its segment position', () => {
    const at = good.indexOf('CAS*');
    const r = checkEra(good.slice(0, at));
    expect(r.exitCode).toBe(1);
    const p = r.transactions[0]?.balancing.find(
      (b) => b.code === 'REMIT_CLAIM_UNBALANCED' || b.code === 'REMIT_LINE_UNBALANCED',
    );
    expect(p?.segmentNumber).toBeGreaterThan(0);
    expect(p?.patientControlNumber).toBeTruthy();
  });

  it('an amount that is not a number is a TR3 error at its element', () => {
    const bad = good.replace(/CLP\*([^*]*)\*([^*]*)\*([^*]*)\*/, 'CLP*$1*$2*12.3.4*');
    const r = checkEra(bad);
    expect(r.exitCode).toBe(1);
    expect(r.tr3Problems.some((p) => p.element === 'CLP03' && p.segmentNumber !== undefined)).toBe(true);
  });
});
