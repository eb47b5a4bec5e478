// Appeal templates in storage: the built-in letters seeded on first use, and a practice's own
// (a manager's), each checked for unknown placeholders before it is saved.
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../audit/index.ts';
import type { Executor } from '../db/connection.ts';
import { invalid, notFound } from '../shared/problem.ts';
import { unknownPlaceholders } from './appeal-letter.ts';
import { BUILT_IN_TEMPLATES } from './appeal-template-texts.ts';
import { chooseTemplate } from './appeal-templates.ts';
import { appealTemplate } from './tables.ts';

export type AppealTemplateRow = typeof appealTemplate.$inferSelect;

/** pg_advisory_xact_lock's key for seeding the built-in templates (once, whoever comes first). */
const SEED_LOCK = 15_0001;

/** Inserts the built-in templates not stored yet (none: no practice), by category. */
export async function ensureBuiltInTemplates(tx: Executor): Promise<void> {
  const stored = await tx
    .select({ category: appealTemplate.category })
    .from(appealTemplate)
    .where(isNull(appealTemplate.practiceId));
  if (stored.length >= BUILT_IN_TEMPLATES.length) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
  const again = await tx
    .select({ category: appealTemplate.category })
    .from(appealTemplate)
    .where(isNull(appealTemplate.practiceId));
  const have = new Set(again.map((r) => r.category ?? ''));
  const missing = BUILT_IN_TEMPLATES.filter((t) => !have.has(t.category ?? ''));
  if (missing.length)
    await tx.insert(appealTemplate).values(
      missing.map((t) => ({
        practiceId: null,
        payerId: null,
        category: t.category,
        name: t.name,
        body: t.body,
      })),
    );
}

/** The built-in templates and the practices' own, oldest first. */
export async function listTemplates(tx: Executor, practiceIds: number[]): Promise<AppealTemplateRow[]> {
  await ensureBuiltInTemplates(tx);
  return tx
    .select()
    .from(appealTemplate)
    .where(
      or(
        isNull(appealTemplate.practiceId),
        inArray(appealTemplate.practiceId, practiceIds.length ? practiceIds : [-1]),
      ),
    )
    .orderBy(asc(appealTemplate.id));
}

/** A template the user may use (built-in or one of their practices'); 404 otherwise. */
export async function templateById(
  tx: Executor,
  id: number,
  practiceIds: number[],
): Promise<AppealTemplateRow> {
  const [row] = await tx.select().from(appealTemplate).where(eq(appealTemplate.id, id));
  if (!row || (row.practiceId !== null && !practiceIds.includes(row.practiceId)))
    throw notFound('appeal template');
  return row;
}

/** The template a denial's appeal starts from (appeal-templates.ts says which). */
export async function templateFor(
  tx: Executor,
  want: { practiceId: number; payerId: number; category: string | null },
): Promise<AppealTemplateRow> {
  const rows = await listTemplates(tx, [want.practiceId]);
  return chooseTemplate(rows, want)!;
}

export interface TemplateInput {
  practiceId: number;
  category: string | null;
  payerId: number | null;
  name: string;
  body: string;
  active?: boolean;
}

function checkBody(body: string): void {
  const unknown = unknownPlaceholders(body);
  if (unknown.length) throw invalid(unknown.map((p) => ({ pointer: '/body', detail: p.message })));
}

export async function createTemplate(tx: Executor, input: TemplateInput, actor: AuditActor) {
  checkBody(input.body);
  const [row] = await tx.insert(appealTemplate).values(input).returning();
  await recordAudit(tx, actor, {
    practiceId: input.practiceId,
    action: 'create',
    entity: 'appeal_template',
    entityId: row!.id,
    after: row,
  });
  return row!;
}

/** A practice's own template changed; built-in ones are not edited (a practice writes its own). */
export async function updateTemplate(
  tx: Executor,
  id: number,
  practiceIds: number[],
  change: Partial<Omit<TemplateInput, 'practiceId'>>,
  actor: AuditActor,
) {
  const before = await templateById(tx, id, practiceIds);
  if (before.practiceId === null) throw notFound('practice appeal template');
  if (change.body !== undefined) checkBody(change.body);
  const [row] = await tx
    .update(appealTemplate)
    .set({ ...change, updatedAt: new Date() })
    .where(and(eq(appealTemplate.id, id)))
    .returning();
  await recordAudit(tx, actor, {
    practiceId: before.practiceId,
    action: 'update',
    entity: 'appeal_template',
    entityId: id,
    before,
    after: row,
  });
  return row!;
}
