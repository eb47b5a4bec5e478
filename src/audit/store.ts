import type { Executor } from '../db/connection.ts';
import { insertRows } from '../db/raw.ts';

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
  const json = (v: unknown) => (v == null ? null : JSON.stringify(v));
  await insertRows(
    db,
    'audit_event',
    [
      'user_id',
      'user_email',
      'ip',
      'practice_id',
      'action',
      'entity',
      'entity_id',
      'before',
      'after',
      'detail',
    ],
    entries.map((entry) => [
      actor.userId,
      actor.userEmail,
      actor.ip,
      entry.practiceId,
      entry.action,
      entry.entity,
      entry.entityId == null ? null : String(entry.entityId),
      json(entry.before),
      json(entry.after),
      json(entry.detail),
    ]),
  );
}
