// What other domains use of patients, without reaching into their tables.
export { patientsByIds, type PatientRow } from './lookup.ts';
export { patientIdsNamedByPayer } from './find.ts';
export { coveragesInEffect, nextCoverage, type CoverageRow } from './coverages.ts';
