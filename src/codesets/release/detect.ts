/**
 * Thin I/O edge: walk a code-set directory (a parameter; the shared folder by default) and group
 * the recognised files into releases, newest first within each system.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { classifyFile } from './classify.ts';
import type { FileRole } from './classify.ts';
import type { Release } from './release.ts';

export interface DetectedFile {
  path: string;
  role: FileRole;
}

export interface DetectedRelease {
  release: Release;
  files: DetectedFile[];
}

/** The shared code-set folder beside the repository (../shared/codesets from the working directory). */
export function defaultCodesetDir(cwd: string = process.cwd()): string {
  return path.resolve(cwd, '../shared/codesets');
}

export async function detectReleases(dir: string = defaultCodesetDir()): Promise<DetectedRelease[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const byKey = new Map<string, DetectedRelease>();
  for (const e of entries) {
    if (!e.isFile()) continue;
    const full = path.join(e.parentPath, e.name);
    const rel = path.relative(dir, full).split(path.sep).join('/');
    const c = classifyFile(rel);
    if (!c) continue;
    const key = `${c.release.system}|${c.release.version}`;
    let r = byKey.get(key);
    if (!r) byKey.set(key, (r = { release: c.release, files: [] }));
    r.files.push({ path: full, role: c.role });
  }
  const out = [...byKey.values()];
  for (const r of out) r.files.sort((a, b) => a.path.localeCompare(b.path));
  return out.sort(
    (a, b) =>
      a.release.system.localeCompare(b.release.system) ||
      b.release.effectiveFrom.localeCompare(a.release.effectiveFrom),
  );
}

export function fileOf(r: DetectedRelease, role: FileRole): string | undefined {
  return r.files.find((f) => f.role === role)?.path;
}
