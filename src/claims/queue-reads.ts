// What the work queues read of claims: the rejected ones with what rejected them, the paid ones
// with their lines, and what each claim bills. Plain rows; the denials domain decides what is due.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { todayIso } from '../shared/dates.ts';
import { claim, claimEvent, claimLine } from './tables.ts';

const day = (d: Date | string) => todayIso(typeof d === 'string' ? new Date(d) : d);

/** The practice's claims a 999 or 277CA rejected and nobody has corrected yet, with the day and the reason. */
export async function rejectedClaims(db: Executor, practiceId: number) {
  const rows = await db
    .select({
      claimId: claim.id,
      patientId: claim.patientId,
      payerId: claim.payerId,
      amountCents: claim.totalChargeCents,
      updatedAt: claim.updatedAt,
    })
    .from(claim)
    .where(and(eq(claim.practiceId, practiceId), eq(claim.state, 'rejected')))
    .orderBy(asc(claim.id));
  if (rows.length === 0) return [];
  const events = await db
    .select({ claimId: claimEvent.claimId, at: claimEvent.at, reason: claimEvent.reason })
    .from(claimEvent)
    .where(
      and(
        inArray(
          claimEvent.claimId,
          rows.map((r) => r.claimId),
        ),
        eq(claimEvent.toState, 'rejected'),
      ),
    )
    .orderBy(desc(claimEvent.at));
  return rows.map((r) => {
    const e = events.find((x) => x.claimId === r.claimId);
    return {
      practiceId,
      claimId: r.claimId,
      patientId: r.patientId,
      payerId: r.payerId,
      amountCents: r.amountCents,
      rejectedOn: day(e?.at ?? r.updatedAt),
      why: e?.reason ?? 'rejected',
    };
  });
}

/** The lines of the practice's paid and partly paid claims, with the encounter line the ledger posts to. */
export async function paidClaimLines(db: Executor, practiceId: number) {
  const rows = await db
    .select({
      claimId: claim.id,
      patientId: claim.patientId,
      payerId: claim.payerId,
      lineNumber: claimLine.lineNumber,
      serviceLineId: claimLine.serviceLineId,
      procedureCode: claimLine.procedureCode,
      modifiers: claimLine.modifiers,
      units: claimLine.units,
      serviceDate: claimLine.serviceDate,
    })
    .from(claim)
    .innerJoin(claimLine, eq(claimLine.claimId, claim.id))
    .where(and(eq(claim.practiceId, practiceId), inArray(claim.state, ['paid', 'partially_paid'])))
    .orderBy(asc(claim.id), asc(claimLine.lineNumber));
  return rows.map((r) => ({ ...r, practiceId, units: Number(r.units) }));
}

/** What each claim bills and whose it is, for the claims asked. */
export async function claimAmounts(db: Executor, claimIds: readonly number[]) {
  if (claimIds.length === 0) return [];
  return db
    .select({ claimId: claim.id, patientId: claim.patientId, amountCents: claim.totalChargeCents })
    .from(claim)
    .where(inArray(claim.id, [...claimIds]));
}

/** A claim line's claim and the encounter line it bills (the line a write-off is posted against). */
export async function claimLineOf(db: Executor, claimLineId: number) {
  const [row] = await db
    .select({
      claimId: claimLine.claimId,
      serviceLineId: claimLine.serviceLineId,
      lineNumber: claimLine.lineNumber,
    })
    .from(claimLine)
    .where(eq(claimLine.id, claimLineId));
  return row;
}
