// What other domains use of denials: posting an 835 opens one per denied service line.
export { openDenials, listDenials, type NewDenial, type DenialRow } from './store.ts';
