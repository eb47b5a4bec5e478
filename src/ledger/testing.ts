// Random ledger histories for the property tests (pure and database): charges, payments,
// adjustments, transfers to the patient, patient payments, write-offs, refunds and reversals, with
// a model that keeps each line's two balances by hand, step by step, to compare with the sums.
import fc from 'fast-check';
import type { NewLedgerEntry } from './entries.ts';
import type { Account, EntryKind } from './kinds.ts';

type Op =
  | { op: 'charge'; line: number; amount: number; selfPay: boolean }
  | { op: 'post'; line: number; amount: number; step: Step }
  | { op: 'reverse'; pick: number };

type Step =
  | 'insurance_payment'
  | 'contractual_adjustment'
  | 'other_adjustment'
  | 'insurance_write_off'
  | 'patient_responsibility'
  | 'patient_payment'
  | 'patient_write_off'
  | 'refund';

const STEPS: Record<Step, { kind: EntryKind; account: Account; ins: number; pat: number }> = {
  insurance_payment: { kind: 'insurance_payment', account: 'insurance', ins: -1, pat: 0 },
  contractual_adjustment: { kind: 'contractual_adjustment', account: 'insurance', ins: -1, pat: 0 },
  other_adjustment: { kind: 'other_adjustment', account: 'insurance', ins: -1, pat: 0 },
  insurance_write_off: { kind: 'write_off', account: 'insurance', ins: -1, pat: 0 },
  patient_responsibility: { kind: 'patient_responsibility', account: 'patient', ins: -1, pat: 1 },
  patient_payment: { kind: 'patient_payment', account: 'patient', ins: 0, pat: -1 },
  patient_write_off: { kind: 'write_off', account: 'patient', ins: 0, pat: -1 },
  refund: { kind: 'refund', account: 'patient', ins: 0, pat: 1 },
};

export const LINES = 4;

const cents = fc.integer({ min: -50_000, max: 500_000 });

export const ledgerHistory = fc.array(
  fc.oneof(
    fc.record({
      op: fc.constant('charge' as const),
      line: fc.nat(LINES - 1),
      amount: fc.integer({ min: 0, max: 500_000 }),
      selfPay: fc.boolean(),
    }),
    fc.record({
      op: fc.constant('post' as const),
      line: fc.nat(LINES - 1),
      amount: cents,
      step: fc.constantFrom(...(Object.keys(STEPS) as Step[])),
    }),
    fc.record({ op: fc.constant('reverse' as const), pick: fc.nat() }),
  ),
  { maxLength: 60 },
);

/** An entry of a history, its reversal pointing at the index of the entry it reverses. */
export type HistoryEntry = Omit<NewLedgerEntry, 'practiceId' | 'patientId' | 'serviceLineId'> & {
  line: number;
  reversesIndex?: number;
};

export interface LineModel {
  charge: number;
  /** Kept by hand: what insurance still has open, what the patient owes now. */
  insuranceOpen: number;
  patientOwes: number;
}

/** The entries a history posts, and what each line's balances must be afterwards. */
export function playHistory(ops: readonly Op[]): { entries: HistoryEntry[]; model: LineModel[] } {
  const model: LineModel[] = Array.from({ length: LINES }, () => ({
    charge: 0,
    insuranceOpen: 0,
    patientOwes: 0,
  }));
  const charged = new Set<number>();
  const entries: HistoryEntry[] = [];
  const effects: { ins: number; pat: number }[] = [];
  const reversed = new Set<number>();
  const apply = (line: number, ins: number, pat: number) => {
    model[line]!.insuranceOpen += ins;
    model[line]!.patientOwes += pat;
  };
  const base = { effectiveDate: '2026-11-20', sourceType: 'user' as const, sourceId: 'property test' };
  for (const o of ops) {
    if (o.op === 'charge') {
      // one charge per line: the ledger's index refuses a second
      if (charged.has(o.line)) continue;
      charged.add(o.line);
      const account = o.selfPay ? 'patient' : 'insurance';
      entries.push({ ...base, line: o.line, kind: 'charge', account, amountCents: o.amount });
      const e = o.selfPay ? { ins: 0, pat: o.amount } : { ins: o.amount, pat: 0 };
      effects.push(e);
      model[o.line]!.charge += o.amount;
      apply(o.line, e.ins, e.pat);
    } else if (o.op === 'post') {
      const s = STEPS[o.step];
      entries.push({ ...base, line: o.line, kind: s.kind, account: s.account, amountCents: o.amount });
      const e = { ins: s.ins * o.amount, pat: s.pat * o.amount };
      effects.push(e);
      apply(o.line, e.ins, e.pat);
    } else {
      // a reversal of an entry not reversed yet and not itself a reversal
      const candidates = entries.flatMap((e, i) =>
        e.reversesIndex === undefined && !reversed.has(i) ? [i] : [],
      );
      if (candidates.length === 0) continue;
      const i = candidates[o.pick % candidates.length]!;
      reversed.add(i);
      const original = entries[i]!;
      entries.push({ ...original, amountCents: -original.amountCents, reversesIndex: i });
      const e = { ins: -effects[i]!.ins, pat: -effects[i]!.pat };
      effects.push(e);
      if (original.kind === 'charge') model[original.line]!.charge -= original.amountCents;
      apply(original.line, e.ins, e.pat);
    }
  }
  return { entries, model };
}
