/**
 * Plain code lists without per-code dates (Place of Service, CARC, claim adjustment group codes,
 * type of bill, NUCC taxonomy). The copies held carry no effective dates, so the newest loaded
 * list of a system answers for every date of service.
 */
import type { Release } from '../release/release.ts';

export interface CodeListTable {
  release: Release;
  codes: Map<string, string>;
}

/** Entries the source marks as placeholders, not assigned codes. */
const PLACEHOLDER = /^(UNASSIGNED|NO DESCRIPTION AVAILABLE)$/i;

export function buildCodeListTable(
  release: Release,
  concepts: Iterable<{ code: string; display: string }>,
): CodeListTable {
  const codes = new Map<string, string>();
  for (const c of concepts) if (!PLACEHOLDER.test(c.display.trim())) codes.set(c.code, c.display);
  return { release, codes };
}

export function newestList(
  tables: readonly CodeListTable[],
  system: Release['system'],
): CodeListTable | undefined {
  let best: CodeListTable | undefined;
  for (const t of tables)
    if (t.release.system === system && (!best || t.release.effectiveFrom > best.release.effectiveFrom))
      best = t;
  return best;
}
