// What the ERA inbox, a remittance's EOB, the unmatched queue and the claim page read.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { claimStateCounts } from './store.ts';
import { eraFile, remittance, remittanceClaim } from './tables.ts';

const inScope = (practiceIds: number[]) => (practiceIds.length ? practiceIds : [-1]);

const remittanceSummary = {
  id: remittance.id,
  eraFileId: remittance.eraFileId,
  controlNumber: remittance.controlNumber,
  payerName: remittance.payerName,
  payerIdentifier: remittance.payerIdentifier,
  payerId: remittance.payerId,
  traceNumber: remittance.traceNumber,
  paymentCents: remittance.paymentCents,
  paymentMethod: remittance.paymentMethod,
  paymentDate: remittance.paymentDate,
  balanced: remittance.balanced,
  balancing: remittance.balancing,
  providerAdjustments: remittance.providerAdjustments,
  providerAdjustmentsPostedAt: remittance.providerAdjustmentsPostedAt,
  state: remittance.state,
};

async function withCounts<T extends { id: number }>(db: Executor, rows: T[]) {
  const counts = await claimStateCounts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const mine = counts.filter((c) => c.remittanceId === r.id);
    const n = (state: string) => mine.find((c) => c.state === state)?.count ?? 0;
    return {
      ...r,
      claims: { posted: n('posted'), pending: n('pending'), unmatched: n('unmatched'), held: n('held') },
    };
  });
}

/** The ERA inbox: files newest first, each with its remittances and how far they are posted. */
export async function eraInbox(db: Executor, practiceIds: number[], practiceId?: number, limit = 100) {
  const files = await db
    .select({
      id: eraFile.id,
      practiceId: eraFile.practiceId,
      fileName: eraFile.fileName,
      sha256: eraFile.sha256,
      receivedAt: eraFile.receivedAt,
      userId: eraFile.userId,
      status: eraFile.status,
    })
    .from(eraFile)
    .where(
      and(
        inArray(eraFile.practiceId, inScope(practiceIds)),
        practiceId ? eq(eraFile.practiceId, practiceId) : undefined,
      ),
    )
    .orderBy(desc(eraFile.receivedAt), desc(eraFile.id))
    .limit(limit);
  if (!files.length) return [];
  const remits = await withCounts(
    db,
    await db
      .select(remittanceSummary)
      .from(remittance)
      .where(
        inArray(
          remittance.eraFileId,
          files.map((f) => f.id),
        ),
      )
      .orderBy(asc(remittance.id)),
  );
  return files.map((f) => ({ ...f, remittances: remits.filter((r) => r.eraFileId === f.id) }));
}

/** One file: its remittances as EOBs (every claim payment with what it matched and where it stands). */
export async function eraFileDetail(db: Executor, id: number, practiceIds: number[]) {
  const [file] = await db
    .select({
      id: eraFile.id,
      practiceId: eraFile.practiceId,
      fileName: eraFile.fileName,
      sha256: eraFile.sha256,
      receivedAt: eraFile.receivedAt,
      userId: eraFile.userId,
      status: eraFile.status,
    })
    .from(eraFile)
    .where(and(eq(eraFile.id, id), inArray(eraFile.practiceId, inScope(practiceIds))));
  if (!file) return undefined;
  const remits = await withCounts(
    db,
    await db
      .select(remittanceSummary)
      .from(remittance)
      .where(eq(remittance.eraFileId, id))
      .orderBy(asc(remittance.id)),
  );
  const claims = remits.length
    ? await db
        .select()
        .from(remittanceClaim)
        .where(
          inArray(
            remittanceClaim.remittanceId,
            remits.map((r) => r.id),
          ),
        )
        .orderBy(asc(remittanceClaim.remittanceId), asc(remittanceClaim.sequence))
    : [];
  return {
    ...file,
    remittances: remits.map((r) => ({ ...r, claimPayments: claims.filter((c) => c.remittanceId === r.id) })),
  };
}

/** The file's stored remittances (for posting them again). */
export async function remittancesOfFile(db: Executor, eraFileId: number) {
  return db.select().from(remittance).where(eq(remittance.eraFileId, eraFileId)).orderBy(asc(remittance.id));
}

/** Claim payments no claim of ours matched: they wait here until a biller matches them. */
export async function unmatchedQueue(db: Executor, practiceIds: number[], practiceId?: number) {
  return db
    .select({
      claimPayment: remittanceClaim,
      payerName: remittance.payerName,
      traceNumber: remittance.traceNumber,
      paymentDate: remittance.paymentDate,
      eraFileId: remittance.eraFileId,
    })
    .from(remittanceClaim)
    .innerJoin(remittance, eq(remittance.id, remittanceClaim.remittanceId))
    .where(
      and(
        eq(remittanceClaim.state, 'unmatched'),
        inArray(remittanceClaim.practiceId, inScope(practiceIds)),
        practiceId ? eq(remittanceClaim.practiceId, practiceId) : undefined,
      ),
    )
    .orderBy(asc(remittanceClaim.id))
    .limit(500)
    .then((rows) => rows.map((r) => ({ ...r.claimPayment, ...r, claimPayment: undefined })));
}

/** The EOB lines of a claim: every claim payment an 835 made on it, oldest first. */
export async function claimPaymentsOfClaim(db: Executor, claimId: number) {
  return db
    .select({
      claimPayment: remittanceClaim,
      payerName: remittance.payerName,
      traceNumber: remittance.traceNumber,
      paymentDate: remittance.paymentDate,
      paymentMethod: remittance.paymentMethod,
      eraFileId: remittance.eraFileId,
    })
    .from(remittanceClaim)
    .innerJoin(remittance, eq(remittance.id, remittanceClaim.remittanceId))
    .where(eq(remittanceClaim.claimId, claimId))
    .orderBy(asc(remittanceClaim.id))
    .then((rows) => rows.map((r) => ({ ...r.claimPayment, ...r, claimPayment: undefined })));
}
