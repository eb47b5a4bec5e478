/**
 * A search index serves one set of releases: the ICD-10-CM, ICD-10-PCS, HCPCS and CPT releases in
 * force on a date of service. Every date between two release boundaries gets the same set, so the
 * sets an installation can need are known from the release dates alone, before any record is
 * read: the import builds an index for each, and a search finds its index by the set's key. Pure.
 */
import { addDays } from '../../shared/dates.ts';
import { selectRelease, type CodeSystem, type Release } from '../release/release.ts';

/** The systems whose release depends on the date of service (code lists are undated). */
const DATED: readonly CodeSystem[] = ['ICD-10-CM', 'ICD-10-PCS', 'HCPCS', 'CPT'];

export interface ReleaseSet {
  /** e.g. "ICD-10-CM 2026 | ICD-10-PCS 2026 | HCPCS 2026-JAN | CPT -" */
  key: string;
  /** the first date of service the set is in force */
  from: string;
}

export function releaseSetKey(releases: readonly Release[], dos: string): string {
  return DATED.map((system) => {
    const inForce = selectRelease(
      releases.filter((r) => r.system === system).map((release) => ({ release })),
      dos,
    );
    return `${system} ${inForce?.release.version ?? '-'}`;
  }).join(' | ');
}

/** Every distinct set in force on some date, oldest first; dates with no dated release are left out. */
export function releaseSets(releases: readonly Release[]): ReleaseSet[] {
  const dated = releases.filter((r) => DATED.includes(r.system));
  const starts = new Set<string>();
  for (const r of dated) {
    starts.add(r.effectiveFrom);
    if (r.effectiveThrough) starts.add(addDays(r.effectiveThrough, 1));
  }
  const empty = releaseSetKey([], '1900-01-01');
  const sets = new Map<string, ReleaseSet>();
  for (const from of [...starts].sort()) {
    const key = releaseSetKey(dated, from);
    if (key !== empty && !sets.has(key)) sets.set(key, { key, from });
  }
  return [...sets.values()];
}
