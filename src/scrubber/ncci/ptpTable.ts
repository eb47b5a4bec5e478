/**
 * Pure lookup table of PTP edits, packed for size and speed: about 16 bytes per edit in typed
 * arrays sorted by (column 1, column 2, effective date), plus one Map entry per column 1 code.
 * A lookup is one Map get and a binary search over that code's column 2 codes.
 *
 * Dates: an edit applies to a date of service on or after its effective date and before its
 * deletion date. CMS deletes edits as of the first day of a quarter; an edit deleted on D does
 * not apply on D (an edit deleted on its own effective date, as retroactive deletions with
 * modifier indicator 9 are, never applied). See README.md.
 */
import { decodeCode, encodeCode, isoFromNumber } from './codes.ts';
import type { ModifierIndicator, PtpEdit } from './ptpFile.ts';

export type PtpSetting = 'practitioner' | 'outpatient';

export interface PtpTable {
  /** which file it was built from: practitioner or outpatient hospital */
  readonly setting: PtpSetting;
  readonly size: number;
  /** column 1 code → start * 2^20 + count of its rows in the arrays below */
  readonly groups: ReadonlyMap<string, number>;
  readonly column2: Uint32Array;
  /** YYYYMMDD */
  readonly effective: Uint32Array;
  /** YYYYMMDD, or NO_DELETION */
  readonly deletion: Uint32Array;
  /** bits 0-3 modifier indicator, bit 4 in existence prior to 1996 */
  readonly flags: Uint8Array;
  readonly rationaleIndex: Uint16Array;
  readonly rationales: readonly string[];
}

export const NO_DELETION = 0xffffffff;
const GROUP = 2 ** 20;
const PRIOR_1996 = 16;

/** 'YYYY-MM-DD' or 'YYYYMMDD' to YYYYMMDD without calendar checks (the hot path); -1 if not digits. */
export function dosNumber(date: string): number {
  let n = 0;
  for (let i = 0; i < date.length; i++) {
    const c = date.charCodeAt(i);
    if (c === 45) continue; // '-'
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n >= 10_000_000 ? n : -1;
}

export interface PtpTableBuilder {
  add(edit: PtpEdit): void;
  build(): PtpTable;
}

/** Collects edits into growing typed arrays (no object kept per edit), then sorts and indexes them. */
export function ptpTableBuilder(setting: PtpSetting, expected = 1024): PtpTableBuilder {
  let cap = Math.max(16, expected);
  let n = 0;
  let c1 = new Uint32Array(cap);
  let c2 = new Uint32Array(cap);
  let eff = new Uint32Array(cap);
  let del = new Uint32Array(cap);
  let flags = new Uint8Array(cap);
  let rat = new Uint16Array(cap);
  const rationales: string[] = [];
  const rationaleIds = new Map<string, number>();
  let sorted = true;
  const grow = <A extends Uint32Array | Uint16Array | Uint8Array>(a: A): A => {
    const b = new (a.constructor as new (n: number) => A)(cap);
    b.set(a);
    return b;
  };
  return {
    add(edit) {
      if (n === cap) {
        cap *= 2;
        [c1, c2, eff, del] = [grow(c1), grow(c2), grow(eff), grow(del)];
        flags = grow(flags);
        rat = grow(rat);
      }
      const a = encodeCode(edit.column1);
      const b = encodeCode(edit.column2);
      if (a < 0 || b < 0)
        throw new Error(`PTP edit ${edit.column1}/${edit.column2} has a code that is not 5 characters`);
      let r = rationaleIds.get(edit.rationale);
      if (r === undefined) {
        r = rationales.push(edit.rationale) - 1;
        if (r > 0xffff) throw new Error('more than 65,536 distinct PTP edit rationales');
        rationaleIds.set(edit.rationale, r);
      }
      c1[n] = a;
      c2[n] = b;
      eff[n] = dosNumber(edit.effectiveDate);
      del[n] = edit.deletionDate === undefined ? NO_DELETION : dosNumber(edit.deletionDate);
      flags[n] = edit.modifierIndicator | (edit.inExistencePriorTo1996 ? PRIOR_1996 : 0);
      rat[n] = r;
      if (n > 0 && sorted) {
        const p = n - 1;
        sorted = c1[p]! < a || (c1[p] === a && (c2[p]! < b || (c2[p] === b && eff[p]! <= eff[n]!)));
      }
      n++;
    },
    build() {
      // CMS files come sorted by column 1 then column 2; only other inputs pay for a sort.
      let order: Uint32Array | undefined;
      if (!sorted) {
        const idx = Array.from({ length: n }, (_, i) => i);
        idx.sort((x, y) => c1[x]! - c1[y]! || c2[x]! - c2[y]! || eff[x]! - eff[y]! || x - y);
        order = Uint32Array.from(idx);
      }
      const pick = <A extends Uint32Array | Uint16Array | Uint8Array>(a: A): A => {
        if (!order) return a.slice(0, n) as A;
        const b = new (a.constructor as new (n: number) => A)(n);
        for (let i = 0; i < n; i++) b[i] = a[order[i]!]!;
        return b;
      };
      const col1 = pick(c1);
      const groups = new Map<string, number>();
      for (let i = 0; i < n;) {
        let j = i + 1;
        while (j < n && col1[j] === col1[i]) j++;
        if (j - i >= GROUP) throw new Error('a column 1 code has more than 2^20 edits');
        groups.set(decodeCode(col1[i]!), i * GROUP + (j - i));
        i = j;
      }
      return {
        setting,
        size: n,
        groups,
        column2: pick(c2),
        effective: pick(eff),
        deletion: pick(del),
        flags: pick(flags),
        rationaleIndex: pick(rat),
        rationales,
      };
    },
  };
}

/** Pure: the table from edits already in memory (tests and small files). */
export function buildPtpTable(setting: PtpSetting, edits: Iterable<PtpEdit>): PtpTable {
  const b = ptpTableBuilder(setting);
  for (const e of edits) b.add(e);
  return b.build();
}

/** Index of the edit for column 1 / column 2 that applies on the date (YYYYMMDD), or -1. */
export function ptpEditIndex(table: PtpTable, column1: string, column2: string, dos: number): number {
  const g = table.groups.get(column1);
  return g === undefined ? -1 : ptpEditInGroup(table, g, encodeCode(column2), dos);
}

/** The same, for a column 1 group already looked up and an encoded column 2 code (hot path of checkPtp). */
export function ptpEditInGroup(table: PtpTable, group: number, column2: number, dos: number): number {
  if (column2 < 0) return -1;
  const start = Math.floor(group / GROUP);
  const end = start + (group % GROUP);
  const col2 = table.column2;
  let lo = start;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (col2[mid]! < column2) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < end && col2[i] === column2; i++) {
    if (table.effective[i]! <= dos && dos < table.deletion[i]!) return i;
  }
  return -1;
}

/** Modifier indicator of the edit at an index. */
export function modifierIndicatorAt(table: PtpTable, i: number): ModifierIndicator {
  return (table.flags[i]! & 15) as ModifierIndicator;
}

export function ptpEditAt(table: PtpTable, i: number, column1: string): PtpEdit {
  const del = table.deletion[i]!;
  const flags = table.flags[i]!;
  return {
    column1,
    column2: decodeCode(table.column2[i]!),
    inExistencePriorTo1996: (flags & PRIOR_1996) !== 0,
    effectiveDate: isoFromNumber(table.effective[i]!),
    deletionDate: del === NO_DELETION ? undefined : isoFromNumber(del),
    modifierIndicator: (flags & 15) as ModifierIndicator,
    rationale: table.rationales[table.rationaleIndex[i]!] ?? '',
  };
}

/** Pure: the PTP edit for the pair that applies on the date of service ('YYYY-MM-DD'), if any. */
export function ptpEdit(
  table: PtpTable,
  column1: string,
  column2: string,
  dateOfService: string,
): PtpEdit | undefined {
  const i = ptpEditIndex(table, column1, column2, dosNumber(dateOfService));
  return i < 0 ? undefined : ptpEditAt(table, i, column1);
}

/** Bytes held by the typed arrays (the Map and strings come on top; the benchmark measures the heap). */
export function ptpTableBytes(table: PtpTable): number {
  return [table.column2, table.effective, table.deletion, table.flags, table.rationaleIndex].reduce(
    (s, a) => s + a.byteLength,
    0,
  );
}
