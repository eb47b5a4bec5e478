/**
 * Public API of the NCCI data for the claim scrubber: streaming importers for the CMS PTP and MUE
 * files, pure lookup tables, and the PTP and MUE checks over a claim's service lines. Only the
 * importers and loaders touch files; everything else is pure. Layouts: README.md.
 */
export { NCCI_PROBLEMS, NCCI_RULES } from './problems.ts';
export type {
  NcciFinding,
  NcciProblem,
  NcciProblemCode,
  NcciRuleId,
  NcciWhere,
  Severity,
} from './problems.ts';
export type { ClaimType, ServiceLine } from './serviceLine.ts';

// importers (async iterables of { rows, problems } batches; a path or Readable, plain or gzip)
export { importPtpEdits, parsePtpRow, PTP_FIELDS } from './ptpFile.ts';
export type { ModifierIndicator, PtpEdit } from './ptpFile.ts';
export { importMues, parseMueRow, parseAdjudicationIndicator, MUE_FIELDS } from './mueFile.ts';
export type { MueAdjudicationIndicator, MueRecord, MueSetting, MueImportOptions } from './mueFile.ts';
export type { ImportBatch, ImportOptions } from './read/tabFile.ts';
export type { Source } from './read/lines.ts';

// lookup tables (pure)
export { buildPtpTable, ptpEdit, ptpTableBuilder, ptpTableBytes } from './ptpTable.ts';
export type { PtpSetting, PtpTable, PtpTableBuilder } from './ptpTable.ts';
export { addMueQuarter, buildMueTable, emptyMueTable, mueFor } from './mueTable.ts';
export type { MueEdit, MueQuarter, MueTable } from './mueTable.ts';
export { loadMueQuarter, loadPtpTable } from './load.ts';
export type { Loaded } from './load.ts';

// checks (pure)
export { checkPtp } from './checkPtp.ts';
export { checkMue } from './checkMue.ts';
export {
  ANATOMIC_MODIFIERS,
  DISTINCT_SERVICE_MODIFIERS,
  GLOBAL_SURGERY_MODIFIERS,
  OTHER_PTP_MODIFIERS,
  bypassModifier,
} from './modifiers.ts';
