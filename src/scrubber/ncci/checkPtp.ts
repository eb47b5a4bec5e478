/**
 * NCCI PTP check: for every two service lines on the same date of service whose codes form an
 * edit active on that date, the column 2 line is not payable with the column 1 line unless the
 * edit's modifier indicator is 1 and an NCCI-associated modifier justifies both (modifiers.ts).
 * Indicator 9 means the edit does not apply. Medicare denies such lines with CARC 236.
 */
import { bypassModifier, isEvaluationAndManagement } from './modifiers.ts';
import type { NcciFinding } from './problems.ts';
import { encodeCode } from './codes.ts';
import { dosNumber, modifierIndicatorAt, ptpEditInGroup } from './ptpTable.ts';
import type { PtpTable } from './ptpTable.ts';
import type { ClaimType, ServiceLine } from './serviceLine.ts';

function finding(c1: ServiceLine, c2: ServiceLine, indicator: 0 | 1, rationale: string): NcciFinding {
  const pair = `${c2.procedureCode} (line ${c2.lineNumber}) is bundled into ${c1.procedureCode} (line ${c1.lineNumber}) on ${c1.serviceDate}`;
  const message =
    indicator === 0
      ? `${pair} (NCCI PTP, modifier indicator 0: ${rationale}). No modifier allows both to be paid.`
      : `${pair} (NCCI PTP, modifier indicator 1: ${rationale}).`;
  const fixHint =
    indicator === 0
      ? `Remove ${c2.procedureCode} from line ${c2.lineNumber}, or correct the coding; the column 2 code is not payable with ${c1.procedureCode} on the same day.`
      : isEvaluationAndManagement(c2.procedureCode)
        ? `Add 25 to line ${c2.lineNumber} if the visit was significant and separately identifiable from ${c1.procedureCode}; otherwise remove it.`
        : `Add 59 or XE/XS/XP/XU (or anatomic modifiers for different sites) to line ${c2.lineNumber} if the service was distinct; otherwise remove it.`;
  return {
    code: 'NCCI-PTP',
    severity: 'error',
    lines: [c1.lineNumber, c2.lineNumber],
    message,
    fixHint,
    carc: '236',
  };
}

/** Pure: a finding for each pair of lines on the same date of service caught by an active PTP edit. */
export function checkPtp(
  lines: readonly ServiceLine[],
  table: PtpTable,
  claimType: ClaimType = table.setting,
): NcciFinding[] {
  const out: NcciFinding[] = [];
  const dates = lines.map((l) => dosNumber(l.serviceDate));
  const keys = lines.map((l) => encodeCode(l.procedureCode));
  for (let i = 0; i < lines.length; i++) {
    const a = lines[i]!;
    const group = table.groups.get(a.procedureCode);
    if (group === undefined) continue; // not a column 1 code: nothing to look up
    for (let j = 0; j < lines.length; j++) {
      const b = lines[j]!;
      if (i === j || dates[i] !== dates[j] || keys[i] === keys[j]) continue;
      const at = ptpEditInGroup(table, group, keys[j]!, dates[i]!);
      if (at < 0) continue;
      const indicator = modifierIndicatorAt(table, at);
      if (indicator === 9) continue;
      if (indicator === 1 && bypassModifier(a, b, claimType) !== undefined) continue;
      out.push(finding(a, b, indicator, table.rationales[table.rationaleIndex[at]!] ?? ''));
    }
  }
  return out;
}
