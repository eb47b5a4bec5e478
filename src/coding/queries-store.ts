// Physician queries kept: sent (the chart waits in state 'query'), answered (the answer becomes an
// addendum chart document and the chart goes back to its coder) or withdrawn. Every change is
// audited in the caller's transaction.
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../audit/index.ts';
import { addNote } from '../charts/index.ts';
import type { Executor } from '../db/connection.ts';
import { loadEncounter } from '../encounters/index.ts';
import { providerById } from '../practices/index.ts';
import { conflict, invalid, notFound } from '../shared/problem.ts';
import {
  addendumText,
  checkAnswer,
  checkQuery,
  queryOptions,
  type QueryAnswer,
  type QueryDraft,
} from './queries.ts';
import { codingQuery } from './query-tables.ts';
import { holdChartForQuery, releaseChartFromQuery } from './queue-store.ts';

export type CodingQueryRow = typeof codingQuery.$inferSelect;

export async function sendQuery(
  db: Executor,
  practiceId: number,
  encounterId: number,
  draft: QueryDraft & { providerId?: number },
  actor: AuditActor,
): Promise<CodingQueryRow> {
  const errors = checkQuery(draft);
  if (errors.length > 0) throw invalid(errors);
  const visit = await loadEncounter(db, encounterId, [practiceId]);
  if (!visit) throw notFound('encounter');
  const providerId = draft.providerId ?? visit.renderingProviderId;
  const provider = await providerById(db, providerId);
  if (!provider || provider.practiceId !== practiceId) throw notFound('provider');
  const chart = await holdChartForQuery(db, practiceId, encounterId, 'physician query', actor);
  if (!chart) throw notFound('coding chart');
  const [query] = await db
    .insert(codingQuery)
    .values({
      practiceId,
      encounterId,
      codingChartId: chart.id,
      providerId,
      question: draft.question.trim(),
      clinicalIndicators: draft.clinicalIndicators.trim(),
      options: queryOptions(draft.options),
      sentBy: actor.userId,
    })
    .returning();
  await recordAudit(db, actor, {
    practiceId,
    action: 'create',
    entity: 'coding_query',
    entityId: query!.id,
    after: query,
  });
  return query!;
}

/**
 * The provider's answer: checked against the options sent, written as an addendum on the
 * encounter (the coder cites it), and the chart goes back to its coder once no query is open.
 */
export async function answerQuery(
  db: Executor,
  scope: number[],
  queryId: number,
  answer: QueryAnswer,
  actor: AuditActor & { name: string },
  answeredAt: Date,
): Promise<CodingQueryRow> {
  const before = await queryById(db, scope, queryId);
  if (before.state !== 'open') throw conflict(`this query is ${before.state}`);
  const errors = checkAnswer(before.options, answer);
  if (errors.length > 0) throw invalid(errors);
  const provider = await providerById(db, before.providerId);
  const signedBy = provider?.npi ? `${actor.name} (answering for NPI ${provider.npi})` : actor.name;
  const day = answeredAt.toISOString().slice(0, 10);
  const text = addendumText(
    { ...before, sentAt: before.sentAt.toISOString().slice(0, 10) },
    answer,
    signedBy,
    day,
  );
  const note = await addNote(
    db,
    before.practiceId,
    before.encounterId,
    {
      title: `Query #${before.id} response`,
      kind: 'query-addendum',
      text,
      authoredAt: answeredAt.toISOString(),
      ...(provider?.npi ? { authorNpi: provider.npi } : {}),
    },
    actor,
  );
  return closeQuery(db, before, actor, {
    state: 'answered',
    answerOption: answer.option,
    answerText: answer.text?.trim() || null,
    answeredBy: actor.userId,
    answeredAt,
    addendumDocumentId: note.id,
  });
}

/** A query the coder takes back (asked in error, or the answer came another way). */
export async function withdrawQuery(
  db: Executor,
  scope: number[],
  queryId: number,
  actor: AuditActor,
): Promise<CodingQueryRow> {
  const before = await queryById(db, scope, queryId);
  if (before.state !== 'open') throw conflict(`this query is ${before.state}`);
  return closeQuery(db, before, actor, { state: 'withdrawn' });
}

/**
 * Closes an open query (answered or withdrawn) with its audit entry; the chart goes back to its
 * coder once no query on it is open.
 */
async function closeQuery(
  db: Executor,
  before: CodingQueryRow,
  actor: AuditActor,
  changes: Partial<typeof codingQuery.$inferInsert> & { state: 'answered' | 'withdrawn' },
): Promise<CodingQueryRow> {
  const [after] = await db.update(codingQuery).set(changes).where(eq(codingQuery.id, before.id)).returning();
  await recordAudit(db, actor, {
    practiceId: before.practiceId,
    action: 'update',
    entity: 'coding_query',
    entityId: before.id,
    before: { state: before.state },
    after: changes,
  });
  await releaseWhenNoQueryOpen(db, before, actor);
  return after!;
}

async function releaseWhenNoQueryOpen(db: Executor, query: CodingQueryRow, actor: AuditActor) {
  const [other] = await db
    .select({ id: codingQuery.id })
    .from(codingQuery)
    .where(
      and(
        eq(codingQuery.encounterId, query.encounterId),
        eq(codingQuery.state, 'open'),
        ne(codingQuery.id, query.id),
      ),
    )
    .limit(1);
  if (!other) await releaseChartFromQuery(db, query.practiceId, query.encounterId, actor);
}

export async function queryById(db: Executor, scope: number[], id: number): Promise<CodingQueryRow> {
  const [row] = await db
    .select()
    .from(codingQuery)
    .where(and(eq(codingQuery.id, id), inArray(codingQuery.practiceId, scope.length ? scope : [-1])));
  if (!row) throw notFound('query');
  return row;
}

export interface QueryListFilter {
  practiceId?: number;
  state?: string;
  encounterId?: number;
  providerId?: number;
}

/** Queries in the caller's practices, newest first (at most 500: the open ones are what matters). */
export async function listQueries(
  db: Executor,
  scope: number[],
  filter: QueryListFilter,
): Promise<CodingQueryRow[]> {
  const practices = filter.practiceId ? scope.filter((p) => p === filter.practiceId) : scope;
  return db
    .select()
    .from(codingQuery)
    .where(
      and(
        inArray(codingQuery.practiceId, practices.length ? practices : [-1]),
        filter.state ? eq(codingQuery.state, filter.state) : undefined,
        filter.encounterId ? eq(codingQuery.encounterId, filter.encounterId) : undefined,
        filter.providerId ? eq(codingQuery.providerId, filter.providerId) : undefined,
      ),
    )
    .orderBy(desc(codingQuery.sentAt), desc(codingQuery.id))
    .limit(500);
}
