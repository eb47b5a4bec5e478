// What the clearinghouse needs of a 276 batch to upload it (the same contract as 837 and 270 batches).
import { recordAudit, type AuditActor } from '../../audit/index.ts';
import { outboundFileDelivery } from '../../db/outbound-files.ts';
import { claimStatusBatch } from '../status-tables.ts';

export const claimStatusBatchDelivery = outboundFileDelivery<AuditActor>(
  claimStatusBatch,
  'claim_status_batch',
  recordAudit,
);
