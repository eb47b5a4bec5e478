// What the wiring and other domains use of the scrubber's stored data: the NCCI edit files
// (import a directory, and the catalogue that serves the PTP/MUE tables by date of service).
export {
  NcciCatalog,
  importNcciDirectory,
  classifyNcciFile,
  type NcciFileKind,
  type NcciImportOutcome,
  type NcciTables,
} from './ncci-store.ts';
export { activePayerRules, activePayerRulesOf } from './payer-rules.ts';
export { checkCodedVisit, type CodedVisit } from './coding-checks.ts';
export type { ScrubContext } from './context.ts';
export type { Finding } from './finding.ts';
