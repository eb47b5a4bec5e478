// What other domains use of charts: the one merge every chart import writes through, and an
// encounter's notes and EHR codes for the coding screen.
export type * from './content.ts';
export {
  chartContentHash,
  importChartContent,
  CHART_KINDS,
  type ChartImportResult,
  type ChartKind,
  type KindCounts,
} from './import.ts';
export {
  addNote,
  chartCodes,
  chartDocumentAttachment,
  listChartDocuments,
  type ChartCodeView,
  type ChartDocumentView,
  type NewNote,
} from './documents.ts';
export { CHART_PROBLEMS, chartProblem, type ChartProblem, type ChartProblemCode } from './problems.ts';
