import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AuditActor } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Db, Executor } from '../db/connection.ts';
import { conflict } from '../shared/problem.ts';
import { ensureCharges } from '../ledger/index.ts';
import { DatabaseControlNumbers } from '../x12/control-numbers.ts';
import { write837, type Transaction837 } from '../x12/transactions/837-generate.ts';
import type { ProfessionalClaim } from '../x12/transactions/837-types.ts';
import { claimsBreakingGuide, fileErrors, X12_INVALID } from './batch-check.ts';
import { batchClaim, submissionBatch, submitterSettings } from './batch-tables.ts';
import { moveClaim } from './store.ts';
import { claim, claimFinding, claimLine } from './tables.ts';
import { loadClaimModel } from './model.ts';

export type ClaimType = 'professional' | 'institutional';
/** The TR3 each claim type leaves under, and the file name's prefix. */
const GUIDES = {
  professional: { guide: '005010X222A1', prefix: '837P' },
  institutional: { guide: '005010X223A2', prefix: '837I' },
} as const;

export interface BatchOutcome {
  batchId: number;
  claimCount: number;
  interchangeControlNumber: number;
  /** Claims asked for that were not ready (already submitted, not scrubbed clean…). */
  skipped: { claimId: number; state: string }[];
  /** Claims taken out because the 837 written for them breaks the TR3: back to scrubbed, the errors their findings. */
  returned: ReturnedClaim[];
}
export interface ReturnedClaim {
  claimId: number;
  errors: string[];
}
type NoBatch = Pick<BatchOutcome, 'returned' | 'skipped'>;
type ClaimRow = typeof claim.$inferSelect;

const ccyymmdd = (d: Date) => d.toISOString().slice(0, 10).replace(/-/g, '');
const hhmm = (d: Date) => d.toISOString().slice(11, 16).replace(':', '');

/** Claims in ST/SE transaction sets: one payer's claims together, at most `per` claims a set. */
function setsByPayer<T extends { payerId: number }>(rows: T[], per: number): T[][] {
  const byPayer = new Map<number, T[]>();
  for (const r of rows) byPayer.set(r.payerId, [...(byPayer.get(r.payerId) ?? []), r]);
  const sets: T[][] = [];
  for (const claims of byPayer.values())
    for (let i = 0; i < claims.length; i += per) sets.push(claims.slice(i, i + per));
  return sets;
}

/**
 * Writes the practice's ready claims of one type (or the ones named) into one 837P or 837I
 * interchange in one transaction, one payer's claims to a transaction set: each claim is locked
 * and moved from ready to batched, so no claim is in two batches and nothing is sent twice by
 * accident; a rejected claim goes out again in a new batch. The claims become submitted only
 * when the file reaches the clearinghouse (batch-delivery.ts markBatchSent).
 */
export async function createBatch(
  db: Db,
  practiceId: number,
  claimIds: number[] | undefined,
  actor: AuditActor,
  now: Date,
  claimType: ClaimType = 'professional',
): Promise<BatchOutcome> {
  const { guide, prefix } = GUIDES[claimType];
  const outcome = await db.transaction(async (tx): Promise<BatchOutcome | NoBatch> => {
    const [settings] = await tx
      .select()
      .from(submitterSettings)
      .where(eq(submitterSettings.practiceId, practiceId));
    if (!settings)
      throw conflict('set up the submitter and receiver (clearinghouse) for this practice first');
    const asked = claimIds?.length ? inArray(claim.id, claimIds) : eq(claim.state, 'ready');
    const rows = await tx
      .select()
      .from(claim)
      .where(and(eq(claim.practiceId, practiceId), asked))
      .orderBy(asc(claim.id))
      .for('update');
    const ready = rows.filter((r) => r.state === 'ready' && r.type === claimType);
    const skipped = [
      ...rows.filter((r) => !ready.includes(r)).map((r) => ({ claimId: r.id, state: r.state })),
      ...(claimIds ?? [])
        .filter((id) => !rows.some((r) => r.id === id))
        .map((claimId) => ({ claimId, state: 'not found' })),
    ];
    if (ready.length === 0)
      throw conflict(
        `no ready ${claimType} claims to submit`,
        skipped.map((s) => ({ pointer: '/claimIds', detail: `claim ${s.claimId} is ${s.state}` })),
      );
    const submitter = {
      name: settings.submitterName,
      id: settings.submitterId,
      contactName: settings.contactName,
      phone: settings.contactPhone,
    };
    const receiver = { name: settings.receiverName, id: settings.receiverId };
    const models = new Map<number, ProfessionalClaim>();
    for (const row of ready) {
      const lines = await tx.select().from(claimLine).where(eq(claimLine.claimId, row.id));
      models.set(row.id, (await loadClaimModel(tx, row, lines)).model);
    }
    const setsOf = (rows: ClaimRow[]): Transaction837[] =>
      setsByPayer(rows, settings.claimsPerTransaction).map((set) => ({
        guide,
        submitter,
        receiver,
        claims: set.map((r) => models.get(r.id)!),
      }));
    const envelope = {
      senderId: settings.submitterId,
      receiverId: settings.receiverId,
      usage: settings.usage === 'P' ? ('P' as const) : ('T' as const),
      date: ccyymmdd(now),
      time: hhmm(now),
      lineBreaks: true,
    };
    const write = (rows: ClaimRow[]) =>
      write837(setsOf(rows), { ...envelope, numbers: new DatabaseControlNumbers(tx) });
    // The file is validated against the guide map before it is stored: one with errors is never
    // offered for submission. A claim whose part breaks the guide goes back to the biller.
    // The writer throws when a claim carries what the guide has no place for; that claim is found below.
    let x12 = await write(ready).catch(() => undefined);
    let errors = x12 === undefined ? undefined : fileErrors(x12);
    let batched = ready;
    const returned: ReturnedClaim[] = [];
    if (x12 === undefined || (errors!.claim > 0 && errors!.batch.length === 0)) {
      const broken = await claimsBreakingGuide(
        ready.map((r) => ({ claimId: r.id, model: models.get(r.id)! })),
        { guide, submitter, receiver },
        envelope,
      );
      for (const row of ready.filter((r) => broken.has(r.id))) {
        returned.push(await returnClaim(tx, row, broken.get(row.id)!, actor));
      }
      batched = ready.filter((r) => !broken.has(r.id));
      if (batched.length === 0) return { returned, skipped };
      x12 = await write(batched);
      errors = fileErrors(x12);
    }
    if (errors!.batch.length || errors!.claim)
      throw conflict(
        'the 837 file written breaks the implementation guide, so it was not stored; check the practice and clearinghouse settings',
        errors!.batch.map((detail) => ({ pointer: '/practiceId', detail })),
      );
    // ISA is fixed width: ISA13 (interchange control number) is characters 91-99.
    const interchangeControlNumber = Number(x12!.slice(90, 99));
    const [batch] = await tx
      .insert(submissionBatch)
      .values({
        practiceId,
        guide,
        usage: settings.usage,
        interchangeControlNumber,
        claimCount: batched.length,
        totalChargeCents: batched.reduce((sum, r) => sum + r.totalChargeCents, 0),
        fileName: `${prefix}-${practiceId}-${String(interchangeControlNumber).padStart(9, '0')}.x12`,
        x12: x12!,
        createdBy: actor.userId,
      })
      .returning({ id: submissionBatch.id });
    await tx.insert(batchClaim).values(batched.map((r) => ({ batchId: batch!.id, claimId: r.id })));
    for (const row of batched) {
      await moveClaim(tx, row, 'batched', actor, `batch ${batch!.id} (ISA13 ${interchangeControlNumber})`);
      // Billed, so charged: the ledger's charge for each line goes in with the state move.
      await ensureCharges(tx, { claimId: row.id }, actor);
    }
    await recordAudit(tx, actor, {
      practiceId,
      action: 'create',
      entity: 'submission_batch',
      entityId: batch!.id,
      detail: { claims: batched.map((r) => r.id), interchangeControlNumber, skipped, returned },
    });
    return {
      batchId: batch!.id,
      claimCount: batched.length,
      interchangeControlNumber,
      skipped,
      returned,
    };
  });
  if ('batchId' in outcome) return outcome;
  // The returned claims stay returned (committed above); the person who asked learns why nothing was written.
  throw conflict(
    `no batch written: the 837 written for each of the ${outcome.returned.length} ready claims breaks the implementation guide; they went back to scrubbed with the errors`,
    outcome.returned.flatMap((r) =>
      r.errors.map((detail) => ({ pointer: '/claimIds', detail: `claim ${r.claimId}: ${detail}` })),
    ),
  );
}

/** Takes a claim out of the batch: back to scrubbed, with each X12 error as a finding that blocks it. */
async function returnClaim(
  tx: Executor,
  row: ClaimRow,
  errors: string[],
  actor: AuditActor,
): Promise<ReturnedClaim> {
  await tx.insert(claimFinding).values(
    errors.map((message) => ({
      claimId: row.id,
      code: X12_INVALID.code,
      severity: 'error',
      field: '/',
      lines: [],
      message,
      fixHint: X12_INVALID.fixHint,
    })),
  );
  await moveClaim(tx, row, 'scrubbed', actor, 'the 837 written for it breaks the implementation guide', {
    errors,
  });
  return { claimId: row.id, errors };
}
