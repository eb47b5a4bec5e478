// What other domains use of the audit trail: record events in the caller's transaction.
export { SYSTEM_ACTOR, recordAudit, recordAudits, type AuditActor, type AuditEntry } from './store.ts';
