// Write-offs asked for on a claim (or one of its lines): with a reason code, never more than the
// insurance balance still open, posted at once as write_off entries when within the practice's
// approval limit, otherwise waiting for a manager to approve (then posted) or refuse. The
// request, its entries and its audit events share one transaction.
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../audit/index.ts';
import { claimLineOf, claimServiceLines } from '../claims/index.ts';
import type { Db, Executor } from '../db/connection.ts';
import { practiceById } from '../practices/index.ts';
import { conflict, invalid, notFound } from '../shared/problem.ts';
import { todayIso } from '../shared/dates.ts';
import { lineBalances } from './balances.ts';
import { postEntries } from './store.ts';
import { writeOffRequest } from './tables.ts';
import { WRITE_OFF_REASONS } from './write-off-reasons.ts';

export { WRITE_OFF_REASONS, type WriteOffReason } from './write-off-reasons.ts';

export type WriteOffRow = typeof writeOffRequest.$inferSelect;

export interface WriteOffInput {
  claimId: number;
  claimLineId?: number | null;
  amountCents: number;
  reasonCode: string;
  note?: string | null;
}

/** pg_advisory_xact_lock's first key for a claim's write-offs: two at once could both see the same balance. */
const CLAIM_WRITE_OFF_LOCK = 7_301;

/** What a write-off may take from each line: the insurance balance open, in claim line order. */
async function openLines(tx: Executor, input: { claimId: number; claimLineId?: number | null }) {
  const claim = await claimServiceLines(tx, input.claimId);
  if (!claim) throw notFound('claim');
  let lineIds = claim.serviceLineIds;
  if (input.claimLineId != null) {
    const line = await claimLineOf(tx, input.claimLineId);
    if (!line || line.claimId !== input.claimId || line.serviceLineId === null)
      throw invalid([
        { pointer: '/claimLineId', detail: `line ${input.claimLineId} is not a billed line of the claim` },
      ]);
    lineIds = [line.serviceLineId];
  }
  const balances = await lineBalances(tx, lineIds);
  return {
    claim,
    lines: balances.map((b) => ({ serviceLineId: b.serviceLineId, openCents: b.insuranceBalance })),
  };
}

/** Fills the open lines in order with the amount: the entries to post. */
export function spreadWriteOff(
  lines: readonly { serviceLineId: number; openCents: number }[],
  amountCents: number,
): { serviceLineId: number; amountCents: number }[] {
  const out: { serviceLineId: number; amountCents: number }[] = [];
  let left = amountCents;
  for (const l of lines) {
    if (left <= 0) break;
    const take = Math.min(left, Math.max(0, l.openCents));
    if (take > 0) out.push({ serviceLineId: l.serviceLineId, amountCents: take });
    left -= take;
  }
  return out;
}

/** Checks the amount against what is open (less other write-offs still waiting) and posts it. */
async function post(tx: Executor, req: WriteOffRow, actor: AuditActor, now: Date) {
  await tx.execute(sql`select pg_advisory_xact_lock(${CLAIM_WRITE_OFF_LOCK}, ${req.claimId})`);
  const { claim, lines } = await openLines(tx, req);
  const pending = await tx
    .select({ amountCents: writeOffRequest.amountCents })
    .from(writeOffRequest)
    .where(
      and(
        eq(writeOffRequest.claimId, req.claimId),
        eq(writeOffRequest.state, 'pending'),
        ne(writeOffRequest.id, req.id),
      ),
    );
  const open = lines.reduce((s, l) => s + l.openCents, 0);
  const waiting = pending.reduce((s, p) => s + p.amountCents, 0);
  if (req.amountCents > open - waiting)
    throw invalid([
      {
        pointer: '/amountCents',
        detail: `the claim has ${open} cents open${waiting ? ` (${waiting} already waiting for approval)` : ''}: a write-off cannot exceed it`,
      },
    ]);
  const rows = await postEntries(
    tx,
    spreadWriteOff(lines, req.amountCents).map((s) => ({
      practiceId: claim.practiceId,
      patientId: claim.patientId,
      encounterId: claim.encounterId,
      serviceLineId: s.serviceLineId,
      claimId: claim.claimId,
      payerId: claim.payerId,
      account: 'insurance' as const,
      kind: 'write_off' as const,
      amountCents: s.amountCents,
      effectiveDate: todayIso(now),
      sourceType: 'user' as const,
      sourceId: `write-off ${req.id}`,
      memo: `${req.reasonCode}${req.note ? `: ${req.note}` : ''}`,
    })),
    actor,
  );
  return rows[0]!.id;
}

/** Asks for a write-off: posted at once within the practice's limit, else pending a manager. */
export async function requestWriteOff(
  db: Db,
  input: WriteOffInput,
  scope: readonly number[],
  actor: AuditActor,
  now: Date,
): Promise<WriteOffRow> {
  if (!(WRITE_OFF_REASONS as readonly string[]).includes(input.reasonCode))
    throw invalid([{ pointer: '/reasonCode', detail: `one of ${WRITE_OFF_REASONS.join(', ')}` }]);
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0)
    throw invalid([{ pointer: '/amountCents', detail: 'a positive amount in whole cents' }]);
  return db.transaction(async (tx) => {
    const claim = await claimServiceLines(tx, input.claimId);
    if (!claim || !scope.includes(claim.practiceId)) throw notFound('claim');
    const practice = await practiceById(tx, claim.practiceId);
    const needsApproval = input.amountCents > (practice?.writeOffApprovalCents ?? 0);
    const [req] = await tx
      .insert(writeOffRequest)
      .values({
        practiceId: claim.practiceId,
        claimId: input.claimId,
        claimLineId: input.claimLineId ?? null,
        amountCents: input.amountCents,
        reasonCode: input.reasonCode,
        note: input.note ?? null,
        state: needsApproval ? 'pending' : 'approved',
        requestedBy: actor.userId,
        requestedAt: now,
      })
      .returning();
    let row = req!;
    // A pending one is checked too: nobody should approve what the claim does not owe.
    if (needsApproval) {
      await tx.execute(sql`select pg_advisory_xact_lock(${CLAIM_WRITE_OFF_LOCK}, ${row.claimId})`);
      const { lines } = await openLines(tx, row);
      const open = lines.reduce((s, l) => s + l.openCents, 0);
      if (row.amountCents > open)
        throw invalid([
          {
            pointer: '/amountCents',
            detail: `the claim has ${open} cents open: a write-off cannot exceed it`,
          },
        ]);
    } else {
      const entryId = await post(tx, row, actor, now);
      row = (
        await tx
          .update(writeOffRequest)
          .set({ ledgerEntryId: entryId, decidedAt: now })
          .where(eq(writeOffRequest.id, row.id))
          .returning()
      )[0]!;
    }
    await recordAudit(tx, actor, {
      practiceId: row.practiceId,
      action: 'create',
      entity: 'write_off_request',
      entityId: row.id,
      after: {
        claimId: row.claimId,
        claimLineId: row.claimLineId,
        amountCents: row.amountCents,
        reasonCode: row.reasonCode,
        state: row.state,
      },
    });
    return row;
  });
}

/** A manager approves (the write-off is posted) or refuses a pending write-off. */
export async function decideWriteOff(
  db: Db,
  id: number,
  decision: 'approve' | 'refuse',
  note: string | null,
  scope: readonly number[],
  actor: AuditActor,
  now: Date,
): Promise<WriteOffRow> {
  return db.transaction(async (tx) => {
    const [req] = await tx
      .select()
      .from(writeOffRequest)
      .where(
        and(
          eq(writeOffRequest.id, id),
          inArray(writeOffRequest.practiceId, scope.length ? [...scope] : [-1]),
        ),
      )
      .for('update');
    if (!req) throw notFound('write-off');
    if (req.state !== 'pending') throw conflict(`write-off ${id} is already ${req.state}`);
    const entryId = decision === 'approve' ? await post(tx, req, actor, now) : null;
    const [row] = await tx
      .update(writeOffRequest)
      .set({
        state: decision === 'approve' ? 'approved' : 'refused',
        decidedBy: actor.userId,
        decidedAt: now,
        decisionNote: note,
        ledgerEntryId: entryId,
      })
      .where(eq(writeOffRequest.id, id))
      .returning();
    await recordAudit(tx, actor, {
      practiceId: req.practiceId,
      action: 'update',
      entity: 'write_off_request',
      entityId: id,
      before: { state: 'pending' },
      after: { state: row!.state, ledgerEntryId: entryId },
      detail: note ? { note } : undefined,
    });
    return row!;
  });
}

/** The write-offs of the practices in scope, oldest first (the managers' approval list). */
export async function listWriteOffs(
  db: Executor,
  scope: readonly number[],
  filter: { state?: string; claimId?: number } = {},
) {
  return db
    .select()
    .from(writeOffRequest)
    .where(
      and(
        inArray(writeOffRequest.practiceId, scope.length ? [...scope] : [-1]),
        filter.state ? eq(writeOffRequest.state, filter.state) : undefined,
        filter.claimId ? eq(writeOffRequest.claimId, filter.claimId) : undefined,
      ),
    )
    .orderBy(asc(writeOffRequest.requestedAt), asc(writeOffRequest.id))
    .limit(500);
}
