// What other domains use of patients, without reaching into their tables.
export {
  coveragesByIds,
  coveragePrioritiesOfPatients,
  coveragesOfPatients,
  patientById,
  patientsByAccountNumbers,
  patientNamesByIds,
  patientsByIds,
  type PatientRow,
} from './lookup.ts';
export { patientIdsNamedByPayer } from './find.ts';
export { patientFieldsOf } from './columns.ts';
export {
  coveragesInEffect,
  coveragesInEffectOn,
  laterCoverages,
  nextCoverage,
  type CoverageRow,
} from './coverages.ts';
export { addCoverages, addPatients } from './add.ts';
export { updateCoverage, updatePatient } from './update.ts';
