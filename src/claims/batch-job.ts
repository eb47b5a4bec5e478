import { eq, inArray } from 'drizzle-orm';
import type { AuditActor } from '../audit/index.ts';
import type { Db, Executor } from '../db/connection.ts';
import { ProblemError, type ErrorCode, type FieldError } from '../shared/problem.ts';
import { submissionBatch } from './batch-tables.ts';
import { createBatch, type BatchOutcome, type ClaimType } from './batches.ts';

/** What a claims.batch job is asked to do. */
export interface ClaimBatchJob {
  practiceId: number;
  claimIds?: number[];
  actor: AuditActor;
  /** professional (837P, the default) or institutional (837I). */
  claimType?: ClaimType;
}

/** A refusal (no settings, no ready claims) is an answer for the person who asked, not a failure. */
export type BatchJobOutput =
  | (BatchOutcome & { jobId?: string })
  | { problem: { code: ErrorCode; detail: string; errors: FieldError[] } };

/**
 * The claims.batch job: the batch is written in one transaction that also records the job that
 * wrote it (the batch's createdBy is the user who asked), and commits only while the job is
 * still running, so a job pg-boss has given up on (expired) never moves claims unseen.
 */
export async function writeBatchForJob(
  db: Db,
  jobId: string,
  job: ClaimBatchJob,
  now: Date,
  stillRunning: (tx: Executor) => Promise<boolean>,
): Promise<BatchJobOutput> {
  return db.transaction(async (tx) => {
    let output: BatchJobOutput;
    try {
      // Nested: createBatch's own transaction becomes a savepoint of this one.
      const outcome = await createBatch(
        tx as unknown as Db,
        job.practiceId,
        job.claimIds,
        job.actor,
        now,
        job.claimType ?? 'professional',
      );
      await tx.update(submissionBatch).set({ jobId }).where(eq(submissionBatch.id, outcome.batchId));
      output = { ...outcome, jobId };
    } catch (e) {
      if (!(e instanceof ProblemError)) throw e;
      output = { problem: { code: e.code, detail: e.message, errors: e.errors } };
    }
    if (!(await stillRunning(tx)))
      throw new Error(`job ${jobId} expired before the batch was written: no claim was moved`);
    return output;
  });
}

/** The batches written by these jobs (a job's own output is lost when it finished after it expired). */
export async function batchesOfJobs(
  db: Executor,
  jobIds: string[],
): Promise<Map<string, { batchId: number; claimCount: number }>> {
  if (jobIds.length === 0) return new Map();
  const rows = await db
    .select({
      jobId: submissionBatch.jobId,
      batchId: submissionBatch.id,
      claimCount: submissionBatch.claimCount,
    })
    .from(submissionBatch)
    .where(inArray(submissionBatch.jobId, jobIds));
  return new Map(rows.map((r) => [r.jobId!, { batchId: r.batchId, claimCount: r.claimCount }]));
}
