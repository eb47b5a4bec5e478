// The CARC list as the code-set folder holds it (the CMS FHIR Shorthand copy), read once per
// process: the seed of each practice's denial mapping and the payer's own words shown beside ours.
import { detectReleases, fileOf, importFshCodeSystem, defaultCodesetDir } from '../codesets/index.ts';

export interface CarcEntry {
  code: string;
  text: string;
}

const cache = new Map<string, Promise<CarcEntry[]>>();

/** Reads the newest CARC release in the folder; [] when the folder holds none (the seed then says so). */
async function read(dir: string): Promise<CarcEntry[]> {
  const release = (await detectReleases(dir).catch(() => [])).find((r) => r.release.system === 'CARC');
  const path = release && fileOf(release, 'code-system');
  if (!path) return [];
  const out: CarcEntry[] = [];
  for await (const c of importFshCodeSystem(path)) out.push({ code: c.code, text: c.display });
  return out;
}

/** The CARC list of the code-set folder (CLEANCLAIM_CODESETS_DIR, as the server reads it; else ../shared/codesets), cached. */
export function carcList(
  dir: string = process.env.CLEANCLAIM_CODESETS_DIR || defaultCodesetDir(),
): Promise<CarcEntry[]> {
  let p = cache.get(dir);
  if (!p) {
    p = read(dir);
    cache.set(dir, p);
    p.catch(() => cache.delete(dir));
  }
  return p;
}

/** The CARC's own text (CMS wording), for showing beside our plain words. */
export async function carcTexts(dir?: string): Promise<Map<string, string>> {
  return new Map((await carcList(dir)).map((c) => [c.code, c.text]));
}
