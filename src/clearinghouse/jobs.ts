import { SYSTEM_ACTOR, type AuditActor } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { JobContext, JobDefinition } from '../jobs/queue.ts';
import { allConnections, connectionRow, openTransport, type ConnectionRow } from './connections.ts';
import { defaultHandlers } from './handlers.ts';
import { pollConnection, type PollOutcome } from './inbound.ts';
import { deliveryOf, OUTBOUND_KINDS, type OutboundKind } from './outbound.ts';

export interface UploadJob {
  practiceId: number;
  /** Which domain's batch: 837 claims (the default), 270 eligibility or 276 claim status. */
  kind?: OutboundKind;
  batchId: number;
  connectionId?: number;
  actor?: AuditActor;
}

export interface PollJob {
  /** One connection (on demand); absent: every connection of every practice (the schedule). */
  practiceId?: number;
  connectionId?: number;
  actor?: AuditActor;
}

const dataDir = () => process.env.CLEANCLAIM_DATA_DIR ?? './data';

/**
 * The connection a practice's batches go out over: a folder pair, or SFTP once its host key is
 * confirmed (an http connection answers one real-time request at a time: no files).
 */
export async function activeConnection(db: Db, practiceId: number): Promise<ConnectionRow | undefined> {
  return (await allConnections(db)).find((c) => c.practiceId === practiceId && isUsable(c));
}
const isUsable = (c: ConnectionRow) =>
  c.kind === 'folder' || (c.kind === 'sftp' && c.hostKeyConfirmedAt !== null);

/**
 * Uploads one batch over the practice's connection and only then marks it sent, its claims
 * submitted with it in one transaction. The upload is atomic (temporary name, then rename over
 * any file an earlier attempt left), so running it again after a failure is harmless: the batch
 * arrives complete, once. A failure is noted on the batch (its claims stay batched) and thrown,
 * so the job retries with backoff.
 */
export async function uploadBatch(
  db: Db,
  job: UploadJob,
  now: Date,
): Promise<{ sent: boolean; path?: string; detail: string }> {
  const delivery = deliveryOf(job.kind);
  const batch = await delivery.forDelivery(db, job.batchId);
  if (!batch || batch.practiceId !== job.practiceId)
    return { sent: false, detail: `batch ${job.batchId} not found` };
  if (batch.state !== 'generated')
    return { sent: false, detail: `batch ${batch.id} was already ${batch.state}` };
  const connection = job.connectionId
    ? await connectionRow(db, job.practiceId, job.connectionId)
    : await activeConnection(db, job.practiceId);
  if (!connection) return { sent: false, detail: 'the practice has no clearinghouse connection' };
  const actor = job.actor ?? SYSTEM_ACTOR;
  let path: string;
  try {
    const transport = await openTransport(connection, { dataDir: dataDir() });
    try {
      ({ path } = await transport.upload(batch.fileName, batch.x12));
    } finally {
      await transport.close();
    }
  } catch (e) {
    const why = `upload to ${connection.name} failed: ${(e as Error).message}`;
    await delivery.recordUploadFailure(db, batch.id, actor, new Date(), why, { connection: connection.name });
    throw e;
  }
  const marked = await delivery.markSent(db, batch.id, actor, now, {
    how: `uploaded to ${connection.name}`,
    connection: connection.name,
    path,
  });
  // Released by the biller while the file was on its way: it did arrive, and the job says so.
  if (!marked)
    return {
      sent: true,
      path,
      detail:
        (job.kind ?? 'claims') === 'claims'
          ? `uploaded to ${connection.name}, but batch ${batch.id} was released meanwhile: its claims are not marked submitted; check with the clearinghouse before sending them again`
          : `uploaded to ${connection.name}, but batch ${batch.id} was no longer waiting to be sent`,
    };
  return { sent: true, path, detail: `uploaded to ${connection.name}` };
}

/**
 * Queues a written batch's upload at once when the practice has a usable connection (the claims'
 * batch job calls this through the wiring); without one the biller sends the file by hand.
 */
export async function queueUpload(
  batch: { practiceId: number; batchId: number; actor: AuditActor },
  ctx: Pick<JobContext, 'database' | 'enqueue'>,
): Promise<{ uploadJobId: string; connection: string } | undefined> {
  const connection = await activeConnection(ctx.database.db, batch.practiceId);
  if (!connection) return undefined;
  const uploadJobId = await ctx.enqueue(
    'clearinghouse.upload',
    { ...batch, connectionId: connection.id } satisfies UploadJob,
    { practiceId: batch.practiceId, requestedBy: batch.actor.userId },
  );
  return { uploadJobId, connection: connection.name };
}

/**
 * The same for a 270 or 276 batch (or an 837 one): the eligibility and claim status domains call it
 * through the wiring with the batch they wrote; the queue is the job's own or the server's.
 */
export async function queueOutboundUpload(
  practiceId: number,
  kind: OutboundKind,
  batchId: number,
  ctx: Pick<JobContext, 'database' | 'enqueue'>,
  actor: AuditActor = SYSTEM_ACTOR,
): Promise<{ uploadJobId: string; connection: string } | undefined> {
  const connection = await activeConnection(ctx.database.db, practiceId);
  if (!connection) return undefined;
  const uploadJobId = await ctx.enqueue(
    'clearinghouse.upload',
    { practiceId, kind, batchId, connectionId: connection.id, actor } satisfies UploadJob,
    { practiceId, requestedBy: actor.userId },
  );
  return { uploadJobId, connection: connection.name };
}

/** Polls one connection: uploads the batches of every kind not sent yet, then fetches and applies its answers. */
export async function pollOne(
  db: Db,
  connection: ConnectionRow,
  actor: AuditActor,
  now: Date,
): Promise<PollOutcome & { uploaded: number }> {
  let uploaded = 0;
  for (const kind of OUTBOUND_KINDS) {
    for (const batchId of await deliveryOf(kind).notSent(db, connection.practiceId)) {
      // A batch that fails stays unsent with the error noted on it; the answers are fetched all the same.
      const r = await uploadBatch(
        db,
        { practiceId: connection.practiceId, kind, batchId, connectionId: connection.id, actor },
        now,
      ).catch(() => ({ sent: false }));
      if (r.sent) uploaded += 1;
    }
  }
  const transport = await openTransport(connection, { dataDir: dataDir() });
  try {
    return { uploaded, ...(await pollConnection(db, connection, transport, defaultHandlers(), actor, now)) };
  } finally {
    await transport.close();
  }
}

/** Clearinghouse background work: uploads (retried with backoff) and polls. */
export const clearinghouseJobs: JobDefinition<never>[] = [
  {
    name: 'clearinghouse.upload',
    expireInSeconds: 600,
    // Safe to run again: the rename replaces a half-sent file, and a sent batch is not sent twice.
    retrySafe: true,
    retryLimit: 6,
    retryDelaySeconds: 30,
    async run(data: UploadJob, ctx) {
      return uploadBatch(ctx.database.db, data, new Date());
    },
  } satisfies JobDefinition<UploadJob> as JobDefinition<never>,
  {
    name: 'clearinghouse.poll',
    expireInSeconds: 900,
    singleton: true,
    // Safe to run again: each file is stored once by its hash and applied once.
    retrySafe: true,
    retryLimit: 3,
    retryDelaySeconds: 60,
    async run(data: PollJob, ctx) {
      const db = ctx.database.db;
      const actor = data.actor ?? SYSTEM_ACTOR;
      const rows =
        data.connectionId && data.practiceId
          ? [await connectionRow(db, data.practiceId, data.connectionId)]
          : (await allConnections(db)).filter(isUsable);
      const results = [];
      const failures = [];
      for (const row of rows) {
        try {
          results.push({ connectionId: row.id, ...(await pollOne(db, row, actor, new Date())) });
        } catch (e) {
          // One connection down does not stop the others; the job fails at the end so it retries.
          failures.push({ connectionId: row.id, detail: (e as Error).message });
        }
      }
      if (failures.length && data.connectionId) throw new Error(failures[0]!.detail);
      return { results, failures };
    },
  } satisfies JobDefinition<PollJob> as JobDefinition<never>,
];
