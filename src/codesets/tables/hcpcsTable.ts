/** In-memory HCPCS Level II table for one quarterly release (procedure codes and modifiers). */
import type { HcpcsRecord } from '../hcpcs/annualFile.ts';
import type { Release } from '../release/release.ts';

export interface HcpcsTable {
  release: Release;
  procedures: Map<string, HcpcsRecord>;
  modifiers: Map<string, HcpcsRecord>;
}

export function buildHcpcsTable(release: Release, records: Iterable<HcpcsRecord>): HcpcsTable {
  const t: HcpcsTable = { release, procedures: new Map(), modifiers: new Map() };
  for (const r of records) (r.kind === 'modifier' ? t.modifiers : t.procedures).set(r.code, r);
  return t;
}

/** Pure: is the code in force on the date of service (added on or before, not terminated before)? */
export function hcpcsActiveOn(r: HcpcsRecord, dos: string): boolean {
  const from = r.addedDate ?? r.actionEffectiveDate;
  if (from !== undefined && from > dos) return false;
  return r.terminationDate === undefined || r.terminationDate >= dos;
}
