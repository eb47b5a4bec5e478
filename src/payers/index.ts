// What other domains use of payers, without reaching into their tables.
export { payerById, payerNames, payersByIds, payersOfPractice, type PayerRow } from './lookup.ts';
export { addContractedRates, addPayers } from './add.ts';
export { contractedAllowed, contractedRatesOf, type ContractedRate } from './contracted-rates.ts';
