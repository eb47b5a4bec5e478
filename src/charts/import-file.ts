import type { AuditActor } from '../audit/index.ts';
import type { Executor } from '../db/connection.ts';
import { readFhirChart, type FhirRead } from './fhir/read.ts';
import { receiveHl7, splitHl7Messages } from './hl7/index.ts';
import { importChartContent, type ChartImportResult } from './import.ts';
import { chartProblem, type ChartProblem } from './problems.ts';
import type { Problem } from '../shared/problem.ts';

export interface ChartFileOutcome {
  fileName: string;
  format: 'fhir' | 'hl7v2' | 'unknown';
  /** True when every message in the file was imported (or had been before). */
  imported: boolean;
  /** One per FHIR file; one per HL7 message in the file. */
  results: ChartImportResult[];
  problems: Problem[];
}

const hasErrors = (problems: readonly Problem[]) =>
  problems.some((p) => p.severity === 'error' || p.severity === 'fatal');

/** Reads FHIR JSON and imports it whole, or reports why nothing was written. */
export async function importFhir(
  db: Executor,
  practiceId: number,
  input: string | unknown,
  actor: AuditActor,
  options: { sourceName?: string; fhirVersion?: string; today?: string } = {},
): Promise<{ read: FhirRead; result?: ChartImportResult; problems: ChartProblem[] }> {
  const read = await readFhirChart(input, options);
  if (hasErrors(read.problems)) return { read, problems: read.problems };
  const result = await importChartContent(db, practiceId, read.content, actor, options);
  return { read, result, problems: [...read.problems, ...result.problems] };
}

/** A chart file as an EHR exports it: FHIR JSON or HL7 v2 messages, told apart by their content. */
export async function importChartFile(
  db: Executor,
  practiceId: number,
  fileName: string,
  text: string,
  actor: AuditActor,
  options: { today?: string; now?: Date } = {},
): Promise<ChartFileOutcome> {
  // trimStart drops a BOM and the MLLP start block (0x0B) of a message saved from the wire.
  const body = text.trimStart();
  if (body.startsWith('{')) {
    const { result, problems } = await importFhir(db, practiceId, body, actor, {
      ...options,
      sourceName: fileName,
    });
    return {
      fileName,
      format: 'fhir',
      imported: Boolean(result?.imported),
      results: result ? [result] : [],
      problems: problems.map((p) => ({ ...p, file: fileName })),
    };
  }
  if (body.startsWith('MSH')) {
    const outcome: ChartFileOutcome = {
      fileName,
      format: 'hl7v2',
      imported: true,
      results: [],
      problems: [],
    };
    for (const message of splitHl7Messages(body)) {
      const receipt = await receiveHl7(db, practiceId, message, actor, {
        now: options.now ?? new Date(),
        today: options.today ?? new Date().toISOString().slice(0, 10),
      });
      if (receipt.result) outcome.results.push(receipt.result);
      if (receipt.ackCode !== 'AA') outcome.imported = false;
      outcome.problems.push(...receipt.problems.map((p) => ({ ...p, file: fileName })));
    }
    return outcome;
  }
  return {
    fileName,
    format: 'unknown',
    imported: false,
    results: [],
    problems: [
      {
        ...chartProblem('CHART_UNREADABLE', 'neither FHIR JSON (starts with {) nor HL7 v2 (starts with MSH)'),
        file: fileName,
      },
    ],
  };
}
