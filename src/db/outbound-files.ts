// The delivery side of a table of outbound X12 files (270 and 276 batches): what the clearinghouse
// needs of one to upload it, and how it says the file was sent or why not. One helper for every such
// table, so each kind is marked sent and audited the same way; the audit writer is handed in (the
// toolkit imports no domain).
import { and, eq } from 'drizzle-orm';
import { integer, text, timestamp, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import type { Db, Executor } from './connection.ts';

/** The columns every table of outbound inquiry files has (eligibility_batch, claim_status_batch). */
export const outboundFileColumns = () => ({
  /** generated (written, not yet uploaded) or sent. */
  state: text().notNull().default('generated'),
  interchangeControlNumber: integer().notNull(),
  inquiryCount: integer().notNull(),
  fileName: text().notNull(),
  x12: text().notNull(),
  createdBy: integer(),
  createdAt: createdAt(),
  sentAt: timestamp({ withTimezone: true }),
  uploadError: text(),
  uploadFailedAt: timestamp({ withTimezone: true }),
});

/** A table of outbound files: these columns at least (claim_status_batch, eligibility_batch). */
export type OutboundFileTable = PgTable & {
  id: PgColumn;
  practiceId: PgColumn;
  /** generated (written, not uploaded yet) or sent. */
  state: PgColumn;
  fileName: PgColumn;
  x12: PgColumn;
  sentAt: PgColumn;
  uploadError: PgColumn;
  uploadFailedAt: PgColumn;
};

export interface OutboundFile {
  id: number;
  practiceId: number;
  state: string;
  fileName: string;
  x12: string;
}

/** The audit entry the helper writes; `audit` is src/audit's recordAudit. */
export interface OutboundAuditEntry {
  practiceId: number;
  action: 'update';
  entity: string;
  entityId: number;
  before?: unknown;
  after?: unknown;
  detail?: unknown;
}

export function outboundFileDelivery<Actor>(
  table: OutboundFileTable,
  entity: string,
  audit: (tx: Executor, actor: Actor, entry: OutboundAuditEntry) => Promise<void>,
) {
  /** Sets columns on the file while it is still generated; answers its practice, or undefined. */
  const whileGenerated = async (tx: Executor, id: number, values: Record<string, unknown>) => {
    const [row] = await tx
      .update(table)
      .set(values as never)
      .where(and(eq(table.id, id), eq(table.state, 'generated')))
      .returning({ practiceId: table.practiceId });
    return row as { practiceId: number } | undefined;
  };
  return {
    async forDelivery(db: Executor, id: number): Promise<OutboundFile | null> {
      const [row] = await db
        .select({
          id: table.id,
          practiceId: table.practiceId,
          state: table.state,
          fileName: table.fileName,
          x12: table.x12,
        })
        .from(table as PgTable)
        .where(eq(table.id, id));
      return (row as OutboundFile | undefined) ?? null;
    },

    /** The practice's files written and not sent yet, oldest first. */
    async notSent(db: Executor, practiceId: number): Promise<number[]> {
      const rows = await db
        .select({ id: table.id })
        .from(table as PgTable)
        .where(and(eq(table.practiceId, practiceId), eq(table.state, 'generated')))
        .orderBy(table.id);
      return rows.map((r) => r.id as number);
    },

    /** Marks a generated file sent, once (false when it no longer was), with its audit, in its own transaction. */
    async markSent(
      db: Db,
      id: number,
      actor: Actor,
      now: Date,
      detail: { how: string } & Record<string, unknown>,
    ): Promise<boolean> {
      return db.transaction(async (tx) => {
        const moved = await whileGenerated(tx, id, {
          state: 'sent',
          sentAt: now,
          uploadError: null,
          uploadFailedAt: null,
        });
        if (!moved) return false;
        await audit(tx, actor, {
          practiceId: moved.practiceId,
          action: 'update',
          entity,
          entityId: id,
          before: { state: 'generated' },
          after: { state: 'sent' },
          detail,
        });
        return true;
      });
    },

    /** Notes why an upload failed on a file not sent yet, with its audit; the next upload clears it. */
    async recordUploadFailure(
      db: Db,
      id: number,
      actor: Actor,
      now: Date,
      why: string,
      detail: Record<string, unknown>,
    ): Promise<void> {
      await db.transaction(async (tx) => {
        const failed = await whileGenerated(tx, id, { uploadError: why, uploadFailedAt: now });
        if (failed)
          await audit(tx, actor, {
            practiceId: failed.practiceId,
            action: 'update',
            entity,
            entityId: id,
            detail: { ...detail, uploadError: why },
          });
      });
    },
  };
}
