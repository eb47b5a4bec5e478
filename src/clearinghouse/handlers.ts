import type { AuditActor } from '../audit/index.ts';
import { ACK_KINDS, acknowledgmentInboundHandler, claimStatusInboundHandler } from '../claims/index.ts';
import type { Db } from '../db/connection.ts';
import { eligibilityInboundHandler } from '../eligibility/index.ts';
import { importEra } from '../remits/index.ts';

/** A received file as a handler sees it. */
export interface InboundFileForHandler {
  id: number;
  practiceId: number;
  name: string;
  content: string;
  transactionType: string | null;
  guide: string | null;
}

/** What a handler did, in a biller's words, and its details for the Inbox. */
export interface HandlerOutcome {
  outcome: string;
  result?: unknown;
}

/**
 * Applies one file inside the transaction that marks it processed (`tx`): either both commit or
 * neither, so a file is applied exactly once even when the process is killed mid-way.
 */
export type InboundHandler = (
  tx: Db,
  file: InboundFileForHandler,
  actor: AuditActor,
) => Promise<HandlerOutcome>;

/** Handlers by what the file is (ST01, 277CA for a 277 of guide X214, TA1). */
export type HandlerRegistry = Map<string, InboundHandler>;

/** 835: the remittance domain imports and posts it (the same path as `cleanclaim era import`). */
const remittanceHandler: InboundHandler = async (tx, file, actor) => {
  const outcome = await importEra(tx, file.practiceId, file.name, file.content, {
    userId: actor.userId,
    userEmail: actor.userEmail,
    concurrency: 1,
  });
  return { outcome: outcome.message, result: outcome };
};

/** The handlers each domain registers; acknowledgments (TA1, 999, 277CA) are added by their domain. */
export function defaultHandlers(): HandlerRegistry {
  const registry: HandlerRegistry = new Map([['835', remittanceHandler]]);
  // TA1, 999 and 277CA: the claims domain applies them to the batches and claims they answer.
  for (const kind of ACK_KINDS) registry.set(kind, acknowledgmentInboundHandler);
  // 277 of X212 (claim status answers; the X214 277CA is an acknowledgment above): the claims' statuses.
  registry.set('277', claimStatusInboundHandler);
  // 271: the eligibility domain stores each answer with the check it answers.
  registry.set('271', eligibilityInboundHandler);
  return registry;
}
