// Appeals of denied claims: a draft letter filled from a template, edited, printed to PDF, sent
// (on the claim's history, the denial resolved as appealed), its outcome, and a second level after
// a lost one. Appeals carry PHI: every change is audited in its transaction.
import { and, asc, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../audit/index.ts';
import { noteOnClaim } from '../claims/index.ts';
import type { Executor } from '../db/connection.ts';
import { formatUsd } from '../shared/money.ts';
import { conflict, invalid, notFound } from '../shared/problem.ts';
import { appealContext, type AppealContext } from './appeal-context.ts';
import { fillAppealLetter } from './appeal-letter.ts';
import { renderAppealPdf } from './appeal-pdf.ts';
import type { AppealProblem } from './appeal-problems.ts';
import { templateById, templateFor } from './appeal-template-store.ts';
import { resolveDenialIn } from './store.ts';
import { appeal, denial } from './tables.ts';

export type AppealRow = typeof appeal.$inferSelect;
export type AppealView = Omit<AppealRow, 'pdf'> & { hasPdf: boolean };

export const OUTCOMES = ['won', 'partly-won', 'lost'] as const;
export type AppealOutcome = (typeof OUTCOMES)[number];

export interface AppealDraftInput {
  claimId: number;
  denialId?: number | null;
  templateId?: number | null;
  documents: string[];
  /** The letter as the biller edited it; its placeholders are filled too. Absent: the template's. */
  letter?: string | null;
}

export interface AppealEnv {
  scope: number[];
  actor: AuditActor;
  today: string;
}

const view = ({ pdf, ...row }: AppealRow): AppealView => ({ ...row, hasPdf: pdf !== null });

/** The letter filled, or a 422 naming each unknown placeholder (never printed blank). */
function fill(body: string, ctx: AppealContext, documents: string[], level: number, today: string) {
  const { letter, problems } = fillAppealLetter(body, { ...ctx.input, documents, level, today });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) throw invalid(errors.map((p) => ({ pointer: '/letter', detail: p.message })));
  return { letter, problems };
}

async function templateOf(
  tx: Executor,
  ctx: AppealContext,
  templateId: number | null | undefined,
  scope: number[],
) {
  if (templateId) return templateById(tx, templateId, scope);
  return templateFor(tx, {
    practiceId: ctx.claim.practiceId,
    payerId: ctx.claim.payerId,
    category: ctx.denial?.category ?? null,
  });
}

async function insertAppeal(
  tx: Executor,
  input: AppealDraftInput,
  level: number,
  env: AppealEnv,
): Promise<{ appeal: AppealView; problems: AppealProblem[] }> {
  const ctx = await appealContext(tx, input.claimId, input.denialId ?? null, env.scope);
  const template = await templateOf(tx, ctx, input.templateId, env.scope);
  const documents = cleanDocuments(input.documents);
  const { letter, problems } = fill(input.letter ?? template.body, ctx, documents, level, env.today);
  const [row] = await tx
    .insert(appeal)
    .values({
      practiceId: ctx.claim.practiceId,
      claimId: ctx.claim.id,
      denialId: ctx.denial?.id ?? null,
      level,
      templateId: template.id,
      letter,
      documents,
      state: 'draft',
      createdBy: env.actor.userId,
    })
    .returning();
  await recordAudit(tx, env.actor, {
    practiceId: row!.practiceId,
    action: 'create',
    entity: 'appeal',
    entityId: row!.id,
    after: view(row!),
  });
  return { appeal: view(row!), problems };
}

const cleanDocuments = (documents: string[]) => [...new Set(documents.map((d) => d.trim()).filter(Boolean))];

export const createAppeal = (tx: Executor, input: AppealDraftInput, env: AppealEnv) =>
  insertAppeal(tx, input, 1, env);

export async function loadAppeal(tx: Executor, id: number, scope: number[]): Promise<AppealRow> {
  const [row] = await tx
    .select()
    .from(appeal)
    .where(and(eq(appeal.id, id), inArray(appeal.practiceId, scope.length ? scope : [-1])));
  if (!row) throw notFound('appeal');
  return row;
}

async function change(
  tx: Executor,
  before: AppealRow,
  set: Partial<AppealRow>,
  env: AppealEnv,
  detail?: unknown,
): Promise<AppealView> {
  const [row] = await tx
    .update(appeal)
    .set(set)
    .where(and(eq(appeal.id, before.id), eq(appeal.state, before.state)))
    .returning();
  if (!row) throw conflict(`appeal ${before.id} changed meanwhile: reload it`);
  const { pdf: _b, ...was } = before;
  await recordAudit(tx, env.actor, {
    practiceId: row.practiceId,
    action: 'update',
    entity: 'appeal',
    entityId: row.id,
    before: was,
    after: view(row),
    detail,
  });
  return view(row);
}

/** A draft edited: documents, the letter (filled again), or another template. Its PDF is made again. */
export async function updateAppeal(
  tx: Executor,
  id: number,
  edit: { documents?: string[]; letter?: string; templateId?: number },
  env: AppealEnv,
): Promise<{ appeal: AppealView; problems: AppealProblem[] }> {
  const before = await loadAppeal(tx, id, env.scope);
  if (before.state !== 'draft') throw conflict(`appeal ${id} is ${before.state}: only a draft is edited`);
  const documents = edit.documents ? cleanDocuments(edit.documents) : before.documents;
  const ctx = await appealContext(tx, before.claimId, before.denialId, env.scope);
  const template =
    edit.templateId && edit.templateId !== before.templateId && edit.letter === undefined
      ? await templateById(tx, edit.templateId, env.scope)
      : undefined;
  const body = edit.letter ?? template?.body ?? before.letter;
  const { letter, problems } = fill(body, ctx, documents, before.level, env.today);
  const row = await change(
    tx,
    before,
    { letter, documents, templateId: template?.id ?? edit.templateId ?? before.templateId, pdf: null },
    env,
  );
  return { appeal: row, problems };
}

/** The PDF made from the letter as it stands, stored on the appeal. */
export async function makeAppealPdf(tx: Executor, id: number, env: AppealEnv, now: Date): Promise<Buffer> {
  const before = await loadAppeal(tx, id, env.scope);
  const ctx = await appealContext(tx, before.claimId, before.denialId, env.scope);
  const pdf = await renderAppealPdf(
    {
      practice: ctx.input.practice,
      letter: before.letter,
      documents: before.documents,
      title: `Appeal ${ctx.claim.patientControlNumber} level ${before.level}`,
    },
    { creationDate: now },
  );
  await change(tx, before, { pdf }, env, { pdf: `${pdf.length} bytes` });
  return pdf;
}

/** Sent: on the claim's history (a denied claim becomes appealed) and the denial resolved as appealed. */
export async function sendAppeal(tx: Executor, id: number, env: AppealEnv, now: Date): Promise<AppealView> {
  let before = await loadAppeal(tx, id, env.scope);
  if (before.state !== 'draft') throw conflict(`appeal ${id} is ${before.state} already`);
  if (!before.pdf) {
    await makeAppealPdf(tx, id, env, now);
    before = await loadAppeal(tx, id, env.scope);
  }
  const row = await change(tx, before, { state: 'sent', sentAt: now }, env);
  await noteOnClaim(tx, before.claimId, env.scope, env.actor, {
    to: 'appealed',
    reason: `appeal sent (level ${before.level}${before.documents.length ? `, enclosing ${before.documents.join(', ')}` : ''})`,
    detail: { kind: 'appeal', appealId: id, level: before.level, denialId: before.denialId },
  });
  if (before.denialId) await markDenialAppealed(tx, before.denialId, env);
  return row;
}

/** The payer's answer to a sent appeal. */
export async function recordOutcome(
  tx: Executor,
  id: number,
  outcome: { state: AppealOutcome; recoveredCents: number; note: string },
  env: AppealEnv,
  now: Date,
): Promise<AppealView> {
  const before = await loadAppeal(tx, id, env.scope);
  if (before.state !== 'sent')
    throw conflict(`appeal ${id} is ${before.state}: an outcome is recorded on a sent appeal`);
  if (outcome.state === 'lost' && outcome.recoveredCents !== 0)
    throw invalid([{ pointer: '/recoveredCents', detail: 'a lost appeal recovers nothing' }]);
  const row = await change(
    tx,
    before,
    {
      state: outcome.state,
      recoveredCents: outcome.recoveredCents,
      outcomeNote: outcome.note,
      decidedAt: now,
    },
    env,
  );
  await noteOnClaim(tx, before.claimId, env.scope, env.actor, {
    reason: `appeal level ${before.level} ${outcome.state}${outcome.recoveredCents ? ` (${formatUsd(outcome.recoveredCents)} recovered)` : ''}: ${outcome.note}`,
    detail: { kind: 'appeal-outcome', appealId: id, ...outcome },
  });
  // Won (or partly): the denial is done; the rest of a partial win is written off or billed as its
  // own step. Lost: it stays open for the next level or a write-off.
  if (before.denialId && outcome.state !== 'lost')
    await resolveDenialIn(
      tx,
      before.denialId,
      env.scope,
      'appealed',
      `appeal level ${before.level} ${outcome.state}: ${outcome.note}`,
      env.actor,
      now,
    );
  return row;
}

/** The next level after a lost appeal: a new draft for the same claim and denial, the same documents. */
export async function nextLevelAppeal(tx: Executor, id: number, env: AppealEnv) {
  const before = await loadAppeal(tx, id, env.scope);
  if (before.state !== 'lost')
    throw conflict(`appeal ${id} is ${before.state}: only a lost appeal goes to the next level`);
  const [later] = await tx
    .select({ id: appeal.id })
    .from(appeal)
    .where(
      and(
        eq(appeal.claimId, before.claimId),
        before.denialId === null ? sql`${appeal.denialId} is null` : eq(appeal.denialId, before.denialId),
        sql`${appeal.level} > ${before.level}`,
      ),
    );
  if (later) throw conflict(`appeal ${later.id} is already the next level of appeal ${id}`);
  return insertAppeal(
    tx,
    {
      claimId: before.claimId,
      denialId: before.denialId,
      templateId: before.templateId,
      documents: before.documents,
    },
    before.level + 1,
    env,
  );
}

/**
 * The denial's appeal is out: it says so, and stays open (its money is still at stake) until the
 * outcome or another action resolves it.
 */
async function markDenialAppealed(tx: Executor, denialId: number, env: AppealEnv): Promise<void> {
  const resolution = 'appealed';
  const [before] = await tx.select().from(denial).where(eq(denial.id, denialId));
  if (!before) throw notFound('denial');
  await tx.update(denial).set({ resolution }).where(eq(denial.id, denialId));
  await recordAudit(tx, env.actor, {
    practiceId: before.practiceId,
    action: 'update',
    entity: 'denial',
    entityId: denialId,
    before: { resolution: before.resolution },
    after: { resolution },
  });
}

/** A claim's appeals (or a denial's), newest level first, without the PDF bytes. */
export async function listAppeals(
  db: Executor,
  scope: number[],
  filter: { claimId?: number; denialId?: number; id?: number },
): Promise<AppealView[]> {
  const { pdf, ...columns } = getTableColumns(appeal);
  return db
    .select({ ...columns, hasPdf: sql<boolean>`${pdf} is not null` })
    .from(appeal)
    .where(
      and(
        inArray(appeal.practiceId, scope.length ? scope : [-1]),
        filter.claimId ? eq(appeal.claimId, filter.claimId) : undefined,
        filter.denialId ? eq(appeal.denialId, filter.denialId) : undefined,
        filter.id ? eq(appeal.id, filter.id) : undefined,
      ),
    )
    .orderBy(desc(appeal.level), asc(appeal.id))
    .limit(200);
}
