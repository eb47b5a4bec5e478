// What other domains use of coding: chart imports put encounters on the coding queue; CDI
// queries hold and release a chart.
export {
  enqueueChart,
  holdChartForQuery,
  releaseChartFromQuery,
  recordCodingEvent,
  type ChartState,
  type CodingChartRow,
  type CodingEventKind,
} from './queue-store.ts';
