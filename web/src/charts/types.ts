// What the chart routes answer (src/charts/routes.ts).
export interface ChartProblemView {
  code: string;
  severity: string;
  message: string;
  resource?: string;
  field?: string;
  element?: string;
}

export interface ChartImportResultView {
  imported: boolean;
  duplicate: boolean;
  created: number;
  updated: number;
  unchanged: number;
}

export interface ChartFileOutcome {
  fileName: string;
  format: 'fhir' | 'hl7v2' | 'unknown';
  imported: boolean;
  results: ChartImportResultView[];
  problems: ChartProblemView[];
}

export interface ChartDocumentView {
  id: number;
  kind: string;
  title: string;
  text: string;
  hasAttachment: boolean;
  sourceFormat: string;
  authoredAt: string | null;
}

export interface ChartCodeView {
  system: string;
  code: string;
  display: string | null;
  kind: string;
}

export const NOTE_KINDS = [
  'progress-note',
  'operative-report',
  'procedure-note',
  'consult-note',
  'discharge-summary',
  'lab-result',
  'other',
];
