// What other domains use of payers, without reaching into their tables.
export { payerNames } from './lookup.ts';
