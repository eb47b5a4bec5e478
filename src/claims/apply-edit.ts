import { and, eq } from 'drizzle-orm';
import type { AuditActor } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Executor } from '../db/connection.ts';
import { conflict, invalid } from '../shared/problem.ts';
import { claimEditErrors, type ClaimEdit } from './edit.ts';
import { EDITABLE_STATES, type ClaimState } from './states.ts';
import type { ClaimRow } from './store.ts';
import { claim, claimLine } from './tables.ts';

/** Applies an edit to a claim that may still change, recomputing the total; audited with before and after. */
export async function applyClaimEdit(
  tx: Executor,
  row: ClaimRow,
  edit: ClaimEdit,
  actor: AuditActor,
): Promise<void> {
  if (!EDITABLE_STATES.includes(row.state as ClaimState))
    throw conflict(`a ${row.state} claim cannot be edited: correct or void it instead`);
  const lines = await tx.select().from(claimLine).where(eq(claimLine.claimId, row.id));
  const changed = lines.map((l) => {
    const e = edit.lines?.find((x) => x.lineNumber === l.lineNumber);
    if (!e) return l;
    const { ndcQuantity, ...rest } = e;
    // Stored as numeric; an NDC cleared takes its quantity and unit with it.
    const quantity =
      e.ndc === null || ndcQuantity === null
        ? null
        : ndcQuantity === undefined
          ? l.ndcQuantity
          : String(ndcQuantity);
    return {
      ...l,
      ...rest,
      units: e.units === undefined ? l.units : String(e.units),
      ndcQuantity: quantity,
      ...(e.ndc === null ? { ndcUnit: null } : {}),
    };
  });
  const unknown = (edit.lines ?? []).findIndex((e) => !lines.some((l) => l.lineNumber === e.lineNumber));
  if (unknown >= 0)
    throw invalid([
      { pointer: `/lines/${unknown}/lineNumber`, detail: 'no such service line on this claim' },
    ]);
  const diagnoses = edit.diagnoses ?? row.diagnoses;
  const errors = claimEditErrors(row.type, diagnoses, changed);
  if (edit.institutional && row.type !== 'institutional')
    errors.push({ pointer: '/institutional', detail: 'only an institutional claim carries UB-04 data' });
  if (errors.length) throw invalid(errors);
  for (const l of changed) {
    const { id, claimId: _c, ...values } = l;
    await tx
      .update(claimLine)
      .set(values)
      .where(and(eq(claimLine.id, id), eq(claimLine.claimId, row.id)));
  }
  const after = {
    ...(edit.placeOfService ? { placeOfService: edit.placeOfService } : {}),
    ...(edit.priorAuthorization !== undefined ? { priorAuthorization: edit.priorAuthorization } : {}),
    diagnoses,
    ...(edit.institutional ? { institutional: edit.institutional } : {}),
    totalChargeCents: changed.reduce((sum, l) => sum + l.chargeCents, 0),
    updatedAt: new Date(),
  };
  await tx.update(claim).set(after).where(eq(claim.id, row.id));
  await recordAudit(tx, actor, {
    practiceId: row.practiceId,
    action: 'update',
    entity: 'claim',
    entityId: row.id,
    before: { ...row, lines },
    after: { ...after, lines: changed },
  });
}
