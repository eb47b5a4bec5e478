import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import type { AuditActor } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import { markBatchSent, recordUploadFailure } from './batch-delivery.ts';
import { submissionBatch, submitterSettings } from './batch-tables.ts';

/** The data directory outbox folders are relative to (CLEANCLAIM_DATA_DIR, as the server's config reads it). */
export function dataDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env.CLEANCLAIM_DATA_DIR ?? './data';
}

export type Delivery = { sentTo: string } | { notSent: string } | null;

/**
 * Sends a written batch over the practice's connection. The outbox connection writes the file
 * into its folder under a temporary name and renames it, so a clearinghouse client watching the
 * folder never picks up half a file; the batch is then marked sent, and its claims submitted, in
 * a transaction with its audit event. Runs after the batch is committed: if the process stops in
 * between or the write fails, the batch stays "generated" (the failure noted on it), its claims
 * stay batched, and its file can still be downloaded. Null: the practice has no outbox.
 */
export async function deliverBatch(
  db: Db,
  batchId: number,
  actor: AuditActor,
  now: Date,
  dataDir: string = dataDirectory(),
): Promise<Delivery> {
  const [batch] = await db.select().from(submissionBatch).where(eq(submissionBatch.id, batchId));
  if (!batch) return null;
  const [settings] = await db
    .select({ outboxDir: submitterSettings.outboxDir })
    .from(submitterSettings)
    .where(eq(submitterSettings.practiceId, batch.practiceId));
  if (!settings?.outboxDir) return null;
  const folder = resolve(dataDir, settings.outboxDir);
  const path = join(folder, batch.fileName);
  try {
    await mkdir(folder, { recursive: true });
    await writeFile(`${path}.part`, batch.x12);
    await rename(`${path}.part`, path);
  } catch (e) {
    const notSent = `the file could not be written to the outbox ${folder}: ${(e as Error).message}`;
    await recordUploadFailure(db, batchId, actor, now, notSent, { outbox: folder });
    return { notSent };
  }
  await markBatchSent(db, batchId, actor, now, { how: `written to the outbox ${path}`, outbox: path });
  return { sentTo: path };
}

/** A claims.batch job's answer with the batch sent over the practice's connection, when it has one. */
export async function sendWrittenBatch<T extends object>(
  db: Db,
  actor: AuditActor,
  output: T,
): Promise<T & { delivery?: Delivery }> {
  if (!('batchId' in output) || typeof output.batchId !== 'number') return output;
  const delivery = await deliverBatch(db, output.batchId, actor, new Date());
  return delivery ? { ...output, delivery } : output;
}
