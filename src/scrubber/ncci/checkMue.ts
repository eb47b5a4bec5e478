/**
 * MUE check. MUE adjudication indicator 1 is a line edit: each line's units are compared with the
 * MUE value on their own. Indicators 2 and 3 are date of service edits: the units of a code on
 * one date are added up across the claim's lines. Indicator 2 is an absolute limit set by policy;
 * indicator 3 rests on clinical data and a denial may be appealed with records. Medicare denies
 * units over an MUE with CARC 151 (RARC N362).
 */
import { mueFor } from './mueTable.ts';
import type { MueEdit, MueTable } from './mueTable.ts';
import type { NcciFinding } from './problems.ts';
import type { ServiceLine } from './serviceLine.ts';

function lineFinding(l: ServiceLine, m: MueEdit): NcciFinding {
  return {
    code: 'MUE-LINE',
    severity: 'error',
    lines: [l.lineNumber],
    message: `Line ${l.lineNumber}: ${l.units} units of ${l.procedureCode} on ${l.serviceDate} exceed the MUE of ${m.mueValue} per line (MUE adjudication indicator 1, line edit; ${m.rationale}).`,
    fixHint: `Correct the units to ${m.mueValue} or fewer; if more were medically necessary, report the extra units on another line with a modifier that shows they were distinct (76, 77, anatomic, or 59/XS).`,
    carc: '151',
  };
}

function dayFinding(ls: ServiceLine[], m: MueEdit, units: number): NcciFinding {
  const first = ls[0]!;
  const lineList = ls.map((l) => l.lineNumber).join(', ');
  const head = `${units} units of ${first.procedureCode} on ${first.serviceDate} (line${ls.length > 1 ? 's' : ''} ${lineList}) exceed the MUE of ${m.mueValue} per date of service`;
  const policy = m.adjudicationIndicator === 2;
  const message = policy
    ? `${head} (MUE adjudication indicator 2, policy; ${m.rationale}). This is an absolute limit: units over it are not payable, and an appeal will not change that.`
    : `${head} (MUE adjudication indicator 3, clinical; ${m.rationale}). Units over it will be denied, but the denial may be appealed with medical records that show the units were medically necessary.`;
  const fixHint = policy
    ? `Correct the units for ${first.procedureCode} on ${first.serviceDate} to ${m.mueValue} or fewer in total.`
    : `Check the units; if all ${units} were provided and necessary, bill them and be ready to appeal with documentation.`;
  return {
    code: 'MUE-DAY',
    severity: 'error',
    lines: ls.map((l) => l.lineNumber),
    message,
    fixHint,
    carc: '151',
  };
}

/** Pure: findings for lines (MAI 1) and codes per date of service (MAI 2 and 3) over their MUE. */
export function checkMue(lines: readonly ServiceLine[], table: MueTable): NcciFinding[] {
  const out: NcciFinding[] = [];
  const perDay = new Map<string, { m: MueEdit; lines: ServiceLine[]; units: number }>();
  for (const l of lines) {
    const m = mueFor(table, l.procedureCode, l.serviceDate);
    if (m === undefined) continue;
    if (m.adjudicationIndicator === 1) {
      if (l.units > m.mueValue) out.push(lineFinding(l, m));
      continue;
    }
    const key = `${l.procedureCode} ${l.serviceDate}`;
    const day = perDay.get(key) ?? { m, lines: [], units: 0 };
    day.lines.push(l);
    day.units += l.units;
    perDay.set(key, day);
  }
  for (const d of perDay.values()) if (d.units > d.m.mueValue) out.push(dayFinding(d.lines, d.m, d.units));
  return out;
}
