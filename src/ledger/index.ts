// What other domains use of the ledger: post entries in their transaction, charge the lines a
// claim bills, and read balances. Entries are never changed: a correction is a new entry.
export {
  ACCOUNTS,
  ENTRY_KINDS,
  KIND_EFFECTS,
  SOURCE_TYPES,
  balancesOf,
  type Account,
  type Balances,
  type EntryKind,
  type GroupCode,
  type SourceType,
} from './kinds.ts';
export { entryErrors, type NewLedgerEntry } from './entries.ts';
export {
  chargedServiceLineIds,
  ensureCharges,
  entriesOfPatient,
  entriesOfSource,
  entriesOfSources,
  postEntries,
  postEntryGroups,
  type ChargeTarget,
  type LedgerActor,
  type LedgerEntryRow,
} from './store.ts';
export { claimBalances, lineBalances, patientBalance, payerBalance, type LineBalances } from './balances.ts';
export {
  applyPatientCredit,
  owedLines,
  postPatientPayment,
  refundPatientCredit,
  reversePatientPayment,
  writeOffPatientBalance,
  type PatientPaymentInput,
} from './payment-store.ts';
export { patientLedger } from './patient-ledger.ts';
export { PAYMENT_METHODS, allocatePayment, type PaymentMethod } from './payments.ts';
export { registerLedgerRoutes } from './routes.ts';
export { billedPatients, linePayments } from './queue-reads.ts';
export { arAging, arSummary, type ArSummary } from './ar/report.ts';
export { AR_BUCKETS, type Aging, type AgingRow } from './ar/aging.ts';
export { daysInAr } from './ar/measures.ts';
export { collectionsBetween } from './collections.ts';
