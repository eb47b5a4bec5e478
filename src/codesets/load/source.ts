/**
 * Where a release's records come from: the official files (tests, CLI on a folder, benchmark) or
 * the database (the running system). The table and search builders read through this one seam.
 */
import type { FileRole } from '../release/classify.ts';
import { fileOf, type DetectedRelease } from '../release/detect.ts';
import type { Release } from '../release/release.ts';
import { IMPORTERS } from './importers.ts';

export interface ReleaseRef {
  release: Release;
  roles: FileRole[];
}

export type RecordSource = (ref: ReleaseRef, role: FileRole) => Promise<unknown[] | undefined>;

export async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

export const refOf = (r: DetectedRelease): ReleaseRef => ({
  release: r.release,
  roles: r.files.map((f) => f.role),
});

/** Records read straight from the detected files. */
export function fileSource(releases: readonly DetectedRelease[]): RecordSource {
  return async (ref, role) => {
    const detected = releases.find(
      (r) => r.release.system === ref.release.system && r.release.version === ref.release.version,
    );
    const file = detected && fileOf(detected, role);
    return file ? collect(IMPORTERS[role](ref.release.system)(file)) : undefined;
  };
}
