import { inArray } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { patientFieldsOf } from '../patients/index.ts';
import { payersByIds } from '../payers/index.ts';
import { claim } from './tables.ts';

/** How a work queue names a claim: its patient, payer and claim number (other domains' lists). */
export interface ClaimLabel {
  claimId: number;
  practiceId: number;
  patientControlNumber: string;
  state: string;
  patientId: number;
  patientName: string;
  payerId: number;
  payerName: string;
  renderingProviderId: number;
  totalChargeCents: number;
}

/** The labels of these claims; unknown ids are left out. */
export async function claimLabels(db: Executor, claimIds: readonly number[]): Promise<ClaimLabel[]> {
  if (claimIds.length === 0) return [];
  const rows = await db
    .select({
      claimId: claim.id,
      practiceId: claim.practiceId,
      patientControlNumber: claim.patientControlNumber,
      state: claim.state,
      patientId: claim.patientId,
      patientName: patientFieldsOf(claim.patientId).name,
      payerId: claim.payerId,
      renderingProviderId: claim.renderingProviderId,
      totalChargeCents: claim.totalChargeCents,
    })
    .from(claim)
    .where(inArray(claim.id, [...new Set(claimIds)]));
  const payers = await payersByIds(db, [...new Set(rows.map((r) => r.payerId))]);
  return rows.map((r) => ({ ...r, payerName: payers.find((p) => p.id === r.payerId)?.name ?? '' }));
}
