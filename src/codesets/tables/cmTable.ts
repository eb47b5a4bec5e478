/**
 * In-memory ICD-10-CM table for one release, built from order-file records (the authority for
 * which codes exist and which are billable) and, when imported, tabular notes. The storage layer
 * will load the same shape from the database.
 */
import type { OrderFileRecord } from '../icd10cm/orderFile.ts';
import type { Release } from '../release/release.ts';
import type { TabularNotes } from '../icd10cm/tabularNotes.ts';

export interface CodeEntry {
  code: string;
  billable: boolean;
  shortDescription: string;
  longDescription: string;
}

export interface CmTable {
  release: Release;
  codes: Map<string, CodeEntry>;
  /** all codes, sorted, for prefix ranges */
  sorted: string[];
  /** undefined when the tabular XML for this release was not imported */
  tabular?: TabularNotes;
  /** Codes (without the dot) exempt from present-on-admission reporting; undefined when the list was not imported. */
  poaExempt?: Set<string>;
}

export function buildCodeTable(
  release: Release,
  records: Iterable<OrderFileRecord>,
): { release: Release; codes: Map<string, CodeEntry>; sorted: string[] } {
  const codes = new Map<string, CodeEntry>();
  for (const r of records) {
    codes.set(r.code, {
      code: r.code,
      billable: r.billable,
      shortDescription: r.shortDescription,
      longDescription: r.longDescription,
    });
  }
  const sorted = [...codes.keys()].sort();
  return { release, codes, sorted };
}

export function buildCmTable(
  release: Release,
  records: Iterable<OrderFileRecord>,
  tabular?: TabularNotes,
): CmTable {
  const t: CmTable = buildCodeTable(release, records);
  if (tabular) t.tabular = tabular;
  return t;
}

/** First index in a sorted array whose value is >= key. */
export function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Pure: the codes that start with prefix (excluding prefix itself), in code order. */
export function codesUnder(table: { sorted: string[] }, prefix: string): string[] {
  const out: string[] = [];
  for (let i = lowerBound(table.sorted, prefix); i < table.sorted.length; i++) {
    const c = table.sorted[i] as string;
    if (!c.startsWith(prefix)) break;
    if (c !== prefix) out.push(c);
  }
  return out;
}

/** Pure: the nearest existing ancestor of a code (J45909 → J4590), or undefined. */
export function parentOf(table: { codes: Map<string, CodeEntry> }, code: string): CodeEntry | undefined {
  for (let n = code.length - 1; n >= 3; n--) {
    const e = table.codes.get(code.slice(0, n));
    if (e) return e;
  }
  return undefined;
}
