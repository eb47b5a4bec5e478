// What other domains use of patients, without reaching into their tables.
export { patientsByIds, type PatientRow } from './lookup.ts';
