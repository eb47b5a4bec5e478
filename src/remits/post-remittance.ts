// Posting what is pending of a stored remittance: its matched claim payments in chunks of a few
// hundred, each chunk one transaction (post.ts), chunks side by side on PostgreSQL; then its PLB
// adjustments. A claim's payments are never split across two chunks, so they post in 835 order.
import type { AuditActor } from '../audit/index.ts';
import type { Db, Executor } from '../db/connection.ts';
import { chargedServiceLineIds } from '../ledger/index.ts';
import { todayIso } from '../shared/dates.ts';
import type { Remittance } from '../x12/index.ts';
import { candidatesByControlNumber, type StoredCandidate } from './candidates.ts';
import type { ImportOptions, RemittanceOutcome } from './import.ts';
import { postClaimPayments, postProviderAdjustments, type PostResult } from './post.ts';
import {
  claimPaymentStates,
  claimPaymentsByIds,
  claimStateCounts,
  setRemittance,
  type RemittanceClaimRow,
  type RemittanceRow,
} from './store.ts';

/** What the importer has in hand already: the matched claims and the claim payments it stored. */
interface Known {
  candidates?: Map<number, StoredCandidate>;
  payments?: Map<number, RemittanceClaimRow>;
}

/** Claim payments a posting transaction takes: few enough that a chunk's statements stay small. */
const CHUNK = 500;

/** The matched claims of stored claim payments, read in bulk (a file imported again, or posted later). */
async function candidatesOf(db: Executor, practiceId: number, payments: RemittanceClaimRow[]) {
  const byPcn = await candidatesByControlNumber(
    db,
    practiceId,
    payments.map((p) => p.payment),
  );
  const ids = new Set(payments.map((p) => p.claimId));
  return new Map(
    [...byPcn.values()]
      .flat()
      .filter((c) => ids.has(c.id))
      .map((c) => [c.id, c]),
  );
}

/** Claims whose every line already has its charge (posted when the claim was batched). */
async function chargedClaims(db: Executor, claims: StoredCandidate[]): Promise<Set<number>> {
  const charged = new Set(
    await chargedServiceLineIds(
      db,
      claims.flatMap((c) => c.lines.map((l) => l.serviceLineId)),
    ),
  );
  return new Set(claims.filter((c) => c.lines.every((l) => charged.has(l.serviceLineId))).map((c) => c.id));
}

/**
 * Pending claim payments in chunks, a claim's payments never split across two. The chunks grow
 * from one claim payment to `size`, doubling: the first postings commit at once, so a large ERA
 * shows progress and a process killed early keeps what it posted.
 */
function chunksByClaim<T extends { claimId: number | null }>(rows: T[], size: number): T[][] {
  const groups = new Map<number, T[]>();
  for (const r of rows) {
    const g = groups.get(r.claimId as number);
    if (g) g.push(r);
    else groups.set(r.claimId as number, [r]);
  }
  const chunks: T[][] = [];
  let chunk: T[] = [];
  let target = 1;
  for (const g of groups.values()) {
    chunk.push(...g);
    if (chunk.length >= target) {
      chunks.push(chunk);
      chunk = [];
      target = Math.min(size, target * 2);
    }
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}

/** Runs the chunks `concurrency` at a time (each worker takes the next chunk when it is done). */
async function inParallel<T>(items: T[], concurrency: number, run: (t: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    for (let t = items[next++]; t; t = items[next++]) await run(t);
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
}

/**
 * Posts one chunk: its claim payments read, their claims read (unless the importer has them) and
 * checked for charges, then all posted in one transaction. When that transaction fails, its claim
 * payments are posted one by one, so one that cannot post holds back only itself; its error is
 * thrown once the others are posted.
 */
async function postChunk(
  db: Db,
  remit: RemittanceRow,
  ids: number[],
  actor: AuditActor,
  opts: ImportOptions & { today: string } & Known,
): Promise<PostResult[]> {
  // what the importer stored a moment ago is not read back; their state is taken in the posting
  const known = ids.map((id) => opts.payments?.get(id));
  const payments = known.every((p) => p)
    ? (known as RemittanceClaimRow[])
    : await claimPaymentsByIds(db, ids);
  const candidates = opts.candidates?.size
    ? opts.candidates
    : await candidatesOf(db, remit.practiceId, payments);
  const charged = await chargedClaims(
    db,
    payments.flatMap((p) => candidates.get(p.claimId as number) ?? []),
  );
  const items = payments.map((payment) => ({
    payment,
    candidate: candidates.get(payment.claimId as number),
    chargesPosted: charged.has(payment.claimId as number),
  }));
  const posting = { today: opts.today, lookups: opts.lookups };
  try {
    return await postClaimPayments(db, items, remit, actor, posting);
  } catch (error) {
    if (items.length === 1) throw error;
    const results: PostResult[] = [];
    let failure: unknown;
    for (const item of items) {
      try {
        results.push(...(await postClaimPayments(db, [item], remit, actor, posting)));
      } catch (e) {
        failure ??= e;
      }
    }
    if (failure) throw failure;
    return results;
  }
}

/**
 * Posts what is pending of a stored remittance: its matched claim payments a chunk per
 * transaction, then the PLB adjustments (held with the transaction when it does not balance).
 */
export async function postRemittance(
  db: Db,
  remit: RemittanceRow,
  parsed: Pick<Remittance, 'providerAdjustments'>,
  opts: ImportOptions & Known,
): Promise<
  Pick<RemittanceOutcome, 'posted' | 'alreadyPosted' | 'unmatched' | 'held' | 'providerAdjustments'>
> {
  const actor: AuditActor = { userId: opts.userId, userEmail: opts.userEmail ?? null, ip: opts.ip ?? null };
  const today = opts.today ?? todayIso();
  const states = await claimPaymentStates(db, remit.id);
  const pending = states.filter((p) => p.state === 'pending' && p.claimId != null);
  let posted = 0;
  let alreadyPosted = states.filter((p) => p.state === 'posted').length;
  await inParallel(chunksByClaim(pending, CHUNK), opts.concurrency ?? 1, async (chunk) => {
    const ids = chunk.map((p) => p.id);
    for (const result of await postChunk(db, remit, ids, actor, { ...opts, today })) {
      if (result === 'posted') posted++;
      else alreadyPosted++;
    }
  });
  const releasePlb = remit.balanced || !!opts.postUnbalanced;
  const providerAdjustments = releasePlb
    ? await postProviderAdjustments(db, remit, parsed, actor, today)
    : ('held' as const);
  const counts = await claimStateCounts(db, [remit.id]);
  const count = (state: string) => counts.find((c) => c.state === state)?.count ?? 0;
  const waiting = count('pending') + count('unmatched') + count('held');
  const state =
    waiting === 0 ? 'posted' : count('posted') > 0 ? 'partly_posted' : remit.balanced ? 'unposted' : 'held';
  await setRemittance(db, remit.id, { state });
  return { posted, alreadyPosted, unmatched: count('unmatched'), held: count('held'), providerAdjustments };
}
