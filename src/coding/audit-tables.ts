import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../db/columns.ts';
import { appUser } from '../auth/tables.ts';
import { practice } from '../practices/tables.ts';
import type { ChartScore, CodedChart } from './audits-score.ts';
import { codingChart } from './tables.ts';

/**
 * A coding audit: a sample of the charts sent to billing in a period, random or targeted at a
 * coder, a code or a payer, by percentage.
 */
export const codingAudit = pgTable(
  'coding_audit',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    name: text().notNull(),
    /** random or targeted. */
    sampling: text().notNull(),
    /** The targeted sample's filter: { coderId?, code?, payerId? }. */
    criteria: jsonb().$type<{ coderId?: number; code?: string; payerId?: number }>().notNull(),
    /** Percent of the matching charts drawn, 1–100. */
    percent: integer().notNull(),
    periodFrom: date({ mode: 'string' }).notNull(),
    periodTo: date({ mode: 'string' }).notNull(),
    /** The draw's seed, so the sample can be shown to be the one drawn. */
    seed: integer().notNull(),
    createdBy: integer().references(() => appUser.id),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.practiceId, t.createdAt)],
);

/**
 * One sampled chart: the coder's codes as they were sent (kept, so later edits do not change the
 * audit), the auditor's blind re-code, the score, and the coder's dispute.
 */
export const codingAuditChart = pgTable(
  'coding_audit_chart',
  {
    id: id(),
    auditId: integer()
      .notNull()
      .references(() => codingAudit.id, { onDelete: 'cascade' }),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    codingChartId: integer()
      .notNull()
      .references(() => codingChart.id, { onDelete: 'cascade' }),
    encounterId: integer().notNull(),
    coderId: integer().references(() => appUser.id),
    chartType: text().notNull(),
    serviceDate: date({ mode: 'string' }).notNull(),
    coderCoding: jsonb().$type<CodedChart>().notNull(),
    auditorCoding: jsonb().$type<CodedChart>(),
    auditorId: integer().references(() => appUser.id),
    auditedAt: timestamp({ withTimezone: true }),
    score: jsonb().$type<ChartScore>(),
    /** open, upheld (the audit stands), overturned (the coder's codes stand). */
    disputeState: text(),
    disputeText: text(),
    disputedAt: timestamp({ withTimezone: true }),
    resolution: text(),
    resolvedBy: integer().references(() => appUser.id),
    resolvedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex().on(t.auditId, t.codingChartId), index().on(t.practiceId, t.coderId, t.auditedAt)],
);
