// The scheduled 276: a practice's claims due a status inquiry written into one file, validated
// against the X212 map, and stored with one inquiry per claim, all in one transaction with its audit.
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../../audit/index.ts';
import type { Db, Executor } from '../../db/connection.ts';
import { payersByIds } from '../../payers/index.ts';
import { conflict } from '../../shared/problem.ts';
import { todayIso } from '../../shared/dates.ts';
import { DatabaseControlNumbers } from '../../x12/control-numbers.ts';
import { validateX12, write276 } from '../../x12/index.ts';
import { claimAcknowledgment } from '../ack-tables.ts';
import { describeProblem, isError } from '../batch-check.ts';
import { submitterSettings } from '../batch-tables.ts';
import { loadClaimModel } from '../model.ts';
import { claimStatusBatch, claimStatusInquiry } from '../status-tables.ts';
import { claim, claimEvent, claimLine } from '../tables.ts';
import { AWAITING_REMITTANCE, claimsDueForStatus, notDueBecause, type StatusCandidate } from './select.ts';
import { statusRequestsOf, type InquiryToWrite } from './request.ts';

export interface StatusBatchOutcome {
  practiceId: number;
  /** Null when no claim was due. */
  batchId: number | null;
  inquiryCount: number;
  fileName: string | null;
  /** Claims waiting for an 835 that were not asked about, and why. */
  notDue: { claimId: number; why: string }[];
}

const day = (d: Date | string | null): string | null =>
  d === null ? null : todayIso(typeof d === 'string' ? new Date(d) : d);

/** The practice's claims waiting for an 835, with when they were submitted and last asked about. */
export async function statusCandidates(
  db: Executor,
  practiceId: number,
): Promise<(StatusCandidate & { payerId: number })[]> {
  // Qualified by hand: in a one-table select drizzle leaves column names bare, and a bare "id" in
  // the subquery would be the event's own. A 277 answer is an event that keeps the state: not a submission.
  const submittedAt = sql<Date | string | null>`(select max(e.at) from ${claimEvent} e
    where e.claim_id = ${claim}.id and e.to_state = 'submitted' and e.from_state is distinct from 'submitted')`;
  const lastAskedAt = sql<Date | string | null>`(select max(q.asked_at) from ${claimStatusInquiry} q
    where q.claim_id = ${claim}.id)`;
  const rows = await db
    .select({
      claimId: claim.id,
      state: claim.state,
      payerId: claim.payerId,
      updatedAt: claim.updatedAt,
      submittedAt,
      lastAskedAt,
    })
    .from(claim)
    .where(and(eq(claim.practiceId, practiceId), inArray(claim.state, [...AWAITING_REMITTANCE])))
    .orderBy(asc(claim.id));
  const payers = await payersByIds(db, [...new Set(rows.map((r) => r.payerId))]);
  const days = new Map(payers.map((p) => [p.id, p.statusInquiryDays]));
  return rows.map((r) => ({
    claimId: r.claimId,
    state: r.state,
    payerId: r.payerId,
    // A claim without a submitted event (older data) counts from its last change.
    submittedOn: day(r.submittedAt) ?? day(r.updatedAt)!,
    inquiryDays: days.get(r.payerId) ?? 30,
    lastAskedOn: day(r.lastAskedAt),
  }));
}

const hhmm = (d: Date) => d.toISOString().slice(11, 16).replace(':', '');

/** The payer's claim number for each claim, from its latest 277CA that gave one. */
async function payerClaimNumbers(tx: Executor, claimIds: number[]): Promise<Map<number, string>> {
  if (claimIds.length === 0) return new Map();
  const rows = await tx
    .select({ claimId: claimAcknowledgment.claimId, number: claimAcknowledgment.payerClaimNumber })
    .from(claimAcknowledgment)
    .where(
      and(inArray(claimAcknowledgment.claimId, claimIds), isNotNull(claimAcknowledgment.payerClaimNumber)),
    )
    .orderBy(desc(claimAcknowledgment.id));
  const out = new Map<number, string>();
  for (const r of rows) if (!out.has(r.claimId) && r.number) out.set(r.claimId, r.number);
  return out;
}

/**
 * Writes one 276 for all of a practice's claims due a status inquiry today (none due: no file),
 * stores it as a generated batch with an inquiry per claim, and audits it, in one transaction.
 * The file is checked against the X212 map first: one with errors is never stored or sent.
 */
export async function writeStatusBatch(
  db: Db,
  practiceId: number,
  actor: AuditActor,
  now: Date,
): Promise<StatusBatchOutcome> {
  const today = todayIso(now);
  return db.transaction(async (tx) => {
    // The practice's submitter row, locked: two runs for one practice write one file after the other.
    const [settings] = await tx
      .select()
      .from(submitterSettings)
      .where(eq(submitterSettings.practiceId, practiceId))
      .for('update');
    if (!settings)
      throw conflict('set up the submitter and receiver (clearinghouse) for this practice first');
    const candidates = await statusCandidates(tx, practiceId);
    const due = claimsDueForStatus(candidates, today);
    const notDue = candidates.flatMap((c) => {
      const why = notDueBecause(c, today);
      return why ? [{ claimId: c.claimId, why }] : [];
    });
    const none = { practiceId, batchId: null, inquiryCount: 0, fileName: null, notDue };
    if (due.length === 0) return none;
    const ids = due.map((c) => c.claimId);
    const rows = await tx.select().from(claim).where(inArray(claim.id, ids)).orderBy(asc(claim.id));
    const lines = await tx.select().from(claimLine).where(inArray(claimLine.claimId, ids));
    const asked = await tx
      .select({ claimId: claimStatusInquiry.claimId, n: sql<number>`count(*)::int` })
      .from(claimStatusInquiry)
      .where(inArray(claimStatusInquiry.claimId, ids))
      .groupBy(claimStatusInquiry.claimId);
    const numbers = await payerClaimNumbers(tx, ids);
    const inquiries: InquiryToWrite[] = [];
    for (const row of rows) {
      const { model } = await loadClaimModel(
        tx,
        row,
        lines.filter((l) => l.claimId === row.id),
      );
      const n = (asked.find((a) => a.claimId === row.id)?.n ?? 0) + 1;
      inquiries.push({
        claimId: row.id,
        // Unique in the practice (the inquiry table's key): the claim and how many times it was asked.
        traceNumber: `${row.id}-${n}`,
        payerClaimNumber: numbers.get(row.id) ?? null,
        billType: row.institutional?.billType ?? null,
        model,
      });
    }
    const requests = statusRequestsOf(
      inquiries,
      { name: settings.submitterName, id: settings.submitterId },
      { date: today, time: hhmm(now) },
    );
    const x12 = await write276(requests, {
      senderId: settings.submitterId,
      receiverId: settings.receiverId,
      usage: settings.usage === 'P' ? 'P' : 'T',
      date: today.replace(/-/g, ''),
      time: hhmm(now),
      lineBreaks: true,
      numbers: new DatabaseControlNumbers(tx),
    });
    const errors = validateX12(x12).problems.filter(isError).map(describeProblem);
    if (errors.length)
      throw conflict(
        'the 276 written breaks the implementation guide (005010X212), so it was not stored; check the practice and clearinghouse settings',
        errors.slice(0, 20).map((detail) => ({ pointer: '/practiceId', detail })),
      );
    // ISA is fixed width: ISA13 (interchange control number) is characters 91-99.
    const interchangeControlNumber = Number(x12.slice(90, 99));
    const fileName = `276-${practiceId}-${String(interchangeControlNumber).padStart(9, '0')}.x12`;
    const [batch] = await tx
      .insert(claimStatusBatch)
      .values({
        practiceId,
        interchangeControlNumber,
        inquiryCount: inquiries.length,
        fileName,
        x12,
        createdBy: actor.userId,
      })
      .returning({ id: claimStatusBatch.id });
    await tx.insert(claimStatusInquiry).values(
      inquiries.map((q) => ({
        practiceId,
        claimId: q.claimId,
        batchId: batch!.id,
        traceNumber: q.traceNumber,
        askedAt: now,
      })),
    );
    await recordAudit(tx, actor, {
      practiceId,
      action: 'create',
      entity: 'claim_status_batch',
      entityId: batch!.id,
      detail: { claims: ids, interchangeControlNumber, fileName },
    });
    return { practiceId, batchId: batch!.id, inquiryCount: inquiries.length, fileName, notDue };
  });
}
