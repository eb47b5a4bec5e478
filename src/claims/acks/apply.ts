import { createHash } from 'node:crypto';
import { and, desc, eq, inArray, like } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../../audit/index.ts';
import type { Db, Executor } from '../../db/connection.ts';
import { openRejectionDenial } from '../../denials/index.ts';
import { acknowledgment, claimAcknowledgment } from '../ack-tables.ts';
import { markBatchSentIn, unsentBatchesOf } from '../batch-delivery.ts';
import { batchClaim, submissionBatch } from '../batch-tables.ts';
import { moveClaim } from '../store.ts';
import { claim } from '../tables.ts';
import {
  batchSetsOf,
  plan277CA,
  plan999,
  planTA1,
  readAcknowledgment,
  type AckPlan,
  type BatchSets,
} from './plan.ts';

export interface AcknowledgmentFile {
  practiceId: number;
  fileName: string;
  text: string;
  receivedAt: Date;
  actor: AuditActor;
}

export interface AcknowledgmentOutcome {
  acknowledgmentId: number;
  kind: AckPlan['kind'];
  /** True when this very file was applied before: nothing changed this time. */
  alreadyApplied: boolean;
  batchId: number | null;
  status: AckPlan['status'];
  summary: string;
  accepted: number;
  rejected: number;
  unmatched: string[];
}

async function batchBy(
  tx: Executor,
  practiceId: number,
  where: ReturnType<typeof eq>,
): Promise<BatchSets | null> {
  const rows = await tx
    .select({ id: submissionBatch.id, x12: submissionBatch.x12 })
    .from(submissionBatch)
    .where(and(eq(submissionBatch.practiceId, practiceId), where))
    .orderBy(desc(submissionBatch.id))
    .limit(20);
  return rows.map((r) => batchSetsOf(r.id, r.x12))[0] ?? null;
}

const claimCols = { id: claim.id, patientControlNumber: claim.patientControlNumber, state: claim.state };

async function batchClaims(tx: Executor, batchId: number) {
  return tx
    .select(claimCols)
    .from(batchClaim)
    .innerJoin(claim, eq(claim.id, batchClaim.claimId))
    .where(eq(batchClaim.batchId, batchId));
}

async function planFor(tx: Executor, practiceId: number, text: string): Promise<AckPlan> {
  const read = readAcknowledgment(text);
  // A TA1/999 answers a batch only when addressed to the submitter that sent it (ISA08 = its ISA06).
  const ours = (b: BatchSets | null) => (b && b.senderId === read.receiverId ? b : null);
  if (read.kind === 'TA1') {
    const batch = await batchBy(
      tx,
      practiceId,
      eq(submissionBatch.interchangeControlNumber, Number(read.acks[0]!.controlNumber) || -1),
    );
    return planTA1(read.acks, batch, batch ? await batchClaims(tx, batch.batchId) : []);
  }
  if (read.kind === '999') {
    const gs06 = String(Number(read.acks[0]!.group.controlNumber));
    let batch = /^\d+$/.test(gs06)
      ? await batchBy(tx, practiceId, like(submissionBatch.x12, `%GS*%*${gs06}*X*%`))
      : null;
    if (batch && !batch.groups.includes(gs06)) batch = null;
    batch = ours(batch);
    return plan999(read.acks, batch, batch ? await batchClaims(tx, batch.batchId) : []);
  }
  const pcns = [...new Set(read.acks.flatMap((a) => a.claims.map((c) => c.patientControlNumber)))];
  const claims = pcns.length
    ? await tx
        .select(claimCols)
        .from(claim)
        .where(and(eq(claim.practiceId, practiceId), inArray(claim.patientControlNumber, pcns)))
    : [];
  const plan = plan277CA(read.acks, claims);
  // The batch the claims went out in, when they all went in one.
  const ids = plan.claims.map((c) => c.claimId);
  if (ids.length) {
    const batches = await tx
      .selectDistinct({ id: batchClaim.batchId })
      .from(batchClaim)
      .where(inArray(batchClaim.claimId, ids))
      .orderBy(desc(batchClaim.batchId))
      .limit(2);
    if (batches.length === 1) plan.batchId = batches[0]!.id;
  }
  return plan;
}

/**
 * Applies one acknowledgment file inside the caller's transaction (the inbox's, which marks the
 * file processed): the batch and claims it answers, once. The same file again changes nothing.
 */
export async function applyAcknowledgmentIn(
  tx: Executor,
  file: AcknowledgmentFile,
): Promise<AcknowledgmentOutcome> {
  const { practiceId, actor } = file;
  const plan = await planFor(tx, practiceId, file.text);
  const fileHash = createHash('sha256').update(file.text).digest('hex');
  const accepted = plan.claims.filter((c) => c.status === 'accepted').length;
  const rejected = plan.claims.filter((c) => c.status === 'rejected').length;
  const [row] = await tx
    .insert(acknowledgment)
    .values({
      practiceId,
      kind: plan.kind,
      fileName: file.fileName,
      fileHash,
      receivedAt: file.receivedAt,
      batchId: plan.batchId,
      status: plan.status,
      summary: plan.summary,
      reasons: plan.reasons,
      detail: { ...(plan.detail as object), unmatched: plan.unmatched },
      createdBy: actor.userId,
    })
    .onConflictDoNothing()
    .returning({ id: acknowledgment.id });
  const base = {
    kind: plan.kind,
    batchId: plan.batchId,
    status: plan.status,
    unmatched: plan.unmatched,
    accepted,
    rejected,
  };
  if (!row) {
    const [before] = await tx
      .select({ id: acknowledgment.id, summary: acknowledgment.summary })
      .from(acknowledgment)
      .where(and(eq(acknowledgment.practiceId, practiceId), eq(acknowledgment.fileHash, fileHash)));
    return {
      ...base,
      acknowledgmentId: before!.id,
      alreadyApplied: true,
      summary: `already applied: ${before!.summary}`,
    };
  }
  // An answer proves the file reached the clearinghouse: a batch not marked sent is now, its
  // batched claims submitted, before the answer moves them on.
  const unsent = new Set(
    await unsentBatchesOf(
      tx,
      plan.claims.map((c) => c.claimId),
    ),
  );
  if (plan.batchId) unsent.add(plan.batchId);
  for (const batchId of unsent)
    await markBatchSentIn(tx, batchId, actor, file.receivedAt, {
      how: `${plan.kind} ${file.fileName} received for it`,
      acknowledgmentId: row.id,
    });
  if (plan.batchId && plan.batchState)
    await tx
      .update(submissionBatch)
      .set({ state: plan.batchState })
      .where(eq(submissionBatch.id, plan.batchId));
  if (plan.claims.length)
    await tx.insert(claimAcknowledgment).values(
      plan.claims.map((c) => ({
        acknowledgmentId: row.id,
        claimId: c.claimId,
        kind: plan.kind,
        status: c.status,
        payerClaimNumber: c.payerClaimNumber ?? null,
        reasons: c.reasons,
      })),
    );
  const moving = plan.claims.filter((c) => c.moveTo || c.payerClaimNumber);
  if (moving.length) {
    const rows = await tx
      .select()
      .from(claim)
      .where(
        inArray(
          claim.id,
          moving.map((c) => c.claimId),
        ),
      );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const c of moving) {
      const r = byId.get(c.claimId)!;
      if (c.payerClaimNumber && c.status === 'accepted' && !r.payerClaimNumber)
        await tx.update(claim).set({ payerClaimNumber: c.payerClaimNumber }).where(eq(claim.id, r.id));
      if (c.moveTo) {
        const why = c.reasons.map((x) => x.text).join('; ');
        await moveClaim(tx, r, c.moveTo, actor, `${plan.kind} ${file.fileName}${why ? `: ${why}` : ''}`, {
          acknowledgmentId: row.id,
          reasons: c.reasons,
        });
      }
    }
  }
  // A claim the payer's front end rejected is a denial to work: categorised, with its next step.
  if (plan.kind === '277CA')
    for (const c of plan.claims.filter((x) => x.status === 'rejected')) {
      const first = c.reasons[0];
      await openRejectionDenial(
        tx,
        {
          practiceId,
          claimId: c.claimId,
          source: '277CA',
          statusCode: first?.code.replace(/^STC\s+/, '') || 'rejected',
          text: c.reasons.map((x) => x.text).join('; '),
          rejectedOn: file.receivedAt.toISOString().slice(0, 10),
        },
        actor,
      );
    }
  await recordAudit(tx, actor, {
    practiceId,
    action: 'create',
    entity: 'acknowledgment',
    entityId: row.id,
    detail: {
      kind: plan.kind,
      fileName: file.fileName,
      batchId: plan.batchId,
      status: plan.status,
      accepted,
      rejected,
      unmatched: plan.unmatched.length,
    },
  });
  return { ...base, acknowledgmentId: row.id, alreadyApplied: false, summary: plan.summary };
}

/** Applies one acknowledgment file in its own transaction (a file uploaded by hand). */
export function applyAcknowledgment(db: Db, file: AcknowledgmentFile): Promise<AcknowledgmentOutcome> {
  return db.transaction((tx) => applyAcknowledgmentIn(tx as unknown as Executor, file));
}

/** A batch's acknowledgments, newest first. */
export function batchAcknowledgments(db: Executor, batchId: number) {
  return db
    .select()
    .from(acknowledgment)
    .where(eq(acknowledgment.batchId, batchId))
    .orderBy(desc(acknowledgment.id));
}

/** A claim's acknowledgment history, newest first. */
export function claimAcknowledgments(db: Executor, claimId: number) {
  return db
    .select({
      id: claimAcknowledgment.id,
      kind: claimAcknowledgment.kind,
      status: claimAcknowledgment.status,
      payerClaimNumber: claimAcknowledgment.payerClaimNumber,
      reasons: claimAcknowledgment.reasons,
      fileName: acknowledgment.fileName,
      receivedAt: acknowledgment.receivedAt,
      batchId: acknowledgment.batchId,
    })
    .from(claimAcknowledgment)
    .innerJoin(acknowledgment, eq(acknowledgment.id, claimAcknowledgment.acknowledgmentId))
    .where(eq(claimAcknowledgment.claimId, claimId))
    .orderBy(desc(claimAcknowledgment.id));
}
