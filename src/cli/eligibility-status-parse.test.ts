import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCleanclaim } from './cli-testing.ts';
import {
  eligibilityParseCommand,
  statusParseCommand,
  type EligibilityParseReport,
  type StatusParseReport,
} from './eligibility-status-parse.ts';

// `cleanclaim eligibility parse` and `status parse` on every 271 and 277 under ../shared/x12-samples
// (read in place), on malformed and truncated copies written to a temp dir, and once through the
// real CLI for the exit codes.
const SAMPLES = join(process.cwd(), '../shared/x12-samples');
const files = (dir: string) => readdirSync(join(SAMPLES, dir)).map((f) => join(SAMPLES, dir, f));
const tmp = mkdtempSync(join(tmpdir(), 'cleanclaim-parse-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const write = (name: string, text: string | Buffer) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

const eligibilityJson = async (file: string, dos?: string) => {
  const r = await eligibilityParseCommand(file, dos ? { json: true, dos } : { json: true });
  const report = JSON.parse(r.output) as EligibilityParseReport;
  expect(report.exitCode).toBe(r.exitCode);
  return report;
};

const statusJson = async (file: string) => {
  const r = await statusParseCommand(file, { json: true });
  const report = JSON.parse(r.output) as StatusParseReport;
  expect(report.exitCode).toBe(r.exitCode);
  return report;
};

/** Samples that break their TR3 as published (SE counts, EB03 too long, IEA mismatch…): exit 1. */
const BREAKS_TR3 = new Set([
  'imsweb__x271.txt',
  'lfh__subscriber-health-benefit-check-error.271',
  'oopfactory__5010__Example_3_1_2.txt',
  'oopfactory__Example_3_1_2.txt',
  'oopfactory__Example_3_2_2.txt',
  'oopfactory__ValidationForSource.txt',
  'oopfactory__ValidationForSourceName.txt',
  'oopfactory__ValidationForSubscriberBenefitInfo.txt',
  'oopfactory__ValidationForSubscriberName.txt',
  'imsweb__x12_277_x212.txt',
  'stupidedi__1.era',
]);

describe('cleanclaim eligibility parse', () => {
  it.each(files('271'))('reads %s: every patient answered, in words and as JSON', async (file) => {
    const name = file.split('/').pop() as string;
    const report = await eligibilityJson(file);
    expect(report.exitCode).toBe(BREAKS_TR3.has(name) ? 1 : 0);
    expect(report.answers.length).toBeGreaterThan(0);
    for (const a of report.answers) {
      expect(['active', 'inactive', 'rejected', 'unknown']).toContain(a.summary.status);
      // A rejection always says what to do.
      for (const x of a.summary.rejections) expect(x.todo).not.toBe('');
    }
    if (report.exitCode === 1)
      expect(report.problems.some((p) => p.severity === 'error' && p.segmentNumber !== undefined)).toBe(true);
    const human = await eligibilityParseCommand(file);
    expect(human.exitCode).toBe(report.exitCode);
    expect(human.output).toMatch(/^Patient /);
    expect(human.output).toContain(`(exit ${report.exitCode})`);
  });

  it('a dependent: who, plan, copays by network and service type, the primary care provider', async () => {
    const file = join(
      SAMPLES,
      '271/stupidedi__response-to-generic-request-by-physician-for-patient-(dependent)-eligibility.edi',
    );
    const [a] = (await eligibilityJson(file)).answers;
    expect(a?.traceNumbers).toEqual(['93175-012547']);
    expect(a?.summary).toMatchObject({
      patient: { lastName: 'SMITH', firstName: 'MARY', memberId: '123456789', birthDate: '1998-10-14' },
      subscriber: { lastName: 'SMITH', firstName: 'JOHN' },
      isDependent: true,
      payer: { name: 'ABC COMPANY', id: '842610001' },
      status: 'active',
      statusCode: '1',
      planName: 'GOLD 123 PLAN',
      primaryCareProvider: { name: 'MARCUS JONES', id: '0202034' },
    });
    expect(a?.summary.copays.map((c) => [c.network, c.amountCents, c.timePeriod])).toEqual([
      ['inNetwork', 1000, '27'],
      ['outOfNetwork', 3000, '27'],
    ]);
    const { output } = await eligibilityParseCommand(file);
    expect(output).toContain('Patient MARY SMITH (dependent of JOHN SMITH), member ID 123456789');
    expect(output).toContain('ACTIVE: active coverage (EB01 1)');
    expect(output).toMatch(
      /copay \$10\.00 medical care, .*professional \(physician\) visit, office.* \(in network, per visit\)/,
    );
    expect(output).toContain('primary care provider MARCUS JONES (0202034)');
  });

  it('a rejection: the AAA reason, what the front desk does, and the payer’s follow-up', async () => {
    const file = join(SAMPLES, '271/oopfactory__ValidationForSubscriberName.txt');
    const [a] = (await eligibilityJson(file)).answers;
    expect(a?.summary.status).toBe('rejected');
    expect(a?.summary.rejections.map((x) => [x.code, x.level, x.followUp])).toEqual([
      ['72', 'member', 'correct and resubmit'],
      ['75', 'member', 'correct and resubmit'],
    ]);
    const { output, exitCode } = await eligibilityParseCommand(file);
    expect(exitCode).toBe(1);
    expect(output).toContain(
      'REJECTED (AAA03 72, member): invalid or missing subscriber/insured id. What to do: Check the member id on the card',
    );
    // Where the file breaks its TR3: file, segment, element.
    expect(output).toContain(`${file}: ERROR X12_SE_COUNT [segment 18, line 18, ST02 4321, SE01]`);
  });

  it('codes without words are shown as codes, never dropped', async () => {
    const file = join(SAMPLES, '271/oopfactory__ValidationForSubscriberBenefitInfo.txt');
    const [a] = (await eligibilityJson(file)).answers;
    expect(a?.summary.unknownCodes).toEqual(['AAA03 CI', 'AAA03 70']);
    expect((await eligibilityParseCommand(file)).output).toContain(
      'codes without words here (kept as sent): AAA03 CI, AAA03 70',
    );
  });

  it('--dos warns when the coverage does not cover the date of service', async () => {
    const eb = [
      'ISA*00*          *00*          *ZZ*PAYER          *ZZ*CLINIC         *260412*1220*^*00501*000000009*0*T*:~',
      'GS*HB*PAYER*CLINIC*20260412*1220*9*X*005010X279A1~',
      'ST*271*0001*005010X279A1~',
      'BHT*0022*11*REF1*20260412*1220~',
      'HL*1**20*1~',
      'NM1*PR*2*ACME HEALTH*****PI*ACME~',
      'HL*2*1*21*1~',
      'NM1*1P*2*CLINIC*****XX*1234567893~',
      'HL*3*2*22*0~',
      'TRN*2*T1*9877281234~',
      'NM1*IL*1*ENDED*ANNA****MI*TERMINATED1~',
      'DTP*356*D8*20250101~',
      'DTP*357*D8*20260131~',
      'EB*6**30~',
      'EB*C*IND*30***23*1500~',
      'EB*C*IND*30***29*400~',
      'EB*A**98*****0.2~',
      'SE*16*0001~',
      'GE*1*9~',
      'IEA*1*000000009~',
    ].join('\n');
    const file = write('inactive.271', eb);
    const [a] = (await eligibilityJson(file, '2026-04-12')).answers;
    expect(a?.summary).toMatchObject({
      status: 'inactive',
      coverage: { begins: '2025-01-01', ends: '2026-01-31' },
      deductible: { individual: { unspecified: { amountCents: 150000, remainingCents: 40000 } } },
      coinsurance: [{ serviceTypes: ['98'], percent: 20 }],
    });
    expect(a?.summary.warnings).toContain('Coverage ends 2026-01-31, before the date of service 2026-04-12.');
    const { output, exitCode } = await eligibilityParseCommand(file, { dos: '2026-04-12' });
    expect(exitCode).toBe(0);
    expect(output).toContain('INACTIVE: inactive (EB01 6)');
    expect(output).toContain('deductible (individual): $1,500.00, $400.00 remaining');
    expect(output).toContain('coinsurance 20% professional (physician) visit, office');
    expect(output).toContain('! Coverage ends 2026-01-31, before the date of service 2026-04-12.');
  });
});

describe('cleanclaim status parse', () => {
  it.each(files('277'))('reads %s: every claim with its statuses in words', async (file) => {
    const name = file.split('/').pop() as string;
    const report = await statusJson(file);
    expect(report.exitCode).toBe(BREAKS_TR3.has(name) ? 1 : 0);
    expect(report.claims.length).toBeGreaterThan(0);
    for (const c of report.claims) {
      expect(c.statuses.length).toBeGreaterThan(0);
      for (const s of c.statuses) expect(s.says).not.toBe('');
    }
    const human = await statusParseCommand(file);
    expect(human.exitCode).toBe(report.exitCode);
    expect(human.output).toMatch(/^Claim trace /);
  });

  it('a 277 answer per claim: status in words, amounts, payer claim number, and what needs action', async () => {
    const file = join(SAMPLES, '277/stupidedi__claim-response.edi');
    const report = await statusJson(file);
    expect(report.claims.map((c) => [c.traceNumber, c.family, c.needsAction])).toEqual([
      ['ABCXYZ1', 'pending', false],
      ['ABCXYZ2', 'finalized', false],
      ['ABCXYC3', 'finalized', true],
    ]);
    expect(report.claims[2]).toMatchObject({
      patientControlNumber: 'MA345678',
      payerClaimControlNumber: '051681010827',
      chargeCents: 15000,
      paidCents: 0,
      codes: ['F2:88:QC'],
    });
    const { output } = await statusParseCommand(file);
    expect(output).toContain(
      'Claim trace ABCXYC3 (patient control number MA345678, payer claim number 051681010827)',
    );
    expect(output).toContain(
      'F2:88:QC finalized and denied: entity not eligible for benefits on the dates of service (patient) — charged $150.00, paid $0.00',
    );
    expect(output).toContain('NEEDS ACTION');
    expect(output).toContain('3 claims answered, 1 need action; keeps its TR3 (exit 0)');
  });

  it('check or EFT number and date from STC09/STC08', async () => {
    const text = readFileSync(join(SAMPLES, '277/stupidedi__claim-response.edi'), 'latin1').replace(
      'STC*F0:3*20050915**7599*7599',
      'STC*F1:65*20050915**7599*7599*20050920*CHK*20050921*CHK12345',
    );
    expect(text).toContain('CHK12345');
    const c = (await statusJson(write('paid.277', text))).claims[1];
    expect(c).toMatchObject({ family: 'finalized', checkNumber: 'CHK12345', checkDate: '2005-09-21' });
    expect((await statusParseCommand(join(tmp, 'paid.277'))).output).toContain(
      'check/EFT CHK12345, on 2005-09-21',
    );
  });
});

describe('malformed, truncated and other files', () => {
  const active = readFileSync(join(SAMPLES, '271/x12edit__271_multiple_eb_segments.x12'), 'latin1');

  it('a truncated 271 is read as far as it goes and breaks its TR3 (exit 1), saying where', async () => {
    const file = write('truncated.271', active.slice(0, 400));
    const report = await eligibilityJson(file);
    expect(report.exitCode).toBe(1);
    expect(report.problems.map((p) => [p.code, p.segmentNumber])).toEqual(
      expect.arrayContaining([
        ['X12_SE_MISSING', 3],
        ['X12_IEA_MISSING', 1],
      ]),
    );
    const { output } = await eligibilityParseCommand(file);
    expect(output).toContain(`${file}: ERROR X12_SE_MISSING [segment 3, line 3, ST02 0001, ST]`);
  });

  it('a bad element: the segment number and the element', async () => {
    const file = write('bad-amount.271', active.replace('EB*B**30***23*5.00', 'EB*B**30***23*ABC'));
    const { output, exitCode } = await eligibilityParseCommand(file);
    expect(exitCode).toBe(1);
    expect(output).toContain('[segment 14, line 14, ST02 0001, loop 2110C, EB07]');
  });

  it('not X12, empty, cut inside the ISA, or missing: exit 2', async () => {
    for (const [name, text] of [
      ['note.txt', 'hello, this is not X12\n'],
      ['empty.x12', ''],
      ['cut.x12', active.slice(0, 50)],
    ] as const) {
      const file = write(name, text);
      for (const r of [await eligibilityParseCommand(file), await statusParseCommand(file)]) {
        expect(r.exitCode).toBe(2);
        expect(r.output).toContain('not readable as X12 (exit 2)');
      }
    }
    const missing = await statusParseCommand(join(tmp, 'nope.277'), { json: true });
    expect(missing.exitCode).toBe(2);
    expect(JSON.parse(missing.output)).toMatchObject({
      exitCode: 2,
      claims: [],
      unreadable: expect.stringContaining('cannot read'),
    });
  });

  it('the other transaction sets: exit 2 and where to read them instead', async () => {
    const r277ca = await statusParseCommand(join(SAMPLES, '277CA/imsweb__x12_277CA_rejected.txt'));
    expect(r277ca.exitCode).toBe(2);
    expect(r277ca.output).toContain('a 277CA claim acknowledgment (X214)');
    const r270 = await eligibilityParseCommand(join(SAMPLES, '270/lfh__subscriber-health-benefit-check.270'));
    expect(r270.exitCode).toBe(2);
    expect(r270.output).toContain('a 270 eligibility inquiry (the question, not the answer)');
    const r271 = await statusParseCommand(join(SAMPLES, '271/edifabric__GenericResponse.txt'));
    expect(r271.output).toContain('`cleanclaim eligibility parse FILE`');
    const r835 = await eligibilityParseCommand(join(SAMPLES, '835/hdi__835-minimal.edi'));
    expect([r835.exitCode, r835.output.includes('cleanclaim era check')]).toEqual([2, true]);
  });
});

describe('the real CLI', () => {
  const cleanclaim = (...args: string[]) => runCleanclaim(args);

  it('eligibility parse and status parse exit 0, 1 and 2', () => {
    const ok = cleanclaim('eligibility', 'parse', join(SAMPLES, '271/x12edit__271_rejected_subscriber.x12'));
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('REJECTED (AAA03 72, member)');
    const invalid = cleanclaim('status', 'parse', '--json', join(SAMPLES, '277/stupidedi__1.era'));
    expect(invalid.code, invalid.stderr).toBe(1);
    expect(JSON.parse(invalid.stdout)).toMatchObject({ transaction: '277', valid: false });
    expect(cleanclaim('status', 'parse', join(SAMPLES, '837P/uhin__837.edi')).code).toBe(2);
  }, 240_000);
});
