// What other domains use of coding: chart imports put encounters on the coding queue; CDI
// queries hold and release a chart.
export {
  enqueueChart,
  holdChartForQuery,
  releaseChartFromQuery,
  recordCodingEvent,
  recordCodedChart,
  type ChartState,
  type CodingChartRow,
  type CodingEventKind,
} from './queue-store.ts';
// The workforce domain (issue 17) reads coders' productivity and audit scores.
export { productivityFor, type ProductivityWithNames } from './productivity-store.ts';
export { auditScoresFor, type AuditScores } from './audits-store.ts';
export type { ProductivityRow } from './productivity.ts';
export type { ScoreSummary } from './audits-score.ts';
// The coding CLI (cleanclaim coding queue|queries|audits) reads and answers what the pages do.
export { listQueue, type QueueFilters } from './queue-list.ts';
export { answerQuery, listQueries, queryById, sendQuery, type CodingQueryRow } from './queries-store.ts';
export { auditById, createAudit, listAudits, submitRecode } from './audits-store.ts';
export { ACCURACY_BAR, summarizeScores, type ChartScore, type CodedChart } from './audits-score.ts';
