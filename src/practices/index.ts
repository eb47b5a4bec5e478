// What other domains use of practices, without reaching into their tables.
export {
  allPracticeIds,
  countPractices,
  feeEntriesFor,
  feeScheduleOf,
  facilityById,
  practiceById,
  providerById,
  providersByIds,
  providersByNpis,
  type FacilityRow,
  type PracticeRow,
  type ProviderRow,
} from './lookup.ts';
export { addFacilities, addFeeScheduleEntries, addPractice, addProviders } from './add.ts';
export { lineChargeFor, type FeeEntry } from './fee-schedule.ts';
