// Real-time exchanges over a practice's http connection: a 270 answered by a 271, a 276 by a 277,
// while the front desk waits. Every exchange (the request and answer are PHI) is kept in the
// database with its audit event, never written to the process log.
import { and, desc, eq } from 'drizzle-orm';
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from '../audit/index.ts';
import type { Db, Executor } from '../db/connection.ts';
import { ProblemError } from '../shared/problem.ts';
import { httpSettings, type ConnectionRow } from './connections.ts';
import { handlerKeyOf, recogniseInbound } from './recognise.ts';
import { clearinghouseConnection, realtimeExchange } from './tables.ts';
import { HttpExchangeError, postX12 } from './transports/http.ts';

export type RealtimeRequest = '270' | '276';

/** What answers each request (the handler key: a 277 of X212, not the 277CA acknowledgment). */
const ANSWER: Record<RealtimeRequest, string> = { '270': '271', '276': '277' };

/** The practice's real-time endpoint: its first http connection, or undefined. */
export async function realtimeConnection(
  db: Executor,
  practiceId: number,
): Promise<ConnectionRow | undefined> {
  const [row] = await db
    .select()
    .from(clearinghouseConnection)
    .where(and(eq(clearinghouseConnection.practiceId, practiceId), eq(clearinghouseConnection.kind, 'http')))
    .orderBy(clearinghouseConnection.id)
    .limit(1);
  return row;
}

/** Why an answer is not the one asked for, or undefined when it is. */
function wrongAnswer(type: RealtimeRequest, body: string): string | undefined {
  const key = handlerKeyOf(recogniseInbound(body));
  if (key === ANSWER[type]) return undefined;
  return key
    ? `the endpoint answered the ${type} with a ${key}, not a ${ANSWER[type]}`
    : `the endpoint's answer to the ${type} is not X12`;
}

/**
 * Sends one 270 or 276 over the practice's http connection and answers the 271 or 277, with the
 * id of the logged exchange. Null when the practice has no http connection (the caller sends the
 * request as a batch file instead). A failure (unreachable, timed out, an HTTP error, not the
 * answer asked for) is logged too, then thrown as CLEARINGHOUSE_UNAVAILABLE with the reason.
 */
export async function sendRealtime(
  db: Db,
  practiceId: number,
  transactionType: RealtimeRequest,
  x12: string,
  actor: AuditActor = SYSTEM_ACTOR,
): Promise<{ response: string; exchangeId: number } | null> {
  const connection = await realtimeConnection(db, practiceId);
  if (!connection) return null;
  const startedAt = new Date();
  let response: string | null = null;
  let httpStatus: number | null = null;
  let error: string | null = null;
  try {
    const answer = await postX12(httpSettings(connection), x12);
    httpStatus = answer.status;
    response = answer.body;
    error = wrongAnswer(transactionType, answer.body) ?? null;
  } catch (e) {
    if (!(e instanceof HttpExchangeError)) throw e;
    httpStatus = e.status ?? null;
    response = e.body ?? null;
    error = e.message;
  }
  const milliseconds = Date.now() - startedAt.getTime();
  const exchangeId = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(realtimeExchange)
      .values({
        practiceId,
        connectionId: connection.id,
        transactionType,
        request: x12,
        response,
        httpStatus,
        error,
        startedAt,
        milliseconds,
      })
      .returning({ id: realtimeExchange.id });
    await recordAudit(tx, actor, {
      practiceId,
      action: 'create',
      entity: 'realtime_exchange',
      entityId: row!.id,
      detail: { transactionType, connection: connection.name, httpStatus, error, milliseconds },
    });
    return row!.id;
  });
  if (error)
    throw new ProblemError(
      'CLEARINGHOUSE_UNAVAILABLE',
      `real-time ${transactionType} over ${connection.name} failed: ${error} (exchange ${exchangeId})`,
      [],
      { resource: `realtime exchange ${exchangeId}` },
    );
  return { response: response ?? '', exchangeId };
}

/** The practice's exchange log, newest first, with the request and answer. */
export async function listRealtimeExchanges(db: Executor, practiceId: number, limit = 200) {
  const rows = await db
    .select({
      id: realtimeExchange.id,
      connectionId: realtimeExchange.connectionId,
      connectionName: clearinghouseConnection.name,
      transactionType: realtimeExchange.transactionType,
      request: realtimeExchange.request,
      response: realtimeExchange.response,
      httpStatus: realtimeExchange.httpStatus,
      error: realtimeExchange.error,
      startedAt: realtimeExchange.startedAt,
      milliseconds: realtimeExchange.milliseconds,
    })
    .from(realtimeExchange)
    .innerJoin(clearinghouseConnection, eq(clearinghouseConnection.id, realtimeExchange.connectionId))
    .where(eq(realtimeExchange.practiceId, practiceId))
    .orderBy(desc(realtimeExchange.startedAt), desc(realtimeExchange.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, startedAt: r.startedAt.toISOString() }));
}
