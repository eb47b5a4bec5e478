import type { AuditActor } from '../audit/index.ts';
import {
  batchForDelivery,
  batchesNotSent,
  claimStatusBatchDelivery,
  markBatchSent,
  recordUploadFailure,
} from '../claims/index.ts';
import type { Db, Executor } from '../db/connection.ts';
import { eligibilityBatchDelivery } from '../eligibility/index.ts';

/** What goes out over a connection as a file: 837 claim batches, 270 eligibility and 276 claim status batches. */
export type OutboundKind = 'claims' | 'eligibility' | 'claim-status';
export const OUTBOUND_KINDS: readonly OutboundKind[] = ['claims', 'eligibility', 'claim-status'];

/**
 * How the domain that wrote a batch hands it over and hears it was sent. Each domain declares the
 * same shape structurally (it never imports the clearinghouse); the upload job and the poll use it.
 */
export interface OutboundDelivery {
  forDelivery(
    db: Executor,
    id: number,
  ): Promise<{ id: number; practiceId: number; state: string; fileName: string; x12: string } | null>;
  /** The practice's batches written and not sent yet (state generated), oldest first. */
  notSent(db: Executor, practiceId: number): Promise<number[]>;
  /** Its own transaction and audit event; false when the batch was no longer generated. */
  markSent(
    db: Db,
    id: number,
    actor: AuditActor,
    now: Date,
    detail: { how: string } & Record<string, unknown>,
  ): Promise<boolean>;
  recordUploadFailure(
    db: Db,
    id: number,
    actor: AuditActor,
    now: Date,
    why: string,
    detail: Record<string, unknown>,
  ): Promise<void>;
}

const claimBatches: OutboundDelivery = {
  forDelivery: batchForDelivery,
  notSent: batchesNotSent,
  markSent: markBatchSent,
  recordUploadFailure,
};

/** Every kind the clearinghouse sends, by kind. */
const OUTBOUND: Record<OutboundKind, OutboundDelivery> = {
  claims: claimBatches,
  eligibility: eligibilityBatchDelivery,
  'claim-status': claimStatusBatchDelivery,
};

/** The delivery of a kind (837 claims when not said). */
export const deliveryOf = (kind: OutboundKind = 'claims'): OutboundDelivery => OUTBOUND[kind];
