// Asking payers about coverage: a check for one visit (real-time when the practice has an http
// connection, else a one-inquiry 270 batch), a batch for a day's schedule or a CSV, and the 271
// answers matched back to their checks by the trace number the payer echoes.
import type { AuditActor } from '../audit/index.ts';
import type { Db, Executor } from '../db/connection.ts';
import { encountersOn } from '../encounters/index.ts';
import {
  coveragesByIds,
  coveragesInEffect,
  patientById,
  patientIdsNamedByPayer,
  patientsByAccountNumbers,
  patientsByIds,
  type CoverageRow,
  type PatientRow,
} from '../patients/index.ts';
import { payersByIds, type PayerRow } from '../payers/index.ts';
import { practiceById } from '../practices/index.ts';
import { conflict, invalid, notFound, ProblemError } from '../shared/problem.ts';
import { DatabaseControlNumbers } from '../x12/control-numbers.ts';
import { parse271, summarize271, validateX12, write270 } from '../x12/index.ts';
import { readScheduleCsv } from './csv.ts';
import { scheduleRequests, type EligibilityCheck } from './request.ts';
import {
  answerCheck,
  failCheck,
  insertBatch,
  insertChecks,
  toViews,
  checksByTrace,
  type CheckRow,
  type CheckView,
} from './store.ts';

/** The ISA ids and usage of the practice's files to its clearinghouse (the same as its 837s). */
export interface EligibilityEnvelope {
  senderId: string;
  receiverId: string;
  usage: 'P' | 'T';
}

/** What the wiring hands eligibility (it imports neither claims nor the clearinghouse). */
export interface EligibilityDeps {
  envelope(db: Executor, practiceId: number): Promise<EligibilityEnvelope | null>;
  /** Sends a 270 over the practice's http connection; null when it has none. */
  realtime?(
    db: Db,
    practiceId: number,
    transactionType: '270',
    x12: string,
    actor: AuditActor,
  ): Promise<{ response: string; exchangeId: number } | null>;
  /** A batch was written: the wiring queues its upload. */
  written?(practiceId: number, kind: 'eligibility', batchId: number, actor: AuditActor): unknown;
}

export interface Skipped {
  row?: number;
  encounterId?: number;
  why: string;
}

export interface BatchOutcome {
  id: number;
  inquiryCount: number;
  fileName: string;
  state: string;
  skipped: Skipped[];
}

interface Inquiry {
  patient: PatientRow;
  coverage: CoverageRow;
  payer: PayerRow;
  dateOfService: string;
  serviceTypes: string[];
}

const ccyymmdd = (d: Date) => d.toISOString().slice(0, 10).replace(/-/g, '');
const hhmm = (d: Date) => d.toISOString().slice(11, 16).replace(':', '');
const NO_ENVELOPE =
  'set up the submitter and receiver (clearinghouse) for this practice first: eligibility inquiries go out under the same ids as claims';

/**
 * The coverage to ask about: the one named (it must be the patient's), else the patient's coverage
 * in effect on the date of service, primary first (narrowed by payer ID or member ID when given).
 * A string says why there is none.
 */
async function coverageFor(
  db: Executor,
  patient: PatientRow,
  dateOfService: string,
  want: { coverageId?: number | undefined; payerId?: string | undefined; memberId?: string | undefined },
): Promise<{ coverage: CoverageRow; payer: PayerRow } | string> {
  let candidates: CoverageRow[];
  if (want.coverageId) {
    candidates = (await coveragesByIds(db, [want.coverageId])).filter((c) => c.patientId === patient.id);
    if (candidates.length === 0) return `coverage ${want.coverageId} is not one of this patient's`;
  } else candidates = await coveragesInEffect(db, patient.id, dateOfService);
  const payers = new Map(
    (await payersByIds(db, [...new Set(candidates.map((c) => c.payerId))])).map((p) => [p.id, p]),
  );
  const fit = candidates.filter(
    (c) =>
      (!want.payerId || payers.get(c.payerId)?.payerId === want.payerId) &&
      (!want.memberId || c.memberId === want.memberId),
  );
  const coverage = fit[0];
  if (!coverage)
    return candidates.length === 0
      ? `no coverage in effect on ${dateOfService}`
      : `no coverage in effect on ${dateOfService} with ${[want.payerId && `payer ID ${want.payerId}`, want.memberId && `member ID ${want.memberId}`].filter(Boolean).join(' and ')}`;
  return { coverage, payer: payers.get(coverage.payerId)! };
}

/** The ST…SE text of each transaction set of an interchange written by write270 or received. */
export function transactionSets(x12: string): string[] {
  const element = x12.charAt(3);
  const terminator = x12.charAt(105);
  const sets: string[] = [];
  let current: string[] | undefined;
  for (const raw of x12.split(terminator)) {
    const segment = raw.trim();
    if (segment.startsWith(`ST${element}`)) current = [];
    if (current) current.push(segment);
    if (segment.startsWith(`SE${element}`) && current) {
      sets.push(current.map((s) => s + terminator).join('\n'));
      current = undefined;
    }
  }
  return sets;
}

interface Written {
  x12: string;
  interchangeControlNumber: number;
  checks: { inquiry: Inquiry; traceNumber: string; request: string }[];
}

/**
 * Writes inquiries into one 270 interchange (one transaction set each), validated against the
 * X279A1 map before anything is stored: a file with errors is refused, never sent.
 */
async function writeInquiries(
  db: Executor,
  practiceId: number,
  inquiries: Inquiry[],
  envelope: EligibilityEnvelope,
  now: Date,
): Promise<Written> {
  const practice = await practiceById(db, practiceId);
  if (!practice) throw notFound('practice');
  const numbers = new DatabaseControlNumbers(db);
  // TRN02 and BHT03: from the control number sequence, so unique in the practice (and beyond).
  const traces: string[] = [];
  for (let i = 0; i < inquiries.length; i++)
    traces.push(`EL${String(await numbers.next('transaction')).padStart(9, '0')}`);
  const originatorId = `1${practice.tin.replace(/\D/g, '').padStart(9, '0').slice(-9)}`;
  const asked: EligibilityCheck[] = inquiries.map((q, i) => ({
    coverage: q.coverage,
    patient: q.patient,
    payer: { name: q.payer.name, payerId: q.payer.payerId },
    provider: { name: practice.name, npi: practice.npi },
    dateOfService: q.dateOfService,
    serviceTypes: q.serviceTypes,
    referenceId: traces[i]!,
    today: now.toISOString().slice(0, 10),
    time: hhmm(now),
    originatorId,
  }));
  const requests = scheduleRequests(asked);
  const x12 = await write270(requests, {
    senderId: envelope.senderId,
    receiverId: envelope.receiverId,
    usage: envelope.usage,
    date: ccyymmdd(now),
    time: hhmm(now),
    lineBreaks: true,
    numbers,
  });
  const errors = validateX12(x12).problems.filter((p) => p.severity === 'error' || p.severity === 'fatal');
  if (errors.length)
    throw conflict(
      'the 270 written breaks the implementation guide, so it was not stored or sent; correct the data named',
      errors.map((p) => ({ pointer: p.loop ? `/loop ${p.loop}` : '/', detail: p.message })),
    );
  const sets = transactionSets(x12);
  const byTrace = new Map(requests.map((r, i) => [r.referenceId, sets[i] ?? '']));
  return {
    x12,
    interchangeControlNumber: Number(x12.slice(90, 99)),
    checks: inquiries
      .map((inquiry, i) => ({ inquiry, traceNumber: traces[i]!, request: byTrace.get(traces[i]!) ?? '' }))
      .filter((c) => byTrace.has(c.traceNumber)),
  };
}

const newCheck = (
  practiceId: number,
  c: Written['checks'][number],
  how: 'realtime' | 'batch',
  actor: AuditActor,
  now: Date,
  batchId: number | null,
  request: string,
) => ({
  practiceId,
  patientId: c.inquiry.patient.id,
  coverageId: c.inquiry.coverage.id,
  payerId: c.inquiry.payer.id,
  dateOfService: c.inquiry.dateOfService,
  serviceTypes: c.inquiry.serviceTypes,
  traceNumber: c.traceNumber,
  how,
  batchId,
  askedBy: actor.userId,
  askedByEmail: actor.userEmail ?? null,
  askedAt: now,
  request,
});

/** Stores a written file as a batch of waiting checks (one transaction), then hands it on to be sent. */
async function storeBatch(
  db: Db,
  deps: EligibilityDeps,
  practiceId: number,
  written: Written,
  source: { source: string; sourceDetail: string },
  actor: AuditActor,
  now: Date,
) {
  const stored = await db.transaction(async (tx) => {
    const batch = await insertBatch(
      tx,
      {
        practiceId,
        ...source,
        interchangeControlNumber: written.interchangeControlNumber,
        inquiryCount: written.checks.length,
        fileName: `270-${practiceId}-${String(written.interchangeControlNumber).padStart(9, '0')}.x12`,
        x12: written.x12,
        createdBy: actor.userId,
      },
      actor,
    );
    const checks = await insertChecks(
      tx,
      written.checks.map((c) => newCheck(practiceId, c, 'batch', actor, now, batch.id, c.request)),
      actor,
    );
    return { batch, checks };
  });
  // The upload is the clearinghouse's job; a connection's poll sends what was not queued.
  try {
    await deps.written?.(practiceId, 'eligibility', stored.batch.id, actor);
  } catch {
    // the batch stays generated: the next poll uploads it
  }
  return stored;
}

/** Refuses a practice the caller may not act in (unknown to the caller: not found). */
function inScope(scope: readonly number[], practiceId: number, what: string) {
  if (!scope.includes(practiceId)) throw notFound(what);
}

/**
 * One check for a patient's visit. Real-time when the practice's connection answers over HTTP (the
 * answer recorded in the same request); otherwise written into a one-inquiry 270 batch, sent over
 * the connection, and answered when the 271 arrives. A real-time failure is kept on the check.
 */
export async function createCheck(
  db: Db,
  deps: EligibilityDeps,
  scope: readonly number[],
  input: { patientId: number; coverageId?: number; dateOfService: string; serviceTypes?: string[] },
  actor: AuditActor,
  now: Date,
): Promise<CheckView> {
  const patient = await patientById(db, input.patientId);
  if (!patient) throw notFound('patient');
  inScope(scope, patient.practiceId, 'patient');
  const practiceId = patient.practiceId;
  const found = await coverageFor(db, patient, input.dateOfService, { coverageId: input.coverageId });
  if (typeof found === 'string')
    throw conflict(found, [{ pointer: input.coverageId ? '/coverageId' : '/dateOfService', detail: found }]);
  const envelope = await deps.envelope(db, practiceId);
  if (!envelope) throw conflict(NO_ENVELOPE);
  const inquiry: Inquiry = {
    patient,
    ...found,
    dateOfService: input.dateOfService,
    serviceTypes: input.serviceTypes?.length ? input.serviceTypes : ['30'],
  };
  const written = await writeInquiries(db, practiceId, [inquiry], envelope, now);
  const one = written.checks[0]!;
  let answer: { response: string; exchangeId: number } | null = null;
  let failure: string | undefined;
  if (deps.realtime) {
    try {
      answer = await deps.realtime(db, practiceId, '270', written.x12, actor);
    } catch (e) {
      if (!(e instanceof ProblemError)) throw e;
      failure = e.message;
    }
  }
  if (!answer && failure === undefined) {
    const { checks } = await storeBatch(
      db,
      deps,
      practiceId,
      written,
      { source: 'single', sourceDetail: `patient ${patient.id}` },
      actor,
      now,
    );
    return (await toViews(db, checks))[0]!;
  }
  const row = await db.transaction(async (tx) => {
    const [check] = await insertChecks(
      tx,
      [newCheck(practiceId, one, 'realtime', actor, now, null, written.x12)],
      actor,
    );
    if (failure !== undefined) {
      await failCheck(tx, check!, failure, actor);
      return { ...check!, state: 'failed', failure };
    }
    const outcome = await recordAnswerIn(tx, practiceId, answer!.response, actor, now, {
      exchangeId: answer!.exchangeId,
    });
    if (outcome.matched.length === 0) {
      const why = `the payer's real-time answer did not match the inquiry: ${outcome.unmatched.map((u) => u.why).join('; ') || 'no 271 in it'}`;
      await failCheck(tx, check!, why, actor);
    }
    const [fresh] = await checksByTrace(tx, practiceId, [one.traceNumber]);
    return fresh!;
  });
  return (await toViews(db, [row as CheckRow], true))[0]!;
}

/** The visits of a date, each patient's coverage in effect on it. */
async function inquiriesOfDate(db: Executor, practiceId: number, date: string) {
  const inquiries: Inquiry[] = [];
  const skipped: Skipped[] = [];
  const encounters = await encountersOn(db, practiceId, date);
  const patients = new Map(
    (await patientsByIds(db, practiceId, [...new Set(encounters.map((e) => e.patientId))])).map((p) => [
      p.id,
      p,
    ]),
  );
  const seen = new Set<number>();
  for (const e of encounters) {
    const patient = patients.get(e.patientId)!;
    if (seen.has(patient.id)) {
      skipped.push({ encounterId: e.id, why: 'the patient is already asked about in this batch' });
      continue;
    }
    const found = await coverageFor(db, patient, date, {});
    if (typeof found === 'string') {
      skipped.push({ encounterId: e.id, why: found });
      continue;
    }
    seen.add(patient.id);
    inquiries.push({ patient, ...found, dateOfService: date, serviceTypes: ['30'] });
  }
  return { inquiries, skipped };
}

/** The rows of a schedule CSV, each patient found by MRN or member ID (and the name to be sure). */
async function inquiriesOfCsv(db: Executor, practiceId: number, csv: string) {
  const { rows, errors } = readScheduleCsv(csv);
  if (errors.length) throw invalid(errors);
  const inquiries: Inquiry[] = [];
  const skipped: Skipped[] = [];
  const byMrn = new Map(
    (
      await patientsByAccountNumbers(
        db,
        practiceId,
        rows.flatMap((r) => (r.accountNumber ? [r.accountNumber] : [])),
      )
    ).map((p) => [p.accountNumber, p]),
  );
  const seen = new Set<string>();
  for (const r of rows) {
    let patient = r.accountNumber ? byMrn.get(r.accountNumber) : undefined;
    if (!patient && !r.accountNumber && r.memberId) {
      const ids = await patientIdsNamedByPayer(db, practiceId, { memberId: r.memberId });
      if (ids.length > 1) {
        skipped.push({
          row: r.row,
          why: `member ID ${r.memberId} belongs to more than one patient: give the MRN`,
        });
        continue;
      }
      patient = ids[0] ? (await patientsByIds(db, practiceId, ids))[0] : undefined;
    }
    if (!patient) {
      skipped.push({
        row: r.row,
        why: r.accountNumber
          ? `no patient with MRN ${r.accountNumber}`
          : `no patient with member ID ${r.memberId}`,
      });
      continue;
    }
    if (patient.lastName.toUpperCase() !== r.lastName.toUpperCase()) {
      skipped.push({
        row: r.row,
        why: `the patient found is ${patient.firstName} ${patient.lastName}, not ${r.firstName} ${r.lastName}`,
      });
      continue;
    }
    const found = await coverageFor(db, patient, r.dateOfService, {
      payerId: r.payerId,
      memberId: r.memberId,
    });
    if (typeof found === 'string') {
      skipped.push({ row: r.row, why: found });
      continue;
    }
    const key = `${patient.id}|${found.coverage.id}|${r.dateOfService}`;
    if (seen.has(key)) {
      skipped.push({ row: r.row, why: 'the same patient, coverage and date as an earlier row' });
      continue;
    }
    seen.add(key);
    inquiries.push({ patient, ...found, dateOfService: r.dateOfService, serviceTypes: ['30'] });
  }
  return { inquiries, skipped };
}

/**
 * A 270 batch of many inquiries: the encounters of a date, or the rows of a CSV. Written, validated
 * and stored with its checks in one transaction (a CSV with any malformed row writes nothing), then
 * handed to the clearinghouse upload.
 */
export async function createBatch(
  db: Db,
  deps: EligibilityDeps,
  practiceId: number,
  from: { date: string } | { csv: string; fileName: string },
  actor: AuditActor,
  now: Date,
): Promise<BatchOutcome> {
  const { inquiries, skipped } =
    'date' in from
      ? await inquiriesOfDate(db, practiceId, from.date)
      : await inquiriesOfCsv(db, practiceId, from.csv);
  if (inquiries.length === 0)
    throw conflict(
      'date' in from ? `nothing to ask about on ${from.date}` : `nothing to ask about in ${from.fileName}`,
      skipped.map((s) => ({
        pointer: s.row ? `/csv/row ${s.row}` : s.encounterId ? `/encounters/${s.encounterId}` : '/date',
        detail: s.why,
      })),
    );
  const envelope = await deps.envelope(db, practiceId);
  if (!envelope) throw conflict(NO_ENVELOPE);
  const written = await writeInquiries(db, practiceId, inquiries, envelope, now);
  const { batch } = await storeBatch(
    db,
    deps,
    practiceId,
    written,
    'date' in from
      ? { source: 'schedule', sourceDetail: from.date }
      : { source: 'csv', sourceDetail: from.fileName },
    actor,
    now,
  );
  return {
    id: batch.id,
    inquiryCount: batch.inquiryCount,
    fileName: batch.fileName,
    state: batch.state,
    skipped,
  };
}

export interface AnswerOutcome {
  matched: { checkId: number; traceNumber: string; status: string }[];
  /** Answers no waiting check of the practice asked for: kept in the file, said here. */
  unmatched: { traceNumber: string; why: string }[];
}

/**
 * Records the 271 answers of a file in the caller's transaction: each transaction's subscriber or
 * dependent trace (TRN02, else BHT03) finds the practice's check; the check gets its summary,
 * status and the answering transaction set. An answer for no check is reported, not thrown; a
 * file with no 271 in it cannot be read and is thrown.
 */
export async function recordAnswerIn(
  tx: Executor,
  practiceId: number,
  content: string,
  actor: AuditActor,
  now: Date,
  detail: Record<string, unknown> = {},
): Promise<AnswerOutcome> {
  const parsed = parse271(content);
  if (parsed.responses.length === 0) {
    const why = parsed.problems.find((p) => p.severity === 'fatal' || p.severity === 'error');
    throw new Error(`no 271 answer could be read${why ? `: ${why.message}` : ''}`);
  }
  const tracesOf = (r: (typeof parsed.responses)[number]) =>
    [
      ...new Set([
        ...(r.dependent?.traces ?? []).map((t) => t.number),
        ...r.subscriber.traces.map((t) => t.number),
        r.referenceId,
      ]),
    ].filter(Boolean);
  const checks = await checksByTrace(tx, practiceId, parsed.responses.flatMap(tracesOf));
  const byTrace = new Map(checks.map((c) => [c.traceNumber, c]));
  const sets = transactionSets(content);
  const outcome: AnswerOutcome = { matched: [], unmatched: [] };
  const done = new Set<number>();
  for (const r of parsed.responses) {
    const traces = tracesOf(r);
    const check = traces.map((t) => byTrace.get(t)).find(Boolean);
    if (!check) {
      outcome.unmatched.push({
        traceNumber: traces[0] ?? '',
        why: `no eligibility check of this practice has trace number ${traces.join(' or ') || '(none)'}`,
      });
      continue;
    }
    if (check.state === 'answered' || done.has(check.id)) {
      outcome.unmatched.push({
        traceNumber: check.traceNumber,
        why: `check ${check.id} was already answered`,
      });
      continue;
    }
    done.add(check.id);
    // The answering transaction set when the file holds many; the whole file when it is the only one.
    const e = content.charAt(3);
    const own = sets.find((s) => s.includes(`TRN${e}2${e}${check.traceNumber}`));
    const response = sets.length > 1 && own ? own : content;
    const summary = summarize271(r, check.dateOfService);
    await answerCheck(tx, check, { response, summary, answeredAt: now }, actor, detail);
    outcome.matched.push({ checkId: check.id, traceNumber: check.traceNumber, status: summary.status });
  }
  return outcome;
}

/** Records a 271 in its own transaction (the CLI, tests). */
export async function recordAnswer(
  db: Db,
  practiceId: number,
  content: string,
  actor: AuditActor,
  now: Date,
): Promise<AnswerOutcome> {
  return db.transaction((tx) => recordAnswerIn(tx, practiceId, content, actor, now));
}

/** The inbox's handler for a 271 file, applied in the inbox's transaction. */
export async function eligibilityInboundHandler(
  tx: Db,
  file: {
    id: number;
    practiceId: number;
    name: string;
    content: string;
    transactionType: string | null;
    guide: string | null;
  },
  actor: AuditActor,
): Promise<{ outcome: string; result?: unknown }> {
  const result = await recordAnswerIn(tx, file.practiceId, file.content, actor, new Date(), {
    file: file.name,
    inboundFileId: file.id,
  });
  const parts = [
    `answered ${result.matched.length} eligibility check${result.matched.length === 1 ? '' : 's'}`,
  ];
  if (result.unmatched.length)
    parts.push(
      `${result.unmatched.length} answer${result.unmatched.length === 1 ? '' : 's'} matched no waiting check (${result.unmatched
        .slice(0, 5)
        .map((u) => u.why)
        .join('; ')})`,
    );
  return { outcome: parts.join('; '), result };
}
