import type { FastifyInstance } from 'fastify';
import type { Executor } from '../db/connection.ts';
import type { Actor } from './access.ts';

/** One audit event as the resource engine records it (src/audit's AuditEntry). */
export interface AuditRecord {
  practiceId: number | null;
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  detail?: unknown;
}

/** Appends an audit event in the caller's transaction: src/audit's recordAudit, handed over by the wiring. */
export type AuditRecorder = (db: Executor, actor: Actor, entry: AuditRecord) => Promise<void>;

declare module 'fastify' {
  interface FastifyInstance {
    recordAudit: AuditRecorder;
  }
}

/** The wiring gives the toolkit the audit trail once; the resource engine records through it. */
export function registerAuditTrail(app: FastifyInstance, recordAudit: AuditRecorder): void {
  app.decorate('recordAudit', recordAudit);
}
