// What other domains and the wiring use of eligibility.
import { recordAudit } from '../audit/index.ts';
import { outboundFileDelivery } from '../db/outbound-files.ts';
import { eligibilityBatch } from './tables.ts';

export { eligibilityFinding, estimateVisit, type LastCheck, type EligibilityFinding } from './benefits.ts';
export { lastEligibilitiesFor, lastEligibilityFor, type CheckView } from './store.ts';
export {
  createBatch,
  createCheck,
  eligibilityInboundHandler,
  recordAnswer,
  recordAnswerIn,
  type EligibilityDeps,
  type EligibilityEnvelope,
} from './service.ts';

/** A written 270 batch as the clearinghouse uploads it (its OutboundDelivery, declared there). */
export const eligibilityBatchDelivery = outboundFileDelivery(
  eligibilityBatch,
  'eligibility_batch',
  recordAudit,
);
