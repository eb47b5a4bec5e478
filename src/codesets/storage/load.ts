import { and, asc, eq, gt } from 'drizzle-orm';
import { pause } from '../../shared/pause.ts';
import type { Executor } from '../../db/connection.ts';
import type { RecordSource, ReleaseRef } from '../load/source.ts';
import type { FileRole } from '../release/classify.ts';
import type { CodeSystem, Release } from '../release/release.ts';
import { codeRecord, codeRelease } from './tables.ts';

export type StoredRelease = ReleaseRef & {
  id: number;
  counts: Record<string, number>;
  importedAt: Date;
  files: unknown;
};

/** The releases held in the database, newest first within each system. */
export async function storedReleases(db: Executor): Promise<StoredRelease[]> {
  const rows = await db
    .select()
    .from(codeRelease)
    .where(eq(codeRelease.status, 'active'))
    .orderBy(asc(codeRelease.system), asc(codeRelease.effectiveFrom));
  return rows.map((r) => {
    const release: Release = {
      system: r.system as CodeSystem,
      version: r.version,
      effectiveFrom: r.effectiveFrom,
      ...(r.effectiveThrough ? { effectiveThrough: r.effectiveThrough } : {}),
    };
    const counts = r.counts as Record<string, number>;
    return {
      id: r.id,
      release,
      roles: Object.keys(counts) as FileRole[],
      counts,
      importedAt: r.importedAt,
      files: r.files,
    };
  });
}

/** Rows read per query: one query for a whole file held the embedded database for seconds, 5,000 rows a quarter of one. */
const PAGE = 2_000;

/** Records read back from the database, in the order the importer produced them. */
export function databaseSource(db: Executor, releases: readonly StoredRelease[]): RecordSource {
  return async (ref, role) => {
    const stored = releases.find(
      (r) => r.release.system === ref.release.system && r.release.version === ref.release.version,
    );
    if (!stored || !stored.roles.includes(role)) return undefined;
    const records: unknown[] = [];
    for (let after = -1; ;) {
      const rows = await db
        .select({ seq: codeRecord.seq, record: codeRecord.record })
        .from(codeRecord)
        .where(and(eq(codeRecord.releaseId, stored.id), eq(codeRecord.role, role), gt(codeRecord.seq, after)))
        .orderBy(asc(codeRecord.seq))
        .limit(PAGE);
      for (const r of rows) records.push(r.record);
      if (rows.length < PAGE) return records;
      after = rows.at(-1)!.seq;
      await pause();
    }
  };
}
