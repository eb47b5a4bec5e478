// Storing the BLS files and reading them back for the explorer and the estimate. Wage data is
// installation-wide public data: imports and assumption changes are audited without a practice.
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import { recordAudit, type AuditActor } from '../audit/index.ts';
import type { Db, Executor } from '../db/connection.ts';
import { readBlsFile, type BlsFile } from './bls-file.ts';
import { DEFAULT_ASSUMPTIONS, type PayAssumption } from './default-assumptions.ts';
import type { WageProblem } from './problems.ts';
import { jobOutlook, payAssumption, wageEstimate, wageImport } from './tables.ts';

export interface WageFileOutcome {
  file: string;
  layout: BlsFile['layout'];
  release: string;
  rows: number;
  /** imported, unchanged (this content was imported before) or refused (it has problems). */
  outcome: 'imported' | 'unchanged' | 'refused';
  problems: WageProblem[];
}

/** Imports each file whole or not at all, in one transaction with its audit event. */
export async function importWageFiles(
  db: Db,
  files: { name: string; text: string }[],
  actor: AuditActor,
): Promise<WageFileOutcome[]> {
  const outcomes: WageFileOutcome[] = [];
  for (const { name, text } of files) {
    const read = readBlsFile(name, text);
    const base = { file: name, layout: read.layout, release: read.release, rows: read.rows.length };
    if (read.problems.length || read.layout === 'unknown') {
      outcomes.push({ ...base, outcome: 'refused', problems: read.problems });
      continue;
    }
    const sha256 = createHash('sha256').update(text).digest('hex');
    const imported = await db.transaction(async (tx) => {
      const [done] = await tx
        .select({ id: wageImport.id })
        .from(wageImport)
        .where(eq(wageImport.sha256, sha256));
      if (done) return false;
      const [{ id: importId }] = (await tx
        .insert(wageImport)
        .values({
          fileName: name,
          sha256,
          layout: read.layout,
          release: read.release,
          rows: read.rows.length,
          importedBy: actor.userId,
        })
        .returning({ id: wageImport.id })) as [{ id: number }];
      if (read.layout === 'oews') await storeEstimates(tx, read.rows, importId);
      else await storeOutlook(tx, read.rows, importId);
      await recordAudit(tx, actor, {
        practiceId: null,
        action: 'import',
        entity: 'wage_import',
        entityId: importId,
        after: { file: name, layout: read.layout, release: read.release, rows: read.rows.length, sha256 },
      });
      return true;
    });
    outcomes.push({ ...base, outcome: imported ? 'imported' : 'unchanged', problems: [] });
  }
  return outcomes;
}

async function storeEstimates(
  tx: Executor,
  rows: Extract<BlsFile, { layout: 'oews' }>['rows'],
  importId: number,
) {
  const values = rows.map(({ figures, ...r }) => ({ ...r, ...figures, importId }));
  // Every column of a newer copy of the same estimate replaces the stored one (the database's
  // snake_case names, as drizzle's casing writes them).
  const updated = Object.fromEntries(
    Object.keys(values[0] ?? {}).map((k) => [k, sql.raw(`excluded."${toSnakeCase(k)}"`)]),
  );
  if (values.length)
    await tx
      .insert(wageEstimate)
      .values(values)
      .onConflictDoUpdate({
        target: [
          wageEstimate.release,
          wageEstimate.area,
          wageEstimate.naics,
          wageEstimate.ownership,
          wageEstimate.occupationCode,
        ],
        set: updated,
      });
}

async function storeOutlook(
  tx: Executor,
  rows: Extract<BlsFile, { layout: 'projections' }>['rows'],
  importId: number,
) {
  for (const r of rows)
    await tx
      .insert(jobOutlook)
      .values({ ...r, importId })
      .onConflictDoUpdate({
        target: [jobOutlook.period, jobOutlook.occupationCode],
        set: { occupationTitle: r.occupationTitle, published: r.published, importId },
      });
}

export async function hasWageData(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: wageImport.id }).from(wageImport).limit(1);
  return row !== undefined;
}

export type WageEstimateRow = typeof wageEstimate.$inferSelect;
const CROSS_INDUSTRY = '000000';
const US = '99';

/** Everything the explorer shows for one occupation (default: the one imported first). */
export async function wageExplorer(db: Db, occupationCode?: string) {
  const occupation =
    occupationCode ??
    (
      await db
        .select({ code: wageEstimate.occupationCode })
        .from(wageEstimate)
        .orderBy(asc(wageEstimate.id))
        .limit(1)
    )[0]?.code;
  if (!occupation) return null;
  const rows = await db
    .select()
    .from(wageEstimate)
    .where(eq(wageEstimate.occupationCode, occupation))
    .orderBy(asc(wageEstimate.releaseYear), asc(wageEstimate.naics), asc(wageEstimate.area));
  const national = rows.filter((r) => r.area === US && r.naics === CROSS_INDUSTRY);
  const states = rows.filter((r) => r.area !== US && r.naics === CROSS_INDUSTRY);
  const industries = rows.filter((r) => r.area === US && r.naics !== CROSS_INDUSTRY);
  const outlook = await db
    .select()
    .from(jobOutlook)
    .where(eq(jobOutlook.occupationCode, occupation))
    .orderBy(desc(jobOutlook.period));
  const sources = await db
    .select()
    .from(wageImport)
    .orderBy(asc(wageImport.release), asc(wageImport.fileName));
  const title = rows[0]?.occupationTitle ?? outlook[0]?.occupationTitle ?? occupation;
  return { occupation: { code: occupation, title }, national, states, industries, outlook, sources };
}

/**
 * The assumptions in force: each default unless an administrator changed it (then the stored row).
 * Reading stores nothing; a default is stored when it is first changed.
 */
export async function payAssumptions(db: Db): Promise<PayAssumption[]> {
  const stored = new Map((await db.select().from(payAssumption)).map((r) => [r.key, r]));
  const keys = [...new Set([...DEFAULT_ASSUMPTIONS.map((d) => d.key), ...stored.keys()])];
  return keys
    .map((key) => {
      const row = stored.get(key) ?? DEFAULT_ASSUMPTIONS.find((d) => d.key === key)!;
      const { kind, label, low, high, source, sourceYear, note } = row;
      return {
        key,
        kind: kind as PayAssumption['kind'],
        label,
        low,
        high,
        source,
        sourceYear,
        note: note ?? null,
      };
    })
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.key.localeCompare(b.key));
}

/** An administrator's change to one assumption, audited with before and after. */
export async function updatePayAssumption(
  db: Db,
  key: string,
  change: Pick<PayAssumption, 'low' | 'high' | 'source' | 'sourceYear' | 'note'> & { label?: string },
  actor: AuditActor,
): Promise<PayAssumption | undefined> {
  return db.transaction(async (tx) => {
    // A default is stored the first time it is changed.
    const fallback = DEFAULT_ASSUMPTIONS.find((d) => d.key === key);
    if (fallback) await tx.insert(payAssumption).values(fallback).onConflictDoNothing();
    const [before] = await tx.select().from(payAssumption).where(eq(payAssumption.key, key)).for('update');
    if (!before) return undefined;
    const [after] = await tx
      .update(payAssumption)
      .set({ ...change, updatedBy: actor.userId, updatedAt: new Date() })
      .where(eq(payAssumption.key, key))
      .returning();
    await recordAudit(tx, actor, {
      practiceId: null,
      action: 'update',
      entity: 'pay_assumption',
      entityId: key,
      before,
      after,
    });
    const { updatedBy: _b, updatedAt: _a, ...rest } = after!;
    return { ...rest, kind: rest.kind as PayAssumption['kind'] };
  });
}

/** The latest row of a state or a setting with an annual mean, and the national row of its release. */
export async function estimateBases(db: Db, occupation: string, state?: string, naics?: string) {
  const latest = async (where: ReturnType<typeof and>) =>
    (await db.select().from(wageEstimate).where(where).orderBy(desc(wageEstimate.releaseYear)).limit(1))[0];
  const nationalOf = (release?: string) =>
    latest(
      and(
        eq(wageEstimate.occupationCode, occupation),
        eq(wageEstimate.area, US),
        eq(wageEstimate.naics, CROSS_INDUSTRY),
        ...(release ? [eq(wageEstimate.release, release)] : []),
      ),
    );
  const national = await nationalOf();
  const stateRow = state
    ? await latest(
        and(
          eq(wageEstimate.occupationCode, occupation),
          eq(wageEstimate.state, state),
          eq(wageEstimate.naics, CROSS_INDUSTRY),
          ne(wageEstimate.area, US),
          sql`${wageEstimate.annualMean} is not null`,
        ),
      )
    : undefined;
  const settingRow = naics
    ? await latest(
        and(
          eq(wageEstimate.occupationCode, occupation),
          eq(wageEstimate.area, US),
          eq(wageEstimate.naics, naics),
          sql`${wageEstimate.annualMean} is not null`,
        ),
      )
    : undefined;
  return {
    national,
    state: stateRow ? { row: stateRow, national: await nationalOf(stateRow.release) } : undefined,
    setting: settingRow ? { row: settingRow, national: await nationalOf(settingRow.release) } : undefined,
  };
}
