// What POST /api/fhir answers, in FHIR's own terms: a transaction-response Bundle when the
// transaction was applied (or had been before), else an OperationOutcome naming each problem with
// its FHIRPath. The HTTP status for each outcome is decided here alone.
import type { ChartImportResult } from '../import.ts';
import type { ChartProblem } from '../problems.ts';
import type { FhirEntry } from './read.ts';

const ISSUE_CODE: Record<string, string> = {
  CHART_UNREADABLE: 'structure',
  CHART_FHIR_VERSION: 'not-supported',
  CHART_FHIR_INVALID: 'invalid',
  CHART_FHIR_UNSUPPORTED: 'not-supported',
  CHART_MISSING_FIELD: 'required',
  CHART_DANGLING_REFERENCE: 'not-found',
  CHART_UNKNOWN_PAYER: 'not-found',
  CHART_UNKNOWN_PROVIDER: 'required',
  CHART_DUPLICATE: 'duplicate',
};

export function operationOutcome(problems: readonly ChartProblem[]) {
  return {
    resourceType: 'OperationOutcome',
    issue: problems.map((p) => ({
      severity: p.severity === 'fatal' ? 'fatal' : p.severity === 'info' ? 'information' : p.severity,
      code: ISSUE_CODE[p.code] ?? 'processing',
      details: { coding: [{ system: 'https://cleanclaim.example/problems', code: p.code }], text: p.message },
      ...(p.resource || p.field ? { expression: [[p.resource, p.field].filter(Boolean).join(' ')] } : {}),
    })),
  };
}

/** 400 for what cannot be read as R4 (unreadable, another version), 422 for content that breaks the rules. */
export function failureStatus(problems: readonly ChartProblem[]): number {
  const errors = problems.filter((p) => p.severity === 'error' || p.severity === 'fatal');
  return errors.some((p) => p.code === 'CHART_UNREADABLE' || p.code === 'CHART_FHIR_VERSION') ? 400 : 422;
}

export function transactionResponse(entries: readonly FhirEntry[], result: ChartImportResult) {
  return {
    resourceType: 'Bundle',
    type: 'transaction-response',
    entry: entries.map((e) => ({
      ...(e.fullUrl ? { fullUrl: e.fullUrl } : {}),
      response: {
        // The merge applied the whole transaction; a resource already on file answers 200.
        status: result.duplicate || result.created === 0 ? '200 OK' : '201 Created',
        ...(e.id ? { location: `${e.resourceType}/${e.id}` } : {}),
      },
    })),
  };
}
