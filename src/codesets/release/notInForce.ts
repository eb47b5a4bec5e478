import { selectRelease, type CodeSystem, type Release } from './release.ts';

/** The systems a code search reads whose release depends on the date of service. */
const SEARCHED: readonly CodeSystem[] = ['ICD-10-CM', 'ICD-10-PCS', 'HCPCS', 'CPT'];

/** A code set that is loaded, but with no release in force on the date of service. */
export interface ReleaseNotInForce {
  system: CodeSystem;
  dos: string;
  /** The latest loaded release of that system, and a date of service it answers for. */
  latest: { version: string; effectiveFrom: string; effectiveThrough: string | null; searchDate: string };
  message: string;
}

/**
 * Pure: the searched code sets that have releases loaded but none in force on the date of service
 * (asked for `systems`, or all of them). A search on that date silently leaves such a set out, so
 * the answer says which one is missing and names the latest loaded release to search instead.
 */
export function releasesNotInForce(
  releases: readonly Release[],
  dos: string,
  systems: readonly CodeSystem[] = SEARCHED,
): ReleaseNotInForce[] {
  const out: ReleaseNotInForce[] = [];
  for (const system of SEARCHED.filter((s) => systems.includes(s))) {
    const loaded = releases.filter((r) => r.system === system);
    if (
      loaded.length === 0 ||
      selectRelease(
        loaded.map((release) => ({ release })),
        dos,
      )
    )
      continue;
    const latest = loaded.reduce((a, b) => (b.effectiveFrom > a.effectiveFrom ? b : a));
    const through = latest.effectiveThrough ?? null;
    const span = through ? `${latest.effectiveFrom} to ${through}` : `from ${latest.effectiveFrom}`;
    out.push({
      system,
      dos,
      latest: {
        version: latest.version,
        effectiveFrom: latest.effectiveFrom,
        effectiveThrough: through,
        // The last day it is in force (a release without an end: its first day).
        searchDate: through ?? latest.effectiveFrom,
      },
      message: `${system} is not loaded for ${dos}: no ${system} release is in force on that date. The latest loaded is ${system} ${latest.version} (${span}).`,
    });
  }
  return out;
}
