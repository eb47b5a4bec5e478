import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parse277CA, parse835, validateX12 } from '../x12/index.ts';
import { balanceRemittance } from '../remits/index.ts';
import { testBatch, type TestClaim } from './testing.ts';

// The real `cleanclaim sandbox --once` in a child process, on temp folders, answering a batch for the
// demo payers: 999, 277CA (two front-end rejections) and 835 (paid, partly paid, denied) appear, each
// valid for our validator and for pyx12; every 835 balances.
const BIN = join(process.cwd(), 'bin/cleanclaim.mjs');
const PYX12 = resolve(process.cwd(), '../shared/tools/pyx12-check');
const dir = mkdtempSync(join(tmpdir(), 'sandbox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const today = new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const claims: TestClaim[] = [
  {
    pcn: 'PAID1',
    memberId: 'W1001',
    payerId: 'DEMO-BCBS',
    lines: [{ code: '99213', chargeCents: 14000, date: daysAgo(5) }],
  },
  {
    pcn: 'PART1',
    memberId: 'W1002',
    payerId: 'DEMO-AETNA',
    lines: [
      { code: '99214', chargeCents: 20500, date: daysAgo(6) },
      { code: '36415', chargeCents: 1500, date: daysAgo(6) },
    ],
  },
  {
    pcn: 'AUTH1',
    memberId: 'W1003',
    payerId: 'DEMO-BCBS',
    lines: [{ code: '29881', chargeCents: 480000, date: daysAgo(7) }],
  },
  {
    pcn: 'LATE1',
    memberId: 'W1004',
    payerId: 'DEMO-CIGNA',
    lines: [{ code: '99213', chargeCents: 14000, date: daysAgo(200) }],
  },
  {
    pcn: 'TERM1',
    memberId: 'TERMINATED1',
    payerId: 'DEMO-UHC',
    lines: [{ code: '99213', chargeCents: 14000, date: daysAgo(3) }],
  },
  {
    pcn: 'NOBODY1',
    memberId: 'UNKNOWN',
    payerId: 'DEMO-BCBS',
    lines: [{ code: '99213', chargeCents: 14000, date: today }],
  },
  {
    pcn: 'BADDX1',
    memberId: 'W1005',
    payerId: 'DEMO-MCR',
    diagnoses: ['R69'],
    lines: [{ code: '99213', chargeCents: 14000, date: today }],
  },
];

const cleanclaim = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('cleanclaim sandbox', () => {
  it('answers a batch with a 999, a 277CA and 835s that validate and balance', async () => {
    const data = join(dir, 'data');
    mkdirSync(join(data, 'outbound'), { recursive: true });
    writeFileSync(join(data, 'outbound', 'batch-1.837'), await testBatch(claims));
    const scenario = JSON.parse(readFileSync('src/sandbox/default-scenario.json', 'utf8')) as Record<
      string,
      unknown
    >;
    writeFileSync(
      join(dir, 'now.json'),
      JSON.stringify({ ...scenario, $schema: undefined, adjudicationDelaySeconds: 0 }),
    );
    const run = cleanclaim(
      'sandbox',
      '--data',
      data,
      '--once',
      '--seed',
      '7',
      '--scenario',
      join(dir, 'now.json'),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(join(data, 'outbound'))).toEqual(['archive']);
    expect(readdirSync(join(data, 'outbound', 'archive'))).toEqual(['batch-1.837']);
    const inbound = readdirSync(join(data, 'inbound')).sort();
    const kinds = inbound.map((n) => n.split('.').at(-1));
    expect(kinds.filter((k) => k === '999')).toHaveLength(1);
    expect(kinds.filter((k) => k === '277ca')).toHaveLength(1);
    expect(kinds.filter((k) => k === '835').length).toBeGreaterThanOrEqual(3);
    const text = (n: string) => readFileSync(join(data, 'inbound', n), 'utf8');
    for (const n of inbound) expect(validateX12(text(n)).valid, n).toBe(true);

    const ack = parse277CA(text(inbound.find((n) => n.endsWith('.277ca'))!));
    const rejected = ack.acknowledgments.flatMap((a) => a.claims).filter((c) => !c.accepted);
    expect(
      rejected.map((c) => [c.patientControlNumber, c.statuses[0]?.category, c.statuses[0]?.code]),
    ).toEqual([
      ['NOBODY1', 'A3', '33'],
      ['BADDX1', 'A7', '255'],
    ]);

    const payments = inbound
      .filter((n) => n.endsWith('.835'))
      .flatMap((n) => parse835(text(n)).remittances)
      .map((r) => {
        expect(balanceRemittance(r).balanced).toBe(true);
        return r;
      })
      .flatMap((r) => r.claims);
    const byPcn = new Map(payments.map((c) => [c.patientControlNumber, c]));
    expect([...byPcn.keys()].sort()).toEqual(['AUTH1', 'LATE1', 'PAID1', 'PART1', 'TERM1']);
    const reasons = (pcn: string) =>
      byPcn.get(pcn)!.serviceLines.flatMap((l) => l.adjustments.map((a) => `${a.group}-${a.reason}`));
    expect(byPcn.get('PAID1')!.paidCents).toBeGreaterThan(0);
    expect(reasons('PART1')).toContain('CO-97');
    expect(reasons('AUTH1')).toEqual(['CO-197']);
    expect(reasons('LATE1')).toEqual(['CO-29']);
    expect(reasons('TERM1')).toEqual(['CO-27']);

    // The same batch again: the payer has seen these services (CO-18).
    writeFileSync(join(data, 'outbound', 'batch-2.837'), await testBatch(claims.slice(0, 1)));
    expect(cleanclaim('sandbox', '--data', data, '--once', '--scenario', join(dir, 'now.json')).code).toBe(0);
    const again = readdirSync(join(data, 'inbound')).filter(
      (n) => n.endsWith('.835') && !inbound.includes(n),
    );
    expect(again).toHaveLength(1);
    const dup = parse835(text(again[0]!)).remittances[0]!.claims[0]!;
    expect(dup.serviceLines[0]!.adjustments.map((a) => a.reason)).toEqual(['18']);
  }, 120_000);

  it('every file it wrote passes pyx12-check', async () => {
    const inbound = join(dir, 'data', 'inbound');
    const files = readdirSync(inbound).map((n) => join(inbound, n));
    const out = await promisify(execFile)(PYX12, files, { maxBuffer: 16 * 1024 * 1024 }).catch(
      (e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }),
    );
    expect(out.stdout.split('\n').filter((l) => /^(FAIL|NOMAP)/.test(l))).toEqual([]);
    expect(out.stdout.split('\n').filter((l) => l.startsWith('OK'))).toHaveLength(files.length);
  }, 120_000);

  it('refuses an invalid scenario, naming where each problem is (exit 1)', () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ defaultBenefits: { coinsurancePercent: 120 } }));
    const r = cleanclaim('sandbox', '--data', join(dir, 'x'), '--once', '--scenario', join(dir, 'bad.json'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('/defaultBenefits/coinsurancePercent: must be a percent');
  });

  it('refuses a scenario that is not JSON (exit 2)', () => {
    writeFileSync(join(dir, 'broken.json'), '{ "payers": ');
    const r = cleanclaim(
      'sandbox',
      '--data',
      join(dir, 'x'),
      '--once',
      '--scenario',
      join(dir, 'broken.json'),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the scenario cannot be read');
  });
});
