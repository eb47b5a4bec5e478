import { createHash } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../audit/index.ts';
import type { Db, Executor } from '../db/connection.ts';
import { notFound, ProblemError } from '../shared/problem.ts';
import type { HandlerRegistry } from './handlers.ts';
import { handlerKeyOf, recogniseInbound } from './recognise.ts';
import { clearinghouseConnection, inboundFile } from './tables.ts';
import type { Transport } from './transports/transport.ts';

export const sha256Of = (content: string) => createHash('sha256').update(content).digest('hex');

/**
 * Stores one received file (archived whole with its hash). The same content on the same connection
 * is stored once: a file fetched again after a crash (before it was archived remotely) is no news.
 */
export async function receiveFile(
  db: Executor,
  connection: { id: number; practiceId: number },
  name: string,
  content: string,
  now: Date,
): Promise<{ id: number; duplicate: boolean }> {
  const sha256 = sha256Of(content);
  const { transactionType, guide } = recogniseInbound(content);
  const [row] = await db
    .insert(inboundFile)
    .values({
      practiceId: connection.practiceId,
      connectionId: connection.id,
      name,
      receivedAt: now,
      sha256,
      transactionType,
      guide,
      content,
      ...(transactionType ? {} : { state: 'unrecognised', outcome: 'not an X12 file: kept, not applied' }),
    })
    .onConflictDoNothing()
    .returning({ id: inboundFile.id });
  if (row) return { id: row.id, duplicate: false };
  const [existing] = await db
    .select({ id: inboundFile.id })
    .from(inboundFile)
    .where(and(eq(inboundFile.connectionId, connection.id), eq(inboundFile.sha256, sha256)));
  return { id: existing!.id, duplicate: true };
}

/**
 * Applies one received file exactly once: the row is locked and its state moves to processed in
 * the same transaction as the handler's work. Killed mid-way, the transaction never commits and
 * the file is still "received" for the next run. A handler's refusal marks it failed, with why.
 */
export async function processInboundFile(
  db: Db,
  id: number,
  handlers: HandlerRegistry,
  actor: AuditActor,
): Promise<{ state: string; outcome: string } | null> {
  let failure: string | null = null;
  const done = await db
    .transaction(async (tx) => {
      const [file] = await tx
        .select()
        .from(inboundFile)
        .where(and(eq(inboundFile.id, id), eq(inboundFile.state, 'received')))
        .for('update', { skipLocked: true });
      if (!file) return null;
      const key = handlerKeyOf(file);
      const handler = key ? handlers.get(key) : undefined;
      const { outcome, result } = handler
        ? await handler(tx as unknown as Db, file, actor)
        : { outcome: `no handler yet for ${key ?? 'this file'}: kept, not applied`, result: null };
      const state = handler ? 'processed' : 'unhandled';
      await tx
        .update(inboundFile)
        .set({ state, outcome, result: result ?? null, processedAt: new Date() })
        .where(eq(inboundFile.id, id));
      await recordAudit(tx, actor, {
        practiceId: file.practiceId,
        action: 'update',
        entity: 'inbound_file',
        entityId: id,
        before: { state: 'received' },
        after: { state, outcome },
      });
      return { state, outcome };
    })
    .catch((e: unknown) => {
      if (!(e instanceof ProblemError)) throw e;
      failure = e.errors.length ? `${e.message}: ${e.errors.map((x) => x.detail).join('; ')}` : e.message;
      return null;
    });
  if (failure === null) return done;
  await db
    .update(inboundFile)
    .set({ state: 'failed', outcome: failure, processedAt: new Date() })
    .where(and(eq(inboundFile.id, id), eq(inboundFile.state, 'received')));
  return { state: 'failed', outcome: failure };
}

/** Files of a connection still waiting to be applied (a run killed mid-way leaves some). */
export async function pendingFiles(db: Executor, connectionId: number): Promise<number[]> {
  const rows = await db
    .select({ id: inboundFile.id })
    .from(inboundFile)
    .where(and(eq(inboundFile.connectionId, connectionId), eq(inboundFile.state, 'received')))
    .orderBy(inboundFile.id);
  return rows.map((r) => r.id);
}

export interface PollOutcome {
  received: number;
  duplicates: number;
  processed: { id: number; name: string; state: string; outcome: string }[];
}

/**
 * One poll of a connection: each waiting file is downloaded, stored, then moved to archive/ on
 * the server; then every stored file not yet applied is applied. Storing comes before archiving,
 * so a crash between the two only fetches the file again, and its hash makes it no news.
 */
export async function pollConnection(
  db: Db,
  connection: { id: number; practiceId: number },
  transport: Transport,
  handlers: HandlerRegistry,
  actor: AuditActor,
  now: Date,
): Promise<PollOutcome> {
  const out: PollOutcome = { received: 0, duplicates: 0, processed: [] };
  for (const file of await transport.listInbound()) {
    const content = await transport.download(file);
    const stored = await receiveFile(db, connection, file.name, content, now);
    if (stored.duplicate) out.duplicates += 1;
    else out.received += 1;
    await transport.archive(file);
  }
  await db
    .update(clearinghouseConnection)
    .set({ lastPolledAt: now })
    .where(eq(clearinghouseConnection.id, connection.id));
  for (const id of await pendingFiles(db, connection.id)) {
    const done = await processInboundFile(db, id, handlers, actor);
    if (done) {
      const [row] = await db
        .select({ name: inboundFile.name })
        .from(inboundFile)
        .where(eq(inboundFile.id, id));
      out.processed.push({ id, name: row!.name, ...done });
    }
  }
  return out;
}

/** The Inbox: every file received, newest first (without the content). */
export async function listInbox(db: Executor, practiceId: number, limit = 200) {
  return db
    .select({
      id: inboundFile.id,
      connectionId: inboundFile.connectionId,
      connectionName: clearinghouseConnection.name,
      name: inboundFile.name,
      receivedAt: inboundFile.receivedAt,
      sha256: inboundFile.sha256,
      transactionType: inboundFile.transactionType,
      guide: inboundFile.guide,
      state: inboundFile.state,
      outcome: inboundFile.outcome,
      processedAt: inboundFile.processedAt,
      size: sql<number>`length(${inboundFile.content})`.mapWith(Number),
    })
    .from(inboundFile)
    .innerJoin(clearinghouseConnection, eq(clearinghouseConnection.id, inboundFile.connectionId))
    .where(eq(inboundFile.practiceId, practiceId))
    .orderBy(desc(inboundFile.receivedAt), desc(inboundFile.id))
    .limit(limit);
}

/** One received file with its raw content. */
export async function inboxFile(db: Executor, practiceId: number, id: number) {
  const [row] = await db
    .select()
    .from(inboundFile)
    .where(and(eq(inboundFile.id, id), eq(inboundFile.practiceId, practiceId)));
  if (!row) throw notFound(`inbound file ${id}`);
  return row;
}
