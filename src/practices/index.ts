// What other domains use of practices, without reaching into their tables.
export {
  allPracticeIds,
  countPractices,
  feeEntriesFor,
  feeScheduleOf,
  practiceById,
  type PracticeRow,
} from './lookup.ts';
