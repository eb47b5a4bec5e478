import type { Executor } from '../db/connection.ts';
import { insertMany } from '../db/raw.ts';
import { auditEvent } from './tables.ts';

/** The actor for work the system does on its own (first start, scheduled jobs). */
export const SYSTEM_ACTOR: AuditActor = { userId: null, userEmail: 'system', ip: null };

export interface AuditActor {
  userId: number | null;
  userEmail: string | null;
  ip: string | null;
}

export interface AuditEntry {
  practiceId: number | null;
  action:
    | 'read'
    | 'list'
    | 'export'
    | 'create'
    | 'update'
    | 'delete'
    | 'login'
    | 'login-failed'
    | 'logout'
    | string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  detail?: unknown;
}

/** Appends one audit event; call it inside the transaction that makes the change it records. */
export async function recordAudit(db: Executor, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await recordAudits(db, actor, [entry]);
}

/**
 * Appends many audit events in one statement (bulk imports, seeding, an 835 chunk's postings), by
 * plain SQL: drizzle's builder walking every before/after value cost more than the insert.
 */
export async function recordAudits(db: Executor, actor: AuditActor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await insertMany(
    db,
    auditEvent,
    entries.map((entry) => ({
      userId: actor.userId,
      userEmail: actor.userEmail,
      ip: actor.ip,
      practiceId: entry.practiceId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId == null ? null : String(entry.entityId),
      before: entry.before ?? null,
      after: entry.after ?? null,
      detail: entry.detail ?? null,
    })),
  );
}
