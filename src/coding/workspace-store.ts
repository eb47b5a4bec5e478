import { recordAudit, type AuditActor } from '../audit/index.ts';
import { chartCodes, listChartDocuments } from '../charts/index.ts';
import type { Executor } from '../db/connection.ts';
import { changeEncounter, loadEncounter } from '../encounters/index.ts';
import { patientById } from '../patients/index.ts';
import { checkCodedVisit, type Finding, type NcciTables, type ScrubContext } from '../scrubber/index.ts';
import { conflict, invalid, notFound } from '../shared/problem.ts';
import { codeChanges, type CodedLine } from './code-changes.ts';
import { procedureFindings, scrubStay, stayChanges, stayErrors, type StayCoding } from './inpatient.ts';
import {
  chartForUpdate,
  moveChart,
  recordCodingEvent,
  requireOwnChart,
  type CodingChartRow,
} from './queue-store.ts';

/** The code sets and NCCI tables in force: what the live checks read. */
export interface CodingLookups {
  codes?: ScrubContext['codes'];
  ncci?: NcciTables;
}

export interface CodesInput {
  /** ICD-10-CM, principal (first-listed) first. */
  diagnoses: string[];
  /** Left out: the visit's lines stay as they are (a facility's revenue-code lines come from its charges). */
  serviceLines?: CodedLine[];
  /** An inpatient chart's stay: dates and ICD-10-PCS procedures. */
  inpatient?: StayCoding;
}

async function visitOf(db: Executor, chart: CodingChartRow) {
  const visit = await loadEncounter(db, chart.encounterId, [chart.practiceId]);
  if (!visit) throw notFound('encounter');
  const patient = await patientById(db, visit.patientId);
  return { visit, patient };
}

/**
 * The coding screen's content: the chart, the visit's codes, the notes and the codes the EHR sent.
 * Opening one's own chart is an event (time in chart starts there).
 */
export async function openChart(db: Executor, id: number, scope: number[], actor: AuditActor) {
  const chart = await chartForUpdate(db, id, scope);
  const { visit, patient } = await visitOf(db, chart);
  if (chart.state === 'in-progress' && chart.coderId === actor.userId)
    await recordCodingEvent(db, chart, actor, 'open');
  await recordAudit(db, actor, {
    practiceId: chart.practiceId,
    action: 'read',
    entity: 'coding_chart',
    entityId: chart.id,
  });
  return {
    chart,
    patient: patient
      ? {
          id: patient.id,
          name: `${patient.lastName}, ${patient.firstName}`,
          sex: patient.sex,
          dateOfBirth: patient.dateOfBirth,
          accountNumber: patient.accountNumber,
        }
      : undefined,
    encounter: {
      id: visit.id,
      serviceDateFrom: visit.serviceDateFrom,
      serviceDateTo: visit.serviceDateTo,
      placeOfService: visit.placeOfService,
      status: visit.status,
      diagnoses: visit.diagnoses,
      // The UB-04 part a coder works on an inpatient chart (the rest is billing's).
      stay: visit.institutional
        ? {
            billType: visit.institutional.billType,
            admissionDate: visit.institutional.admissionDate ?? null,
            procedures: visit.institutional.procedures ?? [],
            presentOnAdmission: visit.institutional.presentOnAdmission ?? [],
          }
        : null,
      serviceLines: visit.serviceLines.map((l) => ({
        revenueCode: l.revenueCode,
        procedureCode: l.procedureCode,
        modifiers: l.modifiers,
        units: l.units,
        diagnosisPointers: l.diagnosisPointers,
        chargeCents: l.chargeCents,
      })),
    },
    documents: await listChartDocuments(db, chart.practiceId, chart.encounterId),
    ehrCodes: await chartCodes(db, chart.practiceId, chart.encounterId),
  };
}

/** A coded line as the encounter and the checks take it (modifiers always a list). */
const codedLine = (l: CodedLine) => ({
  procedureCode: l.procedureCode,
  modifiers: l.modifiers ?? [],
  units: l.units,
  diagnosisPointers: l.diagnosisPointers,
});

type Visit = Awaited<ReturnType<typeof visitOf>>['visit'];

/** ICD-10-PCS procedures are coded on inpatient charts, whose stay they belong to. */
function requireStay(chart: CodingChartRow, codes: CodesInput): void {
  if (!codes.inpatient) return;
  if (chart.chartType !== 'inpatient')
    throw conflict(
      `ICD-10-PCS procedures and stay dates are coded on inpatient charts, not ${chart.chartType}`,
    );
  const errors = stayErrors(codes.inpatient);
  if (errors.length) throw invalid(errors);
}

/** The visit as it would be with the coder's codes: its dates, UB-04 data and lines. */
function codedVisit(visit: Visit, codes: CodesInput) {
  const stay = codes.inpatient ? stayChanges(visit.institutional, codes.inpatient) : undefined;
  const from = stay?.serviceDateFrom ?? visit.serviceDateFrom;
  const to = stay?.serviceDateTo ?? visit.serviceDateTo;
  const institutional = stay?.institutional ?? visit.institutional ?? undefined;
  const lines = codes.serviceLines
    ? codes.serviceLines.map((l) => ({ ...codedLine(l), serviceDate: from }))
    : visit.serviceLines.map((l) => ({
        ...codedLine(l),
        serviceDate: l.serviceDate,
        ...(l.revenueCode ? { revenueCode: l.revenueCode } : {}),
      }));
  return { stay, from, to, institutional, lines };
}

/** The live checks on the codes as the coder has them now (nothing is saved). */
export async function checkChartCodes(
  db: Executor,
  id: number,
  scope: number[],
  codes: CodesInput,
  lookups: CodingLookups,
  today: string,
): Promise<Finding[]> {
  const chart = await chartForUpdate(db, id, scope);
  requireStay(chart, codes);
  const { visit, patient } = await visitOf(db, chart);
  const coded = codedVisit(visit, codes);
  const findings = checkCodedVisit(
    {
      diagnoses: codes.diagnoses,
      lines: coded.lines,
      patient: { sex: patient?.sex, dateOfBirth: patient?.dateOfBirth },
      placeOfService: visit.placeOfService,
      ...(coded.institutional ? { institutional: scrubStay(coded.institutional, coded.from, coded.to) } : {}),
    },
    // A professional visit is checked with the practitioner NCCI tables; a facility stay as its UB-04.
    { today, codes: lookups.codes, ncci: lookups.ncci?.practitioner },
  );
  return procedureFindings(findings, coded.institutional?.procedures?.length ?? 0, Boolean(lookups.codes));
}

/**
 * Saves the coder's codes onto the encounter (its diagnoses and service lines), with an event for
 * each code added or removed. A line keeps the charge it had for the same procedure; a new one is
 * priced from the fee schedule.
 */
export async function saveChartCodes(
  db: Executor,
  id: number,
  scope: number[],
  codes: CodesInput,
  actor: AuditActor,
) {
  const chart = await chartForUpdate(db, id, scope);
  requireOwnChart(chart, actor);
  requireStay(chart, codes);
  const { visit } = await visitOf(db, chart);
  const charges = new Map(visit.serviceLines.map((l) => [l.procedureCode, l.chargeCents]));
  const { stay } = codedVisit(visit, codes);
  await changeEncounter(
    db,
    chart.encounterId,
    [chart.practiceId],
    {
      diagnoses: codes.diagnoses,
      ...(codes.serviceLines
        ? {
            serviceLines: codes.serviceLines.map((l) => ({
              ...codedLine(l),
              ...(charges.has(l.procedureCode) ? { chargeCents: charges.get(l.procedureCode) } : {}),
            })),
          }
        : {}),
      ...stay,
    },
    actor,
  );
  const before = { ...visit, procedures: visit.institutional?.procedures ?? [] };
  const after = {
    diagnoses: codes.diagnoses,
    serviceLines: codes.serviceLines ?? visit.serviceLines,
    procedures: stay?.institutional.procedures ?? before.procedures,
  };
  for (const change of codeChanges(before, after))
    await recordCodingEvent(db, chart, actor, change.kind, {
      code: change.code,
      detail: { system: change.system },
    });
  return chart;
}

/** A suggestion accepted or rejected: recorded (it becomes a code only through the coder's save). */
export async function decideSuggestion(
  db: Executor,
  id: number,
  scope: number[],
  decision: { accepted: boolean; system: string; code: string; confidence?: number },
  actor: AuditActor,
) {
  const chart = await chartForUpdate(db, id, scope);
  requireOwnChart(chart, actor);
  await recordCodingEvent(db, chart, actor, decision.accepted ? 'suggestion-accept' : 'suggestion-reject', {
    code: decision.code,
    detail: { system: decision.system, confidence: decision.confidence },
  });
}

/**
 * Sends the chart to billing: the encounter is coded and ready for a claim. Refused while the
 * visit lacks a diagnosis or a service line, or the live checks find an error.
 */
export async function sendChart(
  db: Executor,
  id: number,
  scope: number[],
  actor: AuditActor,
  lookups: CodingLookups,
  today: string,
) {
  const chart = await chartForUpdate(db, id, scope);
  requireOwnChart(chart, actor);
  const { visit } = await visitOf(db, chart);
  if (visit.diagnoses.length === 0 || visit.serviceLines.length === 0)
    throw conflict('a chart goes to billing with at least one diagnosis and one service line');
  // The codes as saved: the visit's own lines, dates and UB-04 data.
  const errors = (
    await checkChartCodes(db, id, scope, { diagnoses: visit.diagnoses }, lookups, today)
  ).filter((f) => f.severity === 'error');
  if (errors.length)
    throw conflict(
      'the codes have errors to fix before billing',
      errors.map((f) => ({ pointer: f.field, detail: f.message })),
    );
  await changeEncounter(db, chart.encounterId, [chart.practiceId], { status: 'ready' }, actor);
  return moveChart(db, chart, { state: 'done', doneAt: new Date(), holdReason: null }, actor, 'send');
}
