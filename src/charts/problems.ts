// The chart-import problem codes (issue 16). Same shape as every domain's problem: a stable code,
// a severity, where (the FHIR resource and path, or the HL7 segment and field) and why. Each code
// is documented in docs/charts.md (problems.test.ts keeps the two in step). An import with any
// error writes nothing.
import type { Problem } from '../shared/problem.ts';
import type { SourcePlace } from './content.ts';

export const CHART_PROBLEMS = {
  CHART_UNREADABLE: 'The file is neither FHIR JSON nor an HL7 v2 message, or is cut short.',
  CHART_FHIR_VERSION:
    'The content is FHIR STU3 or R5 (or names another version); cleanclaim reads FHIR R4 (4.0.x) only.',
  CHART_FHIR_INVALID:
    'A FHIR resource does not conform to its R4 definition (a field of the wrong type, a missing required field).',
  CHART_FHIR_UNSUPPORTED: 'A FHIR resource type the chart import does not read; it is skipped.',
  CHART_MISSING_FIELD: 'A field the chart needs is missing (an MRN, a name, a date of birth, a visit date).',
  CHART_DANGLING_REFERENCE:
    'A reference points to nothing: no resource in the message and no record on file has that id.',
  CHART_UNKNOWN_PAYER: "A coverage's payer matches none of the practice's payers by payer id or name.",
  CHART_UNKNOWN_PROVIDER: "An encounter's rendering practitioner has no NPI in the message or on file.",
  CHART_DUPLICATE: 'The same content was imported before; nothing changed.',
  CHART_NOTE_EMPTY: 'A note has no text, and no text could be extracted from its PDF.',
  CHART_PDF_UNREADABLE: 'The attachment is not a readable PDF.',
} as const;

export type ChartProblemCode = keyof typeof CHART_PROBLEMS;

export type ChartProblem = Problem<ChartProblemCode>;

/** A problem at a place in the source, in the shared problem shape. */
export function chartProblem(
  code: ChartProblemCode,
  message: string,
  where: SourcePlace = {},
  severity: ChartProblem['severity'] = 'error',
): ChartProblem {
  const problem: ChartProblem = { code, severity, message };
  if (where.resource !== undefined) problem.resource = where.resource;
  if (where.field !== undefined) problem.field = where.field;
  if (where.line !== undefined) problem.line = where.line;
  return problem;
}
