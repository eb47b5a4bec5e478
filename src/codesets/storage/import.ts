import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { AuditActor } from '../../audit/index.ts';
import { recordAudit } from '../../audit/index.ts';
import type { Database } from '../../db/connection.ts';
import { IMPORTERS } from '../load/importers.ts';
import { detectReleases, type DetectedRelease } from '../release/detect.ts';
import { codeRecord, codeRelease } from './tables.ts';
import { refreshStoredSearchIndexes } from './searchIndexStore.ts';

export interface ImportOutcome {
  system: string;
  version: string;
  status: 'imported' | 'unchanged' | 'replaced' | 'failed';
  counts: Record<string, number>;
  error?: string;
}

// Rows per insert: on the embedded database one insert holds the only thread, so keep each short.
const BATCH = 500;

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function fingerprint(r: DetectedRelease) {
  return Promise.all(
    r.files.map(async (f) => ({
      role: f.role,
      name: basename(f.path),
      bytes: (await stat(f.path)).size,
      sha256: await sha256(f.path),
    })),
  );
}

/**
 * Imports every release found in a folder. Each release is one transaction: a truncated or
 * corrupt file rolls it back with the file and position, and the releases already there stay.
 * A release whose files are byte-for-byte the ones imported before is left as it is.
 */
export async function importCodesetDirectory(
  database: Database,
  dir: string,
  actor: AuditActor,
  onProgress: (done: number, total: number, message: string) => Promise<void> = async () => undefined,
): Promise<ImportOutcome[]> {
  const releases = await detectReleases(dir);
  const outcomes: ImportOutcome[] = [];
  for (const [i, r] of releases.entries()) {
    const label = `${r.release.system} ${r.release.version}`;
    await onProgress(i, releases.length, `importing ${label}`);
    outcomes.push(
      await importRelease(database, r, actor).catch((error: Error) => ({
        system: r.release.system,
        version: r.release.version,
        status: 'failed' as const,
        counts: {},
        error: error.message,
      })),
    );
  }
  await onProgress(releases.length, releases.length, 'building search indexes');
  const warning = await refreshSearchIndexes(database);
  await onProgress(releases.length, releases.length, warning ?? 'done');
  return outcomes;
}

async function writeRecords(
  database: Database,
  releaseId: number,
  system: DetectedRelease['release']['system'],
  file: DetectedRelease['files'][number],
): Promise<number> {
  let batch: { releaseId: number; role: string; seq: number; record: unknown }[] = [];
  let seq = 0;
  for await (const record of IMPORTERS[file.role](system)(file.path)) {
    batch.push({ releaseId, role: file.role, seq: seq++, record });
    if (batch.length >= BATCH) {
      await database.db.insert(codeRecord).values(batch);
      batch = [];
    }
  }
  if (batch.length) await database.db.insert(codeRecord).values(batch);
  return seq;
}

/**
 * Builds the search index of every release set that lacks a current one. A failure here does not
 * undo the import: the index is then built at the first search instead.
 */
export async function refreshSearchIndexes(database: Database): Promise<string | undefined> {
  try {
    await refreshStoredSearchIndexes(database);
    return undefined;
  } catch (error) {
    return `search indexes not stored (${(error as Error).message}): they will be built at the first search`;
  }
}

/** Removes releases left half-written by an import that was stopped (a crash or a restart). */
export async function removeUnfinishedImports(database: Database): Promise<void> {
  await database.db.delete(codeRelease).where(eq(codeRelease.status, 'importing'));
}

/** Imports one release (its files already found); used for folders and for a user's CPT file. */
export async function importRelease(
  database: Database,
  r: DetectedRelease,
  actor: AuditActor,
): Promise<ImportOutcome> {
  const { system, version, effectiveFrom } = r.release;
  const files = await fingerprint(r);
  const [existing] = await database.db
    .select()
    .from(codeRelease)
    .where(
      and(eq(codeRelease.system, system), eq(codeRelease.version, version), eq(codeRelease.status, 'active')),
    );
  // jsonb does not keep key order: compare the files by role, name and checksum.
  const signature = (fs: { role: string; name: string; sha256: string }[]) =>
    fs
      .map((f) => `${f.role}|${f.name}|${f.sha256}`)
      .sort()
      .join(',');
  if (existing && signature(existing.files as typeof files) === signature(files)) {
    return { system, version, status: 'unchanged', counts: existing.counts as Record<string, number> };
  }
  // The records are written in batches under a release marked 'importing', invisible to lookups,
  // so a long import does not hold one transaction (on PGlite that would stall every request).
  // Only the switch to 'active' (and the removal of the release it replaces) is one transaction;
  // a bad file removes what was written and leaves the active releases as they were.
  const [release] = await database.db
    .insert(codeRelease)
    .values({
      system,
      version,
      effectiveFrom,
      effectiveThrough: r.release.effectiveThrough ?? null,
      files,
      counts: {},
      importedBy: actor.userEmail,
      status: 'importing',
    })
    .returning({ id: codeRelease.id });
  const releaseId = release!.id;
  const counts: Record<string, number> = {};
  try {
    for (const file of r.files) counts[file.role] = await writeRecords(database, releaseId, system, file);
  } catch (error) {
    await database.db.delete(codeRelease).where(eq(codeRelease.id, releaseId));
    throw error;
  }
  await database.db.transaction(async (tx) => {
    if (existing) await tx.delete(codeRelease).where(eq(codeRelease.id, existing.id));
    await tx.update(codeRelease).set({ counts, status: 'active' }).where(eq(codeRelease.id, releaseId));
    await recordAudit(tx, actor, {
      practiceId: null,
      action: existing ? 'replace' : 'create',
      entity: 'code_release',
      entityId: releaseId,
      detail: { system, version, files, counts },
    });
  });
  return { system, version, status: existing ? 'replaced' : 'imported', counts };
}
