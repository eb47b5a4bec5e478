import type { AuditActor } from '../../audit/index.ts';
import type { Executor } from '../../db/connection.ts';
import { applyAcknowledgmentIn } from './apply.ts';

/** An inbound file as the clearinghouse inbox hands it to a handler. */
export interface InboundAckFile {
  practiceId: number;
  name: string;
  content: string;
}

/**
 * The inbox handler for TA1, 999 and 277CA files: applied in the inbox's own transaction (the one
 * marking the file processed), so a file is applied once even if the server dies mid-way.
 */
export async function acknowledgmentInboundHandler(tx: Executor, file: InboundAckFile, actor: AuditActor) {
  const result = await applyAcknowledgmentIn(tx, {
    practiceId: file.practiceId,
    fileName: file.name,
    text: file.content,
    receivedAt: new Date(),
    actor,
  });
  return { outcome: result.summary, result };
}

/** Registry keys the handler answers: plug into the clearinghouse registry as `for (k of ACK_KINDS) registry.set(k, acknowledgmentInboundHandler)`. */
export const ACK_KINDS = ['TA1', '999', '277CA'] as const;
