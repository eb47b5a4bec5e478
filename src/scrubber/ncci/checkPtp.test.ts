import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { checkPtp } from './checkPtp.ts';
import { loadPtpTable } from './load.ts';
import type { ServiceLine } from './serviceLine.ts';
import { FIXTURES } from './testing.ts';

const practitioner = (
  await loadPtpTable(path.join(FIXTURES, 'pass/ptp-practitioner-copyright-header.txt'), {
    setting: 'practitioner',
  })
).table;
const outpatient = (
  await loadPtpTable(path.join(FIXTURES, 'pass/ptp-outpatient-two-line-header.txt'), {
    setting: 'outpatient',
  })
).table;

const line = (
  lineNumber: number,
  procedureCode: string,
  modifiers: string[] = [],
  serviceDate = '2026-11-02',
): ServiceLine => ({
  lineNumber,
  procedureCode,
  modifiers,
  units: 1,
  serviceDate,
});

describe('NCCI PTP check', () => {
  it('passes a claim with no edit pair', () => {
    expect(checkPtp([line(1, '20610'), line(2, '36415'), line(3, '88305')], practitioner)).toEqual([]);
  });

  it("flags modifier indicator 1 without a bypass modifier, in a biller's words", () => {
    const [f, ...rest] = checkPtp([line(1, '20610'), line(2, '99213')], practitioner);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ code: 'NCCI-PTP', severity: 'error', carc: '236', lines: [1, 2] });
    expect(f!.message).toBe(
      '99213 (line 2) is bundled into 20610 (line 1) on 2026-11-02 (NCCI PTP, modifier indicator 1: Standards of medical / surgical practice).',
    );
    expect(f!.fixHint).toMatch(/^Add 25 to line 2/);
  });

  it('suggests 59/XS for a procedure in column 2', () => {
    const [f] = checkPtp([line(1, '29881'), line(2, '29880')], practitioner);
    expect(f!.fixHint).toMatch(/Add 59 or XE\/XS\/XP\/XU .* to line 1/);
  });

  it('flags modifier indicator 0 even with a bypass modifier', () => {
    const [f] = checkPtp([line(1, '93005', ['59']), line(2, '93000')], practitioner);
    expect(f).toMatchObject({ code: 'NCCI-PTP', lines: [2, 1] });
    expect(f!.message).toMatch(/modifier indicator 0: .*No modifier allows both to be paid/);
  });

  it('ignores modifier indicator 9, other dates of service and deleted edits', () => {
    expect(checkPtp([line(1, '12001'), line(2, '11042')], practitioner)).toEqual([]);
    expect(checkPtp([line(1, '20610'), line(2, '99213', [], '2026-11-03')], practitioner)).toEqual([]);
    expect(
      checkPtp([line(1, '17000', [], '2024-01-01'), line(2, '11900', [], '2024-01-01')], practitioner),
    ).toEqual([]);
    expect(
      checkPtp([line(1, '17000', [], '2023-12-31'), line(2, '11900', [], '2023-12-31')], practitioner),
    ).toHaveLength(1);
  });

  it('lets an NCCI-associated modifier on either line bypass indicator 1', () => {
    for (const mods of [['XS'], ['59'], ['XU'], ['79'], ['58']]) {
      expect(checkPtp([line(1, '29880'), line(2, '29881', mods)], practitioner), mods[0]).toEqual([]);
      expect(checkPtp([line(1, '29880', mods), line(2, '29881')], practitioner), mods[0]).toEqual([]);
    }
  });

  it('accepts anatomic modifiers only for different sites', () => {
    expect(checkPtp([line(1, '29880', ['RT']), line(2, '29881', ['LT'])], practitioner)).toEqual([]);
    expect(checkPtp([line(1, '29880', ['RT']), line(2, '29881', ['RT'])], practitioner)).toHaveLength(1);
    expect(checkPtp([line(1, '11042', ['F1']), line(2, '97597', ['F2'])], practitioner)).toEqual([]);
  });

  it('accepts 25 only on the E/M line and 91 only on a lab line', () => {
    expect(checkPtp([line(1, '20610'), line(2, '99213', ['25'])], practitioner)).toEqual([]);
    expect(checkPtp([line(1, '20610', ['25']), line(2, '99213')], practitioner)).toHaveLength(1);
    expect(checkPtp([line(1, '80053'), line(2, '82947', ['91'])], practitioner)).toEqual([]);
    expect(checkPtp([line(1, '29880'), line(2, '29881', ['91'])], practitioner)).toHaveLength(1);
  });

  it('accepts 27 on outpatient hospital claims only', () => {
    const lines = [line(1, '99284'), line(2, '99213', ['27'])];
    expect(checkPtp(lines, outpatient)).toEqual([]);
    expect(checkPtp(lines, outpatient, 'practitioner')).toHaveLength(1);
    expect(checkPtp([line(1, '96374'), line(2, '96372')], outpatient)).toHaveLength(1);
  });
});
