import type { ScrubClaim } from '../claim.ts';
import { finding, lineField, type Finding } from '../finding.ts';

/** Every service line points at one to four diagnoses that exist on the claim. */
export function checkPointers(claim: ScrubClaim): Finding[] {
  if (claim.type !== 'professional') return []; // the 837I has no diagnosis pointers
  const findings: Finding[] = [];
  claim.lines.forEach((line, i) => {
    const field = lineField(i, 'diagnosisPointers');
    if (line.diagnosisPointers.length === 0) {
      const fix = claim.diagnoses.length === 1 ? { field, value: [1] } : undefined;
      findings.push(
        finding(
          'PTR-MISSING',
          field,
          `Line ${line.lineNumber} (${line.procedureCode}) points at no diagnosis`,
          { lines: [line.lineNumber], ...(fix ? { fix } : {}) },
        ),
      );
    }
    for (const p of line.diagnosisPointers) {
      if (!Number.isInteger(p) || p < 1 || p > claim.diagnoses.length) {
        findings.push(
          finding(
            'PTR-INVALID',
            field,
            `Line ${line.lineNumber} points at diagnosis ${p}, but the claim lists ${claim.diagnoses.length}`,
            { lines: [line.lineNumber] },
          ),
        );
      }
    }
  });
  return findings;
}
