// Posting a remittance: its claim payments are stored, matched and posted a chunk per transaction
// (chunks side by side on PostgreSQL), so a claim payment is stored in the transaction that posts
// it and an 835 of fifty thousand claims starts posting as soon as it is read. What waits (held,
// unmatched, matched but not to be posted yet) is stored in its chunk's transaction too. Then
// what was stored pending before is posted, then the PLB adjustments. A claim's payments are
// never split across two chunks, so they post in 835 order.
import type { AuditActor } from '../audit/index.ts';
import type { Db, Executor } from '../db/connection.ts';
import { chargedServiceLineIds } from '../ledger/index.ts';
import { todayIso } from '../shared/dates.ts';
import { parse835, type ClaimPayment, type Remittance } from '../x12/index.ts';
import { balanceRemittance, type RemittanceBalance } from './balance.ts';
import { candidatesByControlNumber, candidatesByPatient, type StoredCandidate } from './candidates.ts';
import type { ImportOptions, RemittanceOutcome } from './import.ts';
import { matchClaimPayment, type ClaimMatch } from './match.ts';
import {
  postClaimPayments,
  postProviderAdjustments,
  postTakenClaimPayments,
  type PostResult,
} from './post.ts';
import {
  claimPaymentsByIds,
  claimPaymentsOf,
  claimPaymentStates,
  claimStateCounts,
  eraFileText,
  insertRemittanceClaims,
  pendingClaimPayments,
  setRemittance,
  type NewRemittanceClaim,
  type RemittanceClaimRow,
  type RemittanceRow,
} from './store.ts';

/** Claim payments a posting transaction takes: few enough that a chunk's statements stay small. */
const CHUNK = 500;

/** A claim payment of the 835 not stored yet: its CLP loop, its place, whether it balances alone. */
interface Unstored {
  payment: ClaimPayment;
  sequence: number;
  balanced: boolean;
}

/** The matched claims of stored claim payments, read in bulk (posted after they were stored). */
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
 * Rows in chunks, the rows of one key never split across two. The chunks grow from one row to
 * `size`, doubling: the first postings commit at once, so a large ERA shows progress and a
 * process killed early keeps what it posted.
 */
function chunksBy<T>(rows: T[], keyOf: (row: T) => unknown, size: number): T[][] {
  const groups = new Map<unknown, T[]>();
  for (const r of rows) {
    const g = groups.get(keyOf(r));
    if (g) g.push(r);
    else groups.set(keyOf(r), [r]);
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

/** Each claim payment's match: by CLP01 for all at once, then by patient and dates for the rest. */
async function matchPayments(
  tx: Executor,
  practiceId: number,
  claims: readonly ClaimPayment[],
): Promise<{ match: ClaimMatch; candidate?: StoredCandidate }[]> {
  const byPcn = await candidatesByControlNumber(tx, practiceId, claims);
  const out: { match: ClaimMatch; candidate?: StoredCandidate }[] = [];
  for (const c of claims) {
    let candidates = byPcn.get(c.patientControlNumber) ?? [];
    let m = matchClaimPayment(c, candidates);
    if (!m.claim && m.reason !== 'ambiguous') {
      candidates = await candidatesByPatient(tx, practiceId, c);
      m = matchClaimPayment(c, candidates);
    }
    const candidate = m.claim ? candidates.find((x) => x.id === m.claim?.id) : undefined;
    out.push(candidate ? { match: m, candidate } : { match: m });
  }
  return out;
}

const matchedByOf = (m: ClaimMatch) =>
  m.how === 'patient_date_procedure'
    ? 'patient_date_procedure'
    : m.lines.some((l) => l.how === 'line_control_number')
      ? 'line_control_number'
      : 'control_number';

/**
 * A claim payment as stored: posted (in this transaction), pending (matched, to post later),
 * unmatched (waits in the queue) or held (its transaction does not balance).
 */
function claimRow(
  remit: RemittanceRow,
  u: Unstored,
  held: boolean,
  found: { match: ClaimMatch; candidate?: StoredCandidate },
  postNow: boolean,
  userId: number | null,
): NewRemittanceClaim {
  const c = u.payment;
  const m = found.match;
  // a claim matched but with an 835 line none of ours answers would post only part of its money
  const partial = m.claim && m.unmatchedLines.length > 0;
  const matched = m.claim && !partial;
  const lineMatches = c.serviceLines.map((_, i) => m.lines.find((l) => l.index === i)?.line.id ?? null);
  const state = held ? 'held' : !matched ? 'unmatched' : postNow ? 'posted' : 'pending';
  return {
    practiceId: remit.practiceId,
    remittanceId: remit.id,
    sequence: u.sequence,
    patientControlNumber: c.patientControlNumber,
    status: c.status,
    chargeCents: c.chargeCents,
    paidCents: c.paidCents,
    patientResponsibilityCents: c.patientResponsibilityCents ?? 0,
    payerClaimNumber: c.payerClaimControlNumber ?? null,
    balanced: u.balanced,
    claimId: matched ? (m.claim?.id ?? null) : null,
    matchedBy: matched ? matchedByOf(m) : null,
    lineMatches,
    state,
    note: partial
      ? `matched claim ${m.claim?.id}, but service lines ${m.unmatchedLines.map((l) => l.index + 1).join(', ')} answer none of its lines`
      : !held && !matched
        ? (m.reason ?? 'no matching claim')
        : held
          ? 'the transaction does not balance'
          : null,
    postedAt: state === 'posted' ? new Date() : null,
    postedBy: state === 'posted' ? userId : null,
    payment: c,
  };
}

/** What matchLines gave the matcher: posting plans from the same, not from a second match. */
const linesOf = (m: ClaimMatch) => ({
  lines: m.lines,
  unmatchedLines: m.unmatchedLines,
  linesNotInRemittance: m.linesNotInRemittance,
});

interface StoreOptions {
  actor: AuditActor;
  today: string;
  lookups: ImportOptions['lookups'];
  postUnbalanced: boolean;
  /** false: store and match only. */
  post: boolean;
}

/** A second process stored some of these claim payments first (remittance_claim's unique sequence). */
const storedElsewhere = (e: unknown) => {
  const err = (e as { code?: string; cause?: { code?: string } }) ?? {};
  return (err.code ?? err.cause?.code) === '23505';
};

/**
 * Stores, matches and posts one chunk of claim payments in one transaction. A claim payment
 * matched by its control number posts at once; one matched by patient and dates is stored
 * pending and posted after the chunks (two chunks could have matched it to the same claim).
 * Returns the payers of the claims it matched.
 */
async function storeChunk(
  db: Db,
  remit: RemittanceRow,
  chunk: Unstored[],
  opts: StoreOptions,
): Promise<{ posted: number; payerIds: number[] }> {
  return db.transaction(async (tx) => {
    const found = await matchPayments(
      tx,
      remit.practiceId,
      chunk.map((u) => u.payment),
    );
    const rows = chunk.map((u, i) => {
      const f = found[i]!;
      const held = !remit.balanced && !(opts.postUnbalanced && u.balanced);
      const postNow = opts.post && f.match.how === 'patient_control_number';
      return claimRow(remit, u, held, f, postNow, opts.actor.userId);
    });
    const stored = await insertRemittanceClaims(tx, rows);
    const toPost = stored.flatMap((payment, i) =>
      payment.state === 'posted'
        ? [{ payment, candidate: found[i]!.candidate!, lines: linesOf(found[i]!.match) }]
        : [],
    );
    const charged = await chargedClaims(
      tx,
      toPost.map((p) => p.candidate),
    );
    await postTakenClaimPayments(
      tx,
      toPost.map((p) => ({ ...p, chargesPosted: charged.has(p.candidate.id) })),
      remit,
      opts.actor,
      { today: opts.today, lookups: opts.lookups },
    );
    const payerIds = stored.flatMap((p, i) => (p.claimId != null ? [found[i]!.candidate!.payerId] : []));
    return { posted: toPost.length, payerIds };
  });
}

/**
 * Stores and posts a chunk; when its transaction fails, its claim payments one by one, so one that
 * cannot post holds back only itself: it is stored without posting (pending, to post again) and
 * its error thrown once the others are stored. Claim payments another process stored meanwhile
 * are left to it.
 */
async function storeAndPost(
  db: Db,
  remit: RemittanceRow,
  chunk: Unstored[],
  opts: StoreOptions,
): Promise<{ posted: number; payerIds: number[] }> {
  try {
    return await storeChunk(db, remit, chunk, opts);
  } catch (error) {
    // a unique key broken by anything else (none of these stored meanwhile) is a failure like any other
    if (storedElsewhere(error)) {
      const stored = new Set((await claimPaymentStates(db, remit.id)).map((s) => s.sequence));
      const rest = chunk.filter((u) => !stored.has(u.sequence));
      if (rest.length < chunk.length)
        return rest.length ? storeAndPost(db, remit, rest, opts) : { posted: 0, payerIds: [] };
    }
    if (chunk.length === 1) {
      if (!opts.post) throw error;
      await storeAndPost(db, remit, chunk, { ...opts, post: false });
      throw error;
    }
    let posted = 0;
    const payerIds: number[] = [];
    let failure: unknown;
    for (const u of chunk) {
      try {
        const one = await storeAndPost(db, remit, [u], opts);
        posted += one.posted;
        payerIds.push(...one.payerIds);
      } catch (e) {
        failure ??= e;
      }
    }
    if (failure) throw failure;
    return { posted, payerIds };
  }
}

/** The remittance's transaction, read again from its stored file (to store what was left unstored). */
async function transactionOf(db: Executor, remit: RemittanceRow): Promise<Remittance> {
  const text = await eraFileText(db, remit.eraFileId);
  const found = text
    ? parse835(text).remittances.find(
        (r) => r.controlNumber === remit.controlNumber && r.trace.checkOrEftNumber === remit.traceNumber,
      )
    : undefined;
  if (!found) throw new Error(`remittance ${remit.id}: its transaction is not in its stored 835`);
  return found;
}

function mostCommon(xs: number[]): number {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

/**
 * Posts a remittance: its claim payments not stored yet are stored, matched and posted a chunk
 * per transaction, then those stored pending before are posted, then the PLB adjustments (held
 * with the transaction when it does not balance). `parsed` is the transaction as read, with its
 * balance when known (the remittance row will do: it keeps the PLB, and what is not stored yet is
 * read again from the stored file). With `post: false`
 * the claim payments are only stored and matched.
 */
export async function postRemittance(
  db: Db,
  remit: RemittanceRow,
  parsed: Pick<Remittance, 'providerAdjustments'> & { claims?: ClaimPayment[]; balance?: RemittanceBalance },
  opts: ImportOptions,
): Promise<
  Pick<RemittanceOutcome, 'posted' | 'alreadyPosted' | 'unmatched' | 'held' | 'providerAdjustments'>
> {
  const actor: AuditActor = { userId: opts.userId, userEmail: opts.userEmail ?? null, ip: opts.ip ?? null };
  const today = opts.today ?? todayIso();
  const post = opts.post !== false;
  const concurrency = opts.concurrency ?? 1;
  const states = await claimPaymentStates(db, remit.id);
  let posted = 0;
  const alreadyPosted = states.filter((p) => p.state === 'posted').length;
  const payerIds: number[] = [];
  if (states.length < remit.claimCount) {
    const transaction = parsed.claims ? { ...parsed, claims: parsed.claims } : await transactionOf(db, remit);
    const balance =
      parsed.claims && parsed.balance ? parsed.balance : balanceRemittance(transaction as Remittance);
    const stored = new Set(states.map((s) => s.sequence));
    const unstored = transaction.claims
      .map((payment, i) => ({ payment, sequence: i + 1, balanced: balance.claims[i]?.balanced ?? false }))
      .filter((u) => !stored.has(u.sequence));
    const storeOpts: StoreOptions = {
      actor,
      today,
      lookups: opts.lookups,
      postUnbalanced: !!opts.postUnbalanced,
      post,
    };
    await inParallel(
      chunksBy(unstored, (u) => u.payment.patientControlNumber, CHUNK),
      concurrency,
      async (chunk) => {
        const result = await storeAndPost(db, remit, chunk, storeOpts);
        posted += result.posted;
        payerIds.push(...result.payerIds);
      },
    );
  }
  // our payer is the one the matched claims were billed to (the 835 names it in its own words)
  if (remit.payerId == null) {
    if (!payerIds.length) {
      const matched = (await claimPaymentsOf(db, remit.id)).filter((p) => p.claimId != null);
      for (const c of (await candidatesOf(db, remit.practiceId, matched)).values()) payerIds.push(c.payerId);
    }
    if (payerIds.length) {
      remit.payerId = mostCommon(payerIds);
      await setRemittance(db, remit.id, { payerId: remit.payerId });
    }
  }
  let postedBefore = 0;
  if (post) {
    // what the chunks stored pending is read back: the ids only
    const pending =
      states.length < remit.claimCount
        ? await pendingClaimPayments(db, remit.id)
        : states.filter((p) => p.state === 'pending' && p.claimId != null);
    await inParallel(
      chunksBy(pending, (p) => p.claimId, CHUNK),
      concurrency,
      async (chunk) => {
        for (const result of await postPending(
          db,
          remit,
          chunk.map((p) => p.id),
          actor,
          { today, lookups: opts.lookups },
        )) {
          if (result === 'posted') posted++;
          else postedBefore++;
        }
      },
    );
  }
  const releasePlb = post && (remit.balanced || !!opts.postUnbalanced);
  const providerAdjustments = releasePlb
    ? await postProviderAdjustments(db, remit, parsed, actor, today)
    : ('held' as const);
  const counts = await claimStateCounts(db, [remit.id]);
  const count = (state: string) => counts.find((c) => c.state === state)?.count ?? 0;
  const unstored = remit.claimCount - counts.reduce((n, c) => n + c.count, 0);
  const waiting = count('pending') + count('unmatched') + count('held') + unstored;
  const state =
    waiting === 0 ? 'posted' : count('posted') > 0 ? 'partly_posted' : remit.balanced ? 'unposted' : 'held';
  await setRemittance(db, remit.id, { state });
  return {
    posted,
    alreadyPosted: alreadyPosted + postedBefore,
    unmatched: count('unmatched'),
    held: count('held'),
    providerAdjustments,
  };
}

/**
 * Posts claim payments stored pending: read, their claims read and checked for charges, then all
 * posted in one transaction. When that transaction fails, they are posted one by one, so one
 * that cannot post holds back only itself; its error is thrown once the others are posted.
 */
async function postPending(
  db: Db,
  remit: RemittanceRow,
  ids: number[],
  actor: AuditActor,
  posting: { today: string; lookups: ImportOptions['lookups'] },
): Promise<PostResult[]> {
  const payments = await claimPaymentsByIds(db, ids);
  const candidates = await candidatesOf(db, remit.practiceId, payments);
  const charged = await chargedClaims(
    db,
    payments.flatMap((p) => candidates.get(p.claimId as number) ?? []),
  );
  const items = payments.map((payment) => ({
    payment,
    candidate: candidates.get(payment.claimId as number),
    chargesPosted: charged.has(payment.claimId as number),
  }));
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
