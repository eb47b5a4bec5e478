import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryErrors, reversalError, type NewLedgerEntry } from './entries.ts';
import { ACCOUNTS, ENTRY_KINDS, balancesOf, effectOf } from './kinds.ts';
import { LINES, ledgerHistory, playHistory, type HistoryEntry } from './testing.ts';

const asEntry = (e: HistoryEntry): NewLedgerEntry => {
  const { line, reversesIndex: _r, ...rest } = e;
  return { ...rest, practiceId: 1, patientId: 1, encounterId: 1, serviceLineId: 100 + line };
};

describe('ledger balances', () => {
  it('every line adds up to the cent over any history of charges, payments, adjustments, transfers and reversals', () => {
    fc.assert(
      fc.property(ledgerHistory, (ops) => {
        const { entries, model } = playHistory(ops);
        expect(entryErrors(entries.map(asEntry))).toEqual([]);
        entries.forEach((e, i) => {
          if (e.reversesIndex === undefined) return;
          const original = { ...asEntry(entries[e.reversesIndex]!), id: e.reversesIndex };
          expect(reversalError(asEntry(e), original)).toBeUndefined();
          expect(i).toBeGreaterThan(e.reversesIndex);
        });
        for (let line = 0; line < LINES; line++) {
          const b = balancesOf(entries.filter((e) => e.line === line));
          expect(b.charge).toBe(model[line]!.charge);
          expect(b.insuranceBalance).toBe(model[line]!.insuranceOpen);
          expect(b.patientBalance).toBe(model[line]!.patientOwes);
          expect(b.charge).toBe(
            b.insurancePaid + b.adjustments + b.patientResponsibility + b.insuranceBalance,
          );
          expect(b.patientResponsibility).toBe(
            b.patientPaid + b.patientWriteOffs - b.refunds + b.patientBalance,
          );
          for (const v of Object.values(b)) expect(Number.isSafeInteger(v)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('without write-offs or refunds, patient responsibility = patient paid + patient balance', () => {
    const b = balancesOf([
      { kind: 'charge', account: 'insurance', amountCents: 20_000 },
      { kind: 'insurance_payment', account: 'insurance', amountCents: 9_000 },
      { kind: 'contractual_adjustment', account: 'insurance', amountCents: 6_000 },
      { kind: 'patient_responsibility', account: 'patient', amountCents: 3_000 },
      { kind: 'patient_payment', account: 'patient', amountCents: 1_000 },
    ]);
    expect(b).toMatchObject({ insuranceBalance: 2_000, patientBalance: 2_000 });
    expect(b.patientResponsibility).toBe(b.patientPaid + b.patientBalance);
  });

  it("a self-pay charge is the patient's from the start", () => {
    expect(balancesOf([{ kind: 'charge', account: 'patient', amountCents: 7_500 }])).toMatchObject({
      charge: 7_500,
      insuranceBalance: 0,
      patientBalance: 7_500,
    });
  });

  it('an overpayment is a credit: a negative patient balance until refunded', () => {
    const paid = [
      { kind: 'charge', account: 'patient', amountCents: 5_000 },
      { kind: 'patient_payment', account: 'patient', amountCents: 8_000 },
    ];
    expect(balancesOf(paid).patientBalance).toBe(-3_000);
    expect(
      balancesOf([...paid, { kind: 'refund', account: 'patient', amountCents: 3_000 }]).patientBalance,
    ).toBe(0);
  });

  it('a PLB moves no patient or line balance', () => {
    expect(balancesOf([{ kind: 'payer_adjustment', account: 'payer', amountCents: -1_234 }])).toMatchObject({
      payerAdjustments: -1_234,
      insuranceBalance: 0,
      patientBalance: 0,
    });
  });

  it('every kind may be posted to some account', () => {
    for (const kind of ENTRY_KINDS) expect(ACCOUNTS.some((a) => effectOf(kind, a))).toBe(true);
  });
});

describe('entry checks', () => {
  const ok: NewLedgerEntry = {
    practiceId: 1,
    patientId: 2,
    encounterId: 4,
    serviceLineId: 3,
    account: 'insurance',
    kind: 'insurance_payment',
    amountCents: 1_000,
    effectiveDate: '2026-11-20',
    sourceType: 'remittance',
    sourceId: '7',
  };

  it('refuses fractions of a cent, a kind on the wrong account, a payment without a line, a PLB on a patient', () => {
    expect(entryErrors([ok])).toEqual([]);
    const errors = entryErrors([
      { ...ok, amountCents: 10.5 },
      { ...ok, kind: 'patient_payment' },
      { ...ok, serviceLineId: null, encounterId: null },
      { ...ok, kind: 'payer_adjustment', account: 'payer' },
      { ...ok, effectiveDate: '11/20/2026' },
    ]);
    expect(errors.map((e) => e.pointer)).toEqual([
      '/0/amountCents',
      '/1/kind',
      '/2/serviceLineId',
      '/3/payerId',
      '/3/serviceLineId',
      '/4/effectiveDate',
    ]);
  });

  it("lets a patient's unapplied payment (a credit) and its refund stand without a line", () => {
    const credit = {
      ...ok,
      account: 'patient' as const,
      kind: 'patient_payment' as const,
      serviceLineId: null,
      encounterId: null,
    };
    expect(entryErrors([credit, { ...credit, kind: 'refund' }])).toEqual([]);
  });

  it('names the visit with the service line, and only with it (the database keys them together)', () => {
    const credit = { ...ok, account: 'patient' as const, kind: 'patient_payment' as const };
    const errors = entryErrors([
      { ...ok, encounterId: null },
      { ...credit, serviceLineId: null },
      { ...credit, serviceLineId: null, encounterId: null },
    ]);
    expect(errors.map((e) => e.pointer)).toEqual(['/0/encounterId', '/1/encounterId']);
  });

  it('a reversal undoes exactly its entry', () => {
    const original = { ...ok, id: 9 };
    expect(reversalError({ ...ok, amountCents: -1_000, reversesEntryId: 9 }, original)).toBeUndefined();
    expect(reversalError({ ...ok, amountCents: -900, reversesEntryId: 9 }, original)).toMatch(/-1000 cents/);
    expect(reversalError({ ...ok, amountCents: -1_000, kind: 'contractual_adjustment' }, original)).toMatch(
      /same kind/,
    );
    expect(reversalError({ ...ok, amountCents: -1_000, serviceLineId: 4 }, original)).toMatch(
      /same service line/,
    );
    expect(reversalError({ ...ok, amountCents: -1_000, practiceId: 2 }, original)).toMatch(/does not exist/);
    expect(reversalError({ ...ok, amountCents: -1_000 }, undefined)).toMatch(/does not exist/);
  });
});
