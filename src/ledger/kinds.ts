// The ledger's arithmetic as data: what each kind of entry does to the balances, on which account.
// The SQL sums (balances.ts) and the pure sums below are both made from this one table, so the
// figures a page shows and the figures a test checks cannot drift apart.

export const ENTRY_KINDS = [
  'charge',
  'insurance_payment',
  'contractual_adjustment',
  'other_adjustment',
  'patient_responsibility',
  'patient_payment',
  'write_off',
  'refund',
  'payer_adjustment',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const ACCOUNTS = ['insurance', 'patient', 'payer'] as const;
export type Account = (typeof ACCOUNTS)[number];

export const SOURCE_TYPES = ['claim', 'remittance', 'patient_payment', 'user', 'statement'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export const GROUP_CODES = ['CO', 'PR', 'OA', 'PI', 'CR'] as const;
export type GroupCode = (typeof GROUP_CODES)[number];

/** The sums every balance is made of (cents). The two balances follow from them. */
export const COMPONENTS = [
  'charge',
  'insurancePaid',
  'adjustments',
  'patientResponsibility',
  'patientPaid',
  'patientWriteOffs',
  'refunds',
  'payerAdjustments',
] as const;
export type Component = (typeof COMPONENTS)[number];

/** Each component an entry adds its amount to, times the sign. */
type Effect = Partial<Record<Component, 1 | -1>>;

/**
 * What a positive amount of each kind does on each account it may be posted to. Positive is the
 * ordinary direction (a charge, money received, an adjustment that lowers what is owed); a
 * reversal is the same kind with the opposite sign.
 */
export const KIND_EFFECTS: Record<EntryKind, Partial<Record<Account, Effect>>> = {
  // A self-pay visit (no coverage) is the patient's from the start.
  charge: { insurance: { charge: 1 }, patient: { charge: 1, patientResponsibility: 1 } },
  insurance_payment: { insurance: { insurancePaid: 1 } },
  contractual_adjustment: { insurance: { adjustments: 1 } },
  other_adjustment: { insurance: { adjustments: 1 } },
  // The payer says the patient owes it (PR): it leaves the insurance balance for the patient's.
  patient_responsibility: { patient: { patientResponsibility: 1 }, insurance: { patientResponsibility: 1 } },
  patient_payment: { patient: { patientPaid: 1 } },
  // Written off what insurance left open (timely filing, small balances) or what the patient owed.
  write_off: { insurance: { adjustments: 1 }, patient: { patientWriteOffs: 1 } },
  // Money given back: to the patient (from a credit) or to the payer (an overpayment returned).
  refund: { patient: { refunds: 1 }, insurance: { insurancePaid: -1 } },
  // PLB: interest, forward balance, recoupment, on the payer's account and no patient's.
  payer_adjustment: { payer: { payerAdjustments: 1 } },
};

export interface Balances {
  charge: number;
  insurancePaid: number;
  adjustments: number;
  patientResponsibility: number;
  /** What insurance still owes or has not yet decided: charge − paid − adjustments − patient responsibility. */
  insuranceBalance: number;
  patientPaid: number;
  patientWriteOffs: number;
  refunds: number;
  /** What the patient owes now (negative: a credit): responsibility − paid − write-offs + refunds. */
  patientBalance: number;
  payerAdjustments: number;
}

export type Sums = Record<Component, number>;

export const zeroSums = (): Sums => ({
  charge: 0,
  insurancePaid: 0,
  adjustments: 0,
  patientResponsibility: 0,
  patientPaid: 0,
  patientWriteOffs: 0,
  refunds: 0,
  payerAdjustments: 0,
});

export function balancesFromSums(s: Sums): Balances {
  return {
    charge: s.charge,
    insurancePaid: s.insurancePaid,
    adjustments: s.adjustments,
    patientResponsibility: s.patientResponsibility,
    insuranceBalance: s.charge - s.insurancePaid - s.adjustments - s.patientResponsibility,
    patientPaid: s.patientPaid,
    patientWriteOffs: s.patientWriteOffs,
    refunds: s.refunds,
    patientBalance: s.patientResponsibility - s.patientPaid - s.patientWriteOffs + s.refunds,
    payerAdjustments: s.payerAdjustments,
  };
}

export const effectOf = (kind: string, account: string): Effect | undefined =>
  KIND_EFFECTS[kind as EntryKind]?.[account as Account];

/** The balances of a set of entries, summed in memory. */
export function balancesOf(
  entries: Iterable<{ kind: string; account: string; amountCents: number }>,
): Balances {
  const sums = zeroSums();
  for (const e of entries) {
    const effect = effectOf(e.kind, e.account);
    if (!effect) throw new Error(`no ${e.kind} entry on the ${e.account} account`);
    for (const [component, sign] of Object.entries(effect) as [Component, 1 | -1][])
      sums[component] += sign * e.amountCents;
  }
  return balancesFromSums(sums);
}
