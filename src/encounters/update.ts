import { eq } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../audit/index.ts';
import type { Executor } from '../db/connection.ts';
import { chargedServiceLineIds } from '../ledger/index.ts';
import { patientById } from '../patients/index.ts';
import { facilityById, providerById } from '../practices/index.ts';
import { conflict, invalid, notFound, type FieldError } from '../shared/problem.ts';
import { todayIso } from '../shared/dates.ts';
import { encounterErrors } from './rules.ts';
import type { EncounterInput } from './schema.ts';
import { fillCharges, loadEncounter, replaceServiceLines } from './store.ts';
import { encounter } from './tables.ts';

type FindById = (db: Executor, id: number) => Promise<{ practiceId: number } | undefined>;

const REFERENCES: [keyof EncounterInput, FindById, string][] = [
  ['patientId', patientById, 'patient'],
  ['renderingProviderId', providerById, 'provider'],
  ['referringProviderId', providerById, 'provider'],
  ['facilityId', facilityById, 'facility'],
];

const inPractice = async (db: Executor, find: FindById, id: number, practiceId: number) =>
  (await find(db, id))?.practiceId === practiceId;

/** The patient, providers and facility an encounter names must be the practice's own. */
export async function referenceErrors(
  db: Executor,
  practiceId: number,
  input: Partial<EncounterInput>,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  for (const [field, find, label] of REFERENCES) {
    const value = input[field];
    if (typeof value === 'number' && !(await inPractice(db, find, value, practiceId))) {
      errors.push({ pointer: `/${field}`, detail: `no such ${label} in this practice` });
    }
  }
  const operating = input.institutional?.operatingProviderId;
  if (typeof operating === 'number' && !(await inPractice(db, providerById, operating, practiceId)))
    errors.push({
      pointer: '/institutional/operatingProviderId',
      detail: 'no such provider in this practice',
    });
  return errors;
}

export type EncounterChanges = Partial<EncounterInput> & { status?: string };

/**
 * Changes an encounter (the edit form, or a coder's codes), in the caller's transaction, with its
 * audit event. Lines without a charge are priced from the fee schedule; billed lines are never
 * replaced.
 */
export async function changeEncounter(
  tx: Executor,
  id: number,
  scope: number[],
  changes: EncounterChanges,
  actor: AuditActor,
) {
  const before = await loadEncounter(tx, id, scope);
  if (!before) throw notFound('encounter');
  const merged = { ...before, ...changes, serviceLines: changes.serviceLines ?? before.serviceLines };
  const { lines, errors } = await fillCharges(tx, before.practiceId, merged);
  errors.unshift(
    ...encounterErrors(merged, todayIso()),
    ...(await referenceErrors(tx, before.practiceId, changes)),
  );
  if (errors.length) throw invalid(errors);
  const { serviceLines: newLines, ...header } = changes;
  await tx
    .update(encounter)
    .set({ ...header, updatedAt: new Date() })
    .where(eq(encounter.id, before.id));
  if (newLines) {
    // Charged lines carry ledger entries, which are never removed: a billed visit is corrected by a corrected claim.
    const charged = await chargedServiceLineIds(
      tx,
      before.serviceLines.map((l) => l.id),
    );
    if (charged.length)
      throw conflict(
        "the visit's service lines are billed (charged in the ledger): correct them with a corrected claim, not by editing the encounter",
        [{ pointer: '/serviceLines', detail: 'billed lines cannot be replaced' }],
      );
    await replaceServiceLines(tx, before.practiceId, before.id, merged.serviceDateFrom, lines);
  }
  const after = await loadEncounter(tx, before.id, [before.practiceId]);
  await recordAudit(tx, actor, {
    practiceId: before.practiceId,
    action: 'update',
    entity: 'encounter',
    entityId: before.id,
    before,
    after,
  });
  return { before, after: after! };
}
