import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { payerNames } from '../payers/index.ts';
import { providersByIds } from '../practices/index.ts';
import { addDays } from '../shared/dates.ts';
import { claim, claimEvent, claimLine } from './tables.ts';

// What the denials dashboard needs to know of each claim, read from its history (claim_event):
// when it was first scrubbed (and whether clean), submitted, answered, decided and paid, and
// whether it needed rework. The derivation is pure; the read is one query per table.

/** What the dashboard needs to know about one claim, from its history. */
export interface ClaimFacts {
  claimId: number;
  payerId: number;
  payerName: string;
  providerId: number;
  providerName: string;
  /** The procedure codes its lines bill. */
  procedureCodes: string[];
  /** Each line's procedure code: a denied line names its procedure through it. */
  lineProcedures: { claimLineId: number; procedureCode: string }[];
  /** The first scrub: its day and whether the claim came out clean (no error, no pending warning). */
  firstScrub: { on: string; clean: boolean } | null;
  submittedOn: string | null;
  /** The first answer after submission: an acknowledgment, a rejection or a remittance. */
  firstResponseOn: string | null;
  /** The first time it was decided: adjudicated (paid, partly paid, denied) or rejected. */
  decidedOn: string | null;
  /** The first adjudication (paid, partially_paid or denied) and its day. */
  adjudicatedOn: string | null;
  firstAdjudication: 'paid' | 'partially_paid' | 'denied' | null;
  paidOn: string | null;
  /** Rejected, sent more than once, corrected, voided, or itself a replacement: it needed rework. */
  reworked: boolean;
}

export interface ClaimEventFact {
  /** The event's day (UTC). */
  on: string;
  toState: string;
  reason: string;
}

const ADJUDICATIONS = ['paid', 'partially_paid', 'denied'] as const;
const RESPONSES = ['accepted', 'rejected', ...ADJUDICATIONS];

/** The history facts of one claim from its events in order (pure). */
export function historyFacts(
  events: readonly ClaimEventFact[],
  frequencyCode: string,
  replaced: boolean,
): Pick<
  ClaimFacts,
  | 'firstScrub'
  | 'submittedOn'
  | 'firstResponseOn'
  | 'decidedOn'
  | 'adjudicatedOn'
  | 'firstAdjudication'
  | 'paidOn'
  | 'reworked'
> {
  const first = (test: (e: ClaimEventFact) => boolean) => events.find(test) ?? null;
  const scrub = first((e) => e.reason.startsWith('scrubbed'));
  const submitted = first((e) => e.toState === 'submitted');
  const response = submitted ? first((e) => e.on >= submitted.on && RESPONSES.includes(e.toState)) : null;
  const adjudicated = first((e) => (ADJUDICATIONS as readonly string[]).includes(e.toState));
  const rejected = first((e) => e.toState === 'rejected');
  const decided = [adjudicated?.on, rejected?.on].filter((d): d is string => !!d).sort()[0] ?? null;
  const paid = first((e) => e.toState === 'paid' || e.toState === 'partially_paid');
  const submissions = events.filter((e) => e.toState === 'submitted').length;
  return {
    firstScrub: scrub ? { on: scrub.on, clean: scrub.reason === 'scrubbed clean' } : null,
    submittedOn: submitted?.on ?? null,
    firstResponseOn: response?.on ?? null,
    decidedOn: decided,
    adjudicatedOn: adjudicated?.on ?? null,
    firstAdjudication: (adjudicated?.toState as ClaimFacts['firstAdjudication']) ?? null,
    paidOn: paid?.on ?? null,
    reworked:
      frequencyCode !== '1' ||
      replaced ||
      rejected !== null ||
      submissions > 1 ||
      events.some((e) => e.toState === 'corrected' || e.toState === 'voided'),
  };
}

export interface ClaimFactsQuery {
  practiceId: number;
  /** Claims with an event (scrub, submission, answer, remittance) on a day in from..to. */
  from: string;
  to: string;
  payerId?: number;
}

/** The facts of the practice's claims that moved in the period, each with its whole history. */
export async function claimFactsFor(db: Executor, q: ClaimFactsQuery): Promise<ClaimFacts[]> {
  const moved = db
    .selectDistinct({ id: claimEvent.claimId })
    .from(claimEvent)
    .where(
      and(
        gte(claimEvent.at, new Date(`${q.from}T00:00:00Z`)),
        lt(claimEvent.at, new Date(`${addDays(q.to, 1)}T00:00:00Z`)),
      ),
    );
  const claims = await db
    .select({
      id: claim.id,
      payerId: claim.payerId,
      providerId: claim.renderingProviderId,
      frequencyCode: claim.frequencyCode,
    })
    .from(claim)
    .where(
      and(
        eq(claim.practiceId, q.practiceId),
        q.payerId ? eq(claim.payerId, q.payerId) : undefined,
        inArray(claim.id, moved),
      ),
    );
  if (claims.length === 0) return [];
  const ids = claims.map((c) => c.id);
  const events = new Map<number, ClaimEventFact[]>();
  const lines = new Map<number, { claimLineId: number; procedureCode: string }[]>();
  const replaced = new Set<number>();
  for (let i = 0; i < ids.length; i += 5000) {
    const slice = ids.slice(i, i + 5000);
    const eventRows = await db
      .select({
        claimId: claimEvent.claimId,
        at: claimEvent.at,
        toState: claimEvent.toState,
        reason: claimEvent.reason,
      })
      .from(claimEvent)
      .where(inArray(claimEvent.claimId, slice))
      .orderBy(claimEvent.claimId, claimEvent.at, claimEvent.id);
    for (const e of eventRows)
      events.set(e.claimId, [
        ...(events.get(e.claimId) ?? []),
        { on: e.at.toISOString().slice(0, 10), toState: e.toState, reason: e.reason },
      ]);
    const lineRows = await db
      .select({
        claimId: claimLine.claimId,
        claimLineId: claimLine.id,
        procedureCode: claimLine.procedureCode,
      })
      .from(claimLine)
      .where(inArray(claimLine.claimId, slice))
      .orderBy(claimLine.id);
    const replacements = await db
      .selectDistinct({ originalClaimId: claim.originalClaimId })
      .from(claim)
      .where(inArray(claim.originalClaimId, slice));
    for (const r of replacements) replaced.add(r.originalClaimId!);
    for (const l of lineRows)
      lines.set(l.claimId, [
        ...(lines.get(l.claimId) ?? []),
        { claimLineId: l.claimLineId, procedureCode: l.procedureCode },
      ]);
  }
  const payers = new Map(
    (await payerNames(db, q.practiceId, [...new Set(claims.map((c) => c.payerId))])).map((p) => [
      p.id,
      p.name,
    ]),
  );
  const providers = new Map(
    (await providersByIds(db, [...new Set(claims.map((c) => c.providerId))])).map((p) => [
      p.id,
      `${p.lastName}, ${p.firstName}`,
    ]),
  );
  return claims.map((c) => {
    const own = lines.get(c.id) ?? [];
    return {
      claimId: c.id,
      payerId: c.payerId,
      payerName: payers.get(c.payerId) ?? `Payer ${c.payerId}`,
      providerId: c.providerId,
      providerName: providers.get(c.providerId) ?? `Provider ${c.providerId}`,
      procedureCodes: [...new Set(own.map((l) => l.procedureCode).filter(Boolean))],
      lineProcedures: own,
      ...historyFacts(events.get(c.id) ?? [], c.frequencyCode, replaced.has(c.id)),
    };
  });
}
