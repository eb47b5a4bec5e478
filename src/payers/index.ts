// What other domains use of payers, without reaching into their tables.
export { payerById, payerNames, payersByIds, payersOfPractice, type PayerRow } from './lookup.ts';
export { addPayers } from './add.ts';
