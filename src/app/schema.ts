// Every table, gathered for drizzle-kit (drizzle.config.ts). Each domain owns its tables; this index
// is wiring, so src/db names no domain.
export * from '../practices/tables.ts';
export * from '../payers/tables.ts';
export * from '../patients/tables.ts';
export * from '../encounters/tables.ts';
export * from '../auth/tables.ts';
export * from '../audit/tables.ts';
export * from '../jobs/tables.ts';
export * from '../claims/tables.ts';
export * from '../scrubber/tables.ts';
export * from '../codesets/storage/tables.ts';
export * from '../claims/batch-tables.ts';
export * from '../claims/ack-tables.ts';
export * from '../scrubber/ncci-files.ts';
export * from '../ledger/tables.ts';
export * from '../remits/tables.ts';
export * from '../denials/tables.ts';
export * from '../ledger/statements/tables.ts';
export * from '../clearinghouse/tables.ts';
export * from '../claims/status-tables.ts';
export * from '../eligibility/tables.ts';
export * from '../coding/tables.ts';
export * from '../charts/tables.ts';
export * from '../workforce/tables.ts';
export * from '../coding/query-tables.ts';
export * from '../coding/audit-tables.ts';
export * from '../workforce/staff-tables.ts';
