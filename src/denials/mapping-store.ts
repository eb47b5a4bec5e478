// Each practice's denial mapping, versioned: version 1 is seeded from the CARC list the first time
// it is needed; a manager's edit copies the current version with the change as a new one, so a
// denial keeps the version that read it. The RARC list (remark_code) is shared by all practices.
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../audit/index.ts';
import type { Db, Executor } from '../db/connection.ts';
import { invalid, notFound } from '../shared/problem.ts';
import type { FieldError } from '../shared/problem.ts';
import { carcList } from './carc.ts';
import { checkMappingRow, seedMappingRows, SEED_RULES, type MappingRow } from './mapping.ts';
import { SEED_REMARKS, type RemarkCodeRecord } from './rarc.ts';
import { denialMapping, denialMappingVersion, remarkCode } from './tables.ts';

export type MappingVersionRow = typeof denialMappingVersion.$inferSelect;

export interface CurrentMapping {
  versionId: number;
  number: number;
  rows: MappingRow[];
}

const rowColumns = {
  groupCode: denialMapping.groupCode,
  reasonCode: denialMapping.reasonCode,
  remarkCode: denialMapping.remarkCode,
  category: denialMapping.category,
  explanation: denialMapping.explanation,
  action: denialMapping.action,
};

async function newest(tx: Executor, practiceId: number) {
  const [v] = await tx
    .select()
    .from(denialMappingVersion)
    .where(eq(denialMappingVersion.practiceId, practiceId))
    .orderBy(desc(denialMappingVersion.number))
    .limit(1);
  return v;
}

async function rowsOf(tx: Executor, versionId: number): Promise<MappingRow[]> {
  return tx
    .select(rowColumns)
    .from(denialMapping)
    .where(eq(denialMapping.versionId, versionId))
    .orderBy(asc(denialMapping.id));
}

/** The codes to seed from: the CARC file when the code-set folder has one, else those our rules name. */
async function seedCodes(): Promise<{ code: string }[]> {
  const list = await carcList();
  if (list.length) return list;
  return [...new Set(SEED_RULES.flatMap((r) => r.codes))].map((code) => ({ code }));
}

/**
 * The practice's mapping in force, seeding version 1 the first time (in the caller's transaction;
 * two first callers at once meet on the unique version number, and the loser reads the winner's).
 */
export async function ensureMapping(
  tx: Executor,
  practiceId: number,
  actor: AuditActor,
): Promise<CurrentMapping> {
  const have = await newest(tx, practiceId);
  if (have) return { versionId: have.id, number: have.number, rows: await rowsOf(tx, have.id) };
  const rows = seedMappingRows(await seedCodes());
  const [v] = await tx
    .insert(denialMappingVersion)
    .values({ practiceId, number: 1, note: 'seeded from the CARC list', createdBy: actor.userId })
    .onConflictDoNothing()
    .returning();
  if (!v) {
    const winner = (await newest(tx, practiceId))!;
    return { versionId: winner.id, number: winner.number, rows: await rowsOf(tx, winner.id) };
  }
  await insertRows(tx, v.id, rows);
  await seedRemarkCodes(tx);
  await recordAudit(tx, actor, {
    practiceId,
    action: 'create',
    entity: 'denial_mapping_version',
    entityId: v.id,
    after: { number: 1, rows: rows.length },
    detail: { note: v.note },
  });
  return { versionId: v.id, number: 1, rows };
}

async function insertRows(tx: Executor, versionId: number, rows: readonly MappingRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await tx.insert(denialMapping).values(rows.slice(i, i + 500).map((r) => ({ ...r, versionId })));
}

/** The versions of the user's practices, newest first, with their row counts. */
export async function listMappingVersions(db: Executor, practiceScope: number[], practiceId?: number) {
  const scope = practiceId ? practiceScope.filter((p) => p === practiceId) : practiceScope;
  const versions = await db
    .select()
    .from(denialMappingVersion)
    .where(inArray(denialMappingVersion.practiceId, scope.length ? scope : [-1]))
    .orderBy(asc(denialMappingVersion.practiceId), desc(denialMappingVersion.number));
  const counts = versions.length
    ? await db
        .select({ versionId: denialMapping.versionId, n: count() })
        .from(denialMapping)
        .where(
          inArray(
            denialMapping.versionId,
            versions.map((v) => v.id),
          ),
        )
        .groupBy(denialMapping.versionId)
    : [];
  return versions.map((v) => ({ ...v, rows: counts.find((c) => c.versionId === v.id)?.n ?? 0 }));
}

/** One version's rows, when it belongs to one of the user's practices. */
export async function mappingVersionRows(
  db: Executor,
  versionId: number,
  practiceScope: number[],
): Promise<{ version: MappingVersionRow; rows: MappingRow[] }> {
  const [version] = await db
    .select()
    .from(denialMappingVersion)
    .where(
      and(
        eq(denialMappingVersion.id, versionId),
        inArray(denialMappingVersion.practiceId, practiceScope.length ? practiceScope : [-1]),
      ),
    );
  if (!version) throw notFound('denial mapping version');
  return { version, rows: await rowsOf(db, versionId) };
}

export interface MappingEdit {
  /** Rows to add, or to replace the row with the same group, CARC and remark. */
  set?: MappingRow[];
  /** Rows to take out, by group, CARC and remark. */
  remove?: Pick<MappingRow, 'groupCode' | 'reasonCode' | 'remarkCode'>[];
  note: string;
}

const norm = (r: Pick<MappingRow, 'groupCode' | 'reasonCode' | 'remarkCode'>) =>
  `${(r.groupCode ?? '').toUpperCase()}|${r.reasonCode.toUpperCase()}|${(r.remarkCode ?? '').toUpperCase()}`;

const clean = (r: MappingRow): MappingRow => ({
  groupCode: r.groupCode ? r.groupCode.toUpperCase() : null,
  reasonCode: r.reasonCode.toUpperCase(),
  remarkCode: r.remarkCode ? r.remarkCode.toUpperCase() : null,
  category: r.category,
  explanation: r.explanation.trim(),
  action: r.action,
});

/**
 * A manager's edit: the current version copied with the change, stored as the next version with
 * its note and audit event. Denials already open keep the version that read them.
 */
export async function editMapping(
  db: Db,
  practiceId: number,
  edit: MappingEdit,
  actor: AuditActor,
): Promise<CurrentMapping> {
  const errors: FieldError[] = [];
  (edit.set ?? []).forEach((r, i) => {
    const why = checkMappingRow(r);
    if (why) errors.push({ pointer: `/set/${i}`, detail: why });
  });
  if (!(edit.set?.length || edit.remove?.length)) errors.push({ pointer: '/set', detail: 'no change' });
  if (errors.length) throw invalid(errors);
  return db.transaction(async (tx) => {
    // One edit at a time per practice: the row lock on the newest version orders them.
    const current = await ensureMapping(tx, practiceId, actor);
    await tx
      .select({ id: denialMappingVersion.id })
      .from(denialMappingVersion)
      .where(eq(denialMappingVersion.id, current.versionId))
      .for('update');
    const latest = (await newest(tx, practiceId))!;
    const base = latest.id === current.versionId ? current.rows : await rowsOf(tx, latest.id);
    const byKey = new Map(base.map((r) => [norm(r), r]));
    const removed: string[] = [];
    for (const r of edit.remove ?? []) {
      const k = norm(r);
      if (!byKey.delete(k))
        errors.push({ pointer: '/remove', detail: `no row ${k.replaceAll('|', ' ').trim()} to remove` });
      else removed.push(k);
    }
    if (errors.length) throw invalid(errors);
    const set = (edit.set ?? []).map(clean);
    for (const r of set) byKey.set(norm(r), r);
    const rows = [...byKey.values()];
    const [v] = await tx
      .insert(denialMappingVersion)
      .values({ practiceId, number: latest.number + 1, note: edit.note, createdBy: actor.userId })
      .returning();
    await insertRows(tx, v!.id, rows);
    await recordAudit(tx, actor, {
      practiceId,
      action: 'create',
      entity: 'denial_mapping_version',
      entityId: v!.id,
      before: { number: latest.number },
      after: { number: v!.number, rows: rows.length },
      detail: { note: edit.note, set, removed },
    });
    return { versionId: v!.id, number: v!.number, rows };
  });
}

/** The seeded remarks (our words, release 'seed'), added where the list has no such code yet. */
export async function seedRemarkCodes(tx: Executor): Promise<void> {
  await tx
    .insert(remarkCode)
    .values(SEED_REMARKS.map((r) => ({ ...r, release: 'seed' })))
    .onConflictDoNothing();
}

/** An imported RARC list: each code added or replaced (the seed's words give way to X12's), audited. */
export async function importRemarkCodes(
  db: Db,
  records: readonly RemarkCodeRecord[],
  release: string,
  actor: AuditActor,
): Promise<{ added: number; updated: number }> {
  return db.transaction(async (tx) => {
    const before = new Set(
      (
        await tx
          .select({ code: remarkCode.code })
          .from(remarkCode)
          .where(inArray(remarkCode.code, records.length ? records.map((r) => r.code) : ['']))
      ).map((r) => r.code),
    );
    for (let i = 0; i < records.length; i += 500)
      await tx
        .insert(remarkCode)
        .values(records.slice(i, i + 500).map((r) => ({ ...r, release })))
        .onConflictDoUpdate({
          target: remarkCode.code,
          set: {
            text: sql`excluded.text`,
            startDate: sql`excluded.start_date`,
            stopDate: sql`excluded.stop_date`,
            lastModified: sql`excluded.last_modified`,
            release: sql`excluded.release`,
          },
        });
    const updated = records.filter((r) => before.has(r.code)).length;
    await recordAudit(tx, actor, {
      practiceId: null,
      action: 'import',
      entity: 'remark_code',
      detail: { release, codes: records.length, added: records.length - updated, updated },
    });
    return { added: records.length - updated, updated };
  });
}

/** The words of these remark codes (seeded or imported); unknown codes are left out. */
export async function remarkTexts(db: Executor, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ code: remarkCode.code, text: remarkCode.text })
    .from(remarkCode)
    .where(inArray(remarkCode.code, [...new Set(codes)]));
  return new Map(rows.map((r) => [r.code, r.text]));
}
