import { describe, expect, it } from 'vitest';
import { buildStatement, isDueForStatement } from './statement.ts';
import { sampleStatementInput } from './sample-statement.ts';

describe('buildStatement', () => {
  it('shows the visits that hold a patient balance, oldest first, with totals and aging', () => {
    const s = buildStatement(sampleStatementInput());
    expect(s.visits.map((v) => v.encounterId)).toEqual([2, 1]); // visit 3 is all with insurance
    expect(s.visits[1]!.lines.map((l) => l.procedureCode)).toEqual(['99213', '36415']);
    expect(s.totals.chargeCents).toBe(22_000);
    expect(s.totals.patientBalanceCents).toBe(7_000);
    expect(s.amountDueCents).toBe(7_000);
    expect(s.dueDate).toBe('2027-01-02');
    // 2026-10-01 is 63 days before 2026-12-03, 2026-07-01 is 155
    expect(s.aging.row.buckets).toEqual([0, 0, 2_000, 5_000]);
    expect(s.mailTo.name).toBe('Maria Lopez');
  });

  it('takes an unapplied credit off what is due and mails to the guarantor', () => {
    const input = sampleStatementInput({ creditCents: 1_500 });
    input.patient = {
      ...input.patient,
      guarantorRelationship: 'child',
      guarantorFirstName: 'Ana',
      guarantorLastName: 'Lopez',
    };
    const s = buildStatement(input);
    expect(s.amountDueCents).toBe(5_500);
    expect(s.mailTo.name).toBe('Ana Lopez');
    expect(s.patientName).toBe('Maria Lopez');
  });
});

describe('isDueForStatement', () => {
  const rules = { minimumBalanceCents: 500, daysBetweenStatements: 30 };
  it('bills a balance at or over the minimum never billed before', () => {
    expect(isDueForStatement(500, null, rules, '2026-12-03')).toBe(true);
    expect(isDueForStatement(499, null, rules, '2026-12-03')).toBe(false);
    expect(isDueForStatement(0, null, { ...rules, minimumBalanceCents: 0 }, '2026-12-03')).toBe(false);
  });
  it('waits the days between statements', () => {
    expect(isDueForStatement(1000, '2026-11-03', rules, '2026-12-02')).toBe(false);
    expect(isDueForStatement(1000, '2026-11-03', rules, '2026-12-03')).toBe(true);
    expect(isDueForStatement(1000, '2026-12-03', rules, '2026-12-03')).toBe(false);
    // no days between still means one statement a day
    const daily = { ...rules, daysBetweenStatements: 0 };
    expect(isDueForStatement(1000, '2026-12-03', daily, '2026-12-03')).toBe(false);
    expect(isDueForStatement(1000, '2026-12-02', daily, '2026-12-03')).toBe(true);
  });
});
