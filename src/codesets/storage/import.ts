import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { eq } from 'drizzle-orm';
import type { AuditActor } from '../../audit/store.ts';
import { recordAudit } from '../../audit/store.ts';
import type { Database } from '../../db/connection.ts';
import { IMPORTERS } from '../load/importers.ts';
import { detectReleases, type DetectedRelease } from '../release/detect.ts';
import { codeRecord, codeRelease } from './tables.ts';

export interface ImportOutcome {
  system: string;
  version: string;
  status: 'imported' | 'unchanged' | 'replaced' | 'failed';
  counts: Record<string, number>;
  error?: string;
}

const BATCH = 2_000;

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
  await onProgress(releases.length, releases.length, 'done');
  return outcomes;
}

async function importRelease(
  database: Database,
  r: DetectedRelease,
  actor: AuditActor,
): Promise<ImportOutcome> {
  const { system, version, effectiveFrom } = r.release;
  const files = await fingerprint(r);
  const [existing] = await database.db
    .select()
    .from(codeRelease)
    .where(eq(codeRelease.system, system))
    .then((rows) => rows.filter((x) => x.version === version));
  // jsonb does not keep key order: compare the files by role, name and checksum.
  const signature = (fs: { role: string; name: string; sha256: string }[]) =>
    fs
      .map((f) => `${f.role}|${f.name}|${f.sha256}`)
      .sort()
      .join(',');
  if (existing && signature(existing.files as typeof files) === signature(files)) {
    return { system, version, status: 'unchanged', counts: existing.counts as Record<string, number> };
  }
  const counts: Record<string, number> = {};
  await database.db.transaction(async (tx) => {
    if (existing) await tx.delete(codeRelease).where(eq(codeRelease.id, existing.id));
    const [release] = await tx
      .insert(codeRelease)
      .values({
        system,
        version,
        effectiveFrom,
        effectiveThrough: r.release.effectiveThrough ?? null,
        files,
        counts: {},
        importedBy: actor.userEmail,
      })
      .returning({ id: codeRelease.id });
    for (const file of r.files) {
      let batch: { releaseId: number; role: string; seq: number; record: unknown }[] = [];
      let seq = 0;
      for await (const record of IMPORTERS[file.role](system)(file.path)) {
        batch.push({ releaseId: release!.id, role: file.role, seq: seq++, record });
        if (batch.length >= BATCH) {
          await tx.insert(codeRecord).values(batch);
          batch = [];
        }
      }
      if (batch.length) await tx.insert(codeRecord).values(batch);
      counts[file.role] = seq;
    }
    await tx.update(codeRelease).set({ counts }).where(eq(codeRelease.id, release!.id));
    await recordAudit(tx, actor, {
      practiceId: null,
      action: existing ? 'replace' : 'create',
      entity: 'code_release',
      entityId: release!.id,
      detail: { system, version, files, counts },
    });
  });
  return { system, version, status: existing ? 'replaced' : 'imported', counts };
}
