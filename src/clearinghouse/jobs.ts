import { SYSTEM_ACTOR, type AuditActor } from '../audit/index.ts';
import { batchForDelivery, batchesNotSent, markBatchSent } from '../claims/index.ts';
import type { Db } from '../db/connection.ts';
import type { JobDefinition } from '../jobs/queue.ts';
import { allConnections, connectionRow, openTransport, type ConnectionRow } from './connections.ts';
import { defaultHandlers } from './handlers.ts';
import { pollConnection, type PollOutcome } from './inbound.ts';

export interface UploadJob {
  practiceId: number;
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
 * Uploads one batch over the practice's connection and only then marks it sent. The upload is
 * atomic (temporary name, then rename over any file an earlier attempt left), so running it again
 * after a failure is harmless: the batch arrives complete, once.
 */
export async function uploadBatch(
  db: Db,
  job: UploadJob,
  now: Date,
): Promise<{ sent: boolean; path?: string; detail: string }> {
  const batch = await batchForDelivery(db, job.batchId);
  if (!batch || batch.practiceId !== job.practiceId)
    return { sent: false, detail: `batch ${job.batchId} not found` };
  if (batch.state !== 'generated')
    return { sent: false, detail: `batch ${batch.id} was already ${batch.state}` };
  const rows = job.connectionId
    ? [await connectionRow(db, job.practiceId, job.connectionId)]
    : (await allConnections(db)).filter((c) => c.practiceId === job.practiceId);
  const connection = rows[0];
  if (!connection) return { sent: false, detail: 'the practice has no clearinghouse connection' };
  const transport = await openTransport(connection, { dataDir: dataDir() });
  try {
    const { path } = await transport.upload(batch.fileName, batch.x12);
    await markBatchSent(db, batch.id, job.actor ?? SYSTEM_ACTOR, now, { connection: connection.name, path });
    return { sent: true, path, detail: `uploaded to ${connection.name}` };
  } finally {
    await transport.close();
  }
}

/** Polls one connection: uploads the batches not sent yet, then fetches and applies its answers. */
export async function pollOne(
  db: Db,
  connection: ConnectionRow,
  actor: AuditActor,
  now: Date,
): Promise<PollOutcome & { uploaded: number }> {
  let uploaded = 0;
  for (const batchId of await batchesNotSent(db, connection.practiceId)) {
    const r = await uploadBatch(
      db,
      { practiceId: connection.practiceId, batchId, connectionId: connection.id, actor },
      now,
    );
    if (r.sent) uploaded += 1;
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
          : (await allConnections(db)).filter((c) => c.kind === 'folder' || c.hostKeyConfirmedAt);
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
