import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AuditActor } from '../audit/store.ts';
import { recordAudit } from '../audit/store.ts';
import type { Db } from '../db/connection.ts';
import { conflict } from '../server/problem.ts';
import { DatabaseControlNumbers } from '../x12/control-numbers.ts';
import { write837, type Transaction837 } from '../x12/transactions/837-generate.ts';
import { batchClaim, submissionBatch, submitterSettings } from './batch-tables.ts';
import { loadClaimParties } from './parties.ts';
import { moveClaim } from './store.ts';
import { claim, claimLine } from './tables.ts';
import { professionalClaimOf } from './to-837.ts';
import { institutionalClaimOf } from './to-837i.ts';

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
}

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
 * and moved from ready to submitted, so no claim is in two batches and nothing is sent twice by
 * accident; a rejected claim goes out again in a new batch.
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
  return db.transaction(async (tx) => {
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
    const toClaim = claimType === 'institutional' ? institutionalClaimOf : professionalClaimOf;
    const submitter = {
      name: settings.submitterName,
      id: settings.submitterId,
      contactName: settings.contactName,
      phone: settings.contactPhone,
    };
    const receiver = { name: settings.receiverName, id: settings.receiverId };
    const sets: Transaction837[] = [];
    for (const set of setsByPayer(ready, settings.claimsPerTransaction)) {
      const claims = [];
      for (const row of set) {
        const lines = await tx.select().from(claimLine).where(eq(claimLine.claimId, row.id));
        claims.push(toClaim(row, lines, await loadClaimParties(tx, row)));
      }
      sets.push({ guide, submitter, receiver, claims });
    }
    const x12 = await write837(sets, {
      numbers: new DatabaseControlNumbers(tx),
      senderId: settings.submitterId,
      receiverId: settings.receiverId,
      usage: settings.usage === 'P' ? 'P' : 'T',
      date: ccyymmdd(now),
      time: hhmm(now),
      lineBreaks: true,
    });
    // ISA is fixed width: ISA13 (interchange control number) is characters 91-99.
    const interchangeControlNumber = Number(x12.slice(90, 99));
    const [batch] = await tx
      .insert(submissionBatch)
      .values({
        practiceId,
        guide,
        usage: settings.usage,
        interchangeControlNumber,
        claimCount: ready.length,
        totalChargeCents: ready.reduce((sum, r) => sum + r.totalChargeCents, 0),
        fileName: `${prefix}-${practiceId}-${String(interchangeControlNumber).padStart(9, '0')}.x12`,
        x12,
        createdBy: actor.userId,
      })
      .returning({ id: submissionBatch.id });
    await tx.insert(batchClaim).values(ready.map((r) => ({ batchId: batch!.id, claimId: r.id })));
    for (const row of ready)
      await moveClaim(tx, row, 'submitted', actor, `batch ${batch!.id} (ISA13 ${interchangeControlNumber})`);
    await recordAudit(tx, actor, {
      practiceId,
      action: 'create',
      entity: 'submission_batch',
      entityId: batch!.id,
      detail: { claims: ready.map((r) => r.id), interchangeControlNumber, skipped },
    });
    return { batchId: batch!.id, claimCount: ready.length, interchangeControlNumber, skipped };
  });
}
