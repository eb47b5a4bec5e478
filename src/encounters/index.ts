// What other domains use of encounters: one encounter with its service lines, in the caller's scope.
export { loadEncounter, loadEncounters } from './store.ts';
export { serviceLinesByIds, serviceLinesOfPatient, type ServiceLineOfVisit } from './lines.ts';
export { encounterIdsOf, encountersOn, visitDates } from './lookup.ts';
export { addEncounters, addServiceLines } from './add.ts';
export {
  encounterOfPractice,
  encountersByExternalIds,
  updateEncounter,
  type EncounterRow,
} from './external.ts';
export { changeEncounter, type EncounterChanges } from './update.ts';
