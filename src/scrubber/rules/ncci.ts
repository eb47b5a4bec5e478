import type { ScrubClaim } from '../claim.ts';
import type { ScrubContext } from '../context.ts';
import { finding, lineField, type Finding } from '../finding.ts';
import { checkMue, checkPtp, type NcciFinding } from '../ncci/index.ts';

/** NCCI PTP pairs and MUE units over the claim's service lines (practitioner or outpatient hospital tables). */
export function checkNcci(claim: ScrubClaim, context: ScrubContext): Finding[] {
  const { ptp, mue } = context.ncci ?? {};
  const found: NcciFinding[] = [
    ...(ptp ? checkPtp(claim.lines, ptp, claim.type === 'professional' ? 'practitioner' : 'outpatient') : []),
    ...(mue ? checkMue(claim.lines, mue) : []),
  ];
  return found.map((f) => {
    const index = claim.lines.findIndex((l) => l.lineNumber === f.lines.at(-1));
    return finding(
      f.code,
      lineField(Math.max(index, 0), f.code === 'NCCI-PTP' ? 'modifiers' : 'units'),
      f.message,
      { lines: f.lines, fixHint: f.fixHint },
    );
  });
}
