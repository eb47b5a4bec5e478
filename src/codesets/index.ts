/**
 * Public API of the code-set domain (issue 4): streaming importers for the official files,
 * release detection and selection, in-memory tables, validateCode, claim diagnosis edits and
 * search, index look-up and CPT data files. Everything except the importers, detectReleases,
 * loadCodeTables and loadIndexBooks is pure.
 */
export { CODESET_PROBLEMS, CodesetFileError } from './problems.ts';
export type { CodesetProblem, CodesetProblemCode, CodesetWhere, Severity } from './problems.ts';

// releases
export {
  cptYear,
  fiscalYearOf,
  hcpcsQuarter,
  icd10FiscalYear,
  isIsoDate,
  selectRelease,
  HCPCS_QUARTERS,
} from './release/release.ts';
export type { CodeSystem, HcpcsQuarter, Release } from './release/release.ts';
export { classifyFile } from './release/classify.ts';
export type { FileClass, FileRole } from './release/classify.ts';
export { defaultCodesetDir, detectReleases, fileOf } from './release/detect.ts';
export type { DetectedFile, DetectedRelease } from './release/detect.ts';

// importers (async iterables; reject bad files with CodesetFileError)
export { importOrderFile, parseOrderLine } from './icd10cm/orderFile.ts';
export type { OrderFileRecord } from './icd10cm/orderFile.ts';
export { importCodesAddenda, importOrderAddenda, parseAddendaLine } from './icd10cm/orderAddenda.ts';
export { importCmCodesFile } from './icd10cm/codesFile.ts';
export type { CodesFileRecord } from './icd10cm/codesFile.ts';
export type { AddendaAction, OrderAddendaRecord } from './icd10cm/orderAddenda.ts';
export { importTabular } from './icd10cm/tabular.ts';
export type { TabularChapter, TabularDiag, TabularRecord, TabularSection } from './icd10cm/tabular.ts';
export {
  buildTabularNotes,
  codeRefs,
  notesFor,
  refMatches,
  seventhCharactersFor,
} from './icd10cm/tabularNotes.ts';
export type { CodeRef, NoteKind, Notes, SeventhCharacter, TabularNotes } from './icd10cm/tabularNotes.ts';
export { importAlphabeticIndex, parseIndexCode } from './icd10cm/alphabeticIndex.ts';
export type { IndexCell, IndexCode, IndexKind, IndexTerm } from './icd10cm/alphabeticIndex.ts';
export { importPoaExempt } from './icd10cm/poaExempt.ts';
export type { PoaExemptRecord } from './icd10cm/poaExempt.ts';
export { CM_FORMAT, PCS_FORMAT, dottedCm, normalizeCode } from './icd10cm/code.ts';
export { expandPcsTable, importPcsTables } from './icd10pcs/tables.ts';
export type { PcsAxis, PcsAxisValue, PcsRow, PcsTable } from './icd10pcs/tables.ts';
export { importPcsDefinitions } from './icd10pcs/definitions.ts';
export type { PcsDefinition } from './icd10pcs/definitions.ts';
export { importPcsIndex } from './icd10pcs/pcsIndex.ts';
export type { PcsIndexTerm } from './icd10pcs/pcsIndex.ts';
export { importHcpcsFile, parseHcpcsFirstLine } from './hcpcs/annualFile.ts';
export type { HcpcsRecord } from './hcpcs/annualFile.ts';
export { importFshCodeSystem } from './fhir/codeSystem.ts';
export type { CodeSystemConcept } from './fhir/codeSystem.ts';
export { importNuccTaxonomy } from './nucc/taxonomy.ts';
export type { TaxonomyRecord } from './nucc/taxonomy.ts';

// in-memory tables
export { buildCmTable, codesUnder, parentOf } from './tables/cmTable.ts';
export type { CmTable, CodeEntry } from './tables/cmTable.ts';
export { buildPcsTable, pcsRowCheck } from './tables/pcsTable.ts';
export type { PcsCodeTable, PcsRowIndex } from './tables/pcsTable.ts';
export { buildHcpcsTable, hcpcsActiveOn } from './tables/hcpcsTable.ts';
export type { HcpcsTable } from './tables/hcpcsTable.ts';
export type { CodeTables } from './tables/codeTables.ts';
export { buildCodeListTable, newestList } from './tables/codeListTable.ts';
export type { CodeListTable } from './tables/codeListTable.ts';
export { loadCodeTables } from './load/loadTables.ts';

// validation and claim edits
export { validateCode } from './validate/validateCode.ts';
export type { CodeCheck, Completion } from './validate/codeCheck.ts';
export { editClaimDiagnoses } from './edits/claimEdits.ts';
export type { ClaimDiagnoses, Patient } from './edits/claimEdits.ts';
export { DEMOGRAPHIC_RULES, rulesFor } from './edits/demographicRules.ts';
export type { DemographicRule } from './edits/demographicRules.ts';

// search
export {
  cmDocuments,
  conceptDocuments,
  pcsIndexDocuments,
  hcpcsDocuments,
  inclusionTermDocuments,
  indexTermDocuments,
  pcsDocuments,
} from './search/documents.ts';
export type { SearchDoc, SearchVia } from './search/documents.ts';
export { buildSearchIndex } from './search/searchIndex.ts';
export type { SearchIndex } from './search/searchIndex.ts';
export { search } from './search/query.ts';
export type { SearchHit, SearchOptions } from './search/query.ts';
export { releaseSetKey, releaseSets } from './search/releaseSets.ts';
export type { ReleaseSet } from './search/releaseSets.ts';
export { deserializeSearchIndex, SEARCH_INDEX_FORMAT, serializeSearchIndex } from './search/serialize.ts';

// index look-up (the way the book is used)
export {
  buildCmIndexBook,
  buildPcsIndexBook,
  INDEX_TABLES,
  INDEX_TABLE_TITLES,
  labelOf,
} from './book/indexBook.ts';
export type { IndexBook, IndexCodeRef, IndexNode, IndexTable } from './book/indexBook.ts';
export { findTerm, resolveReference, termKey, walkPath } from './book/findTerm.ts';
export { lookUpIndex, noIndexRelease } from './book/lookUp.ts';
export type {
  CrossReference,
  IndexChild,
  IndexEntry,
  IndexLookup,
  IndexRequest,
  TermLabel,
} from './book/lookUp.ts';
export { verifyIndexCode } from './book/verifyCode.ts';
export type { VerifiedCode } from './book/verifyCode.ts';
export { indexReleaseFor, loadIndexBooks } from './book/loadBooks.ts';

// CPT data files (licensed; never shipped)
export { CPT_CODE, cptConcept, decodeCptBytes, parseCptText } from './cpt/cptFile.ts';
export type { CptLayout, CptParse, CptRecord } from './cpt/cptFile.ts';
export { importCptFile, readCptFile } from './cpt/importCptFile.ts';
