import type { ScrubClaim } from '../claim.ts';
import type { CodeAnswer, ScrubContext } from '../context.ts';
import { finding, lineField, type Finding } from '../finding.ts';

/** Diagnoses valid and billable, and procedures valid, in the release in effect on the date of service. */
export function checkCodes(claim: ScrubClaim, context: ScrubContext): Finding[] {
  const codes = context.codes;
  const firstDate = claim.lines.map((l) => l.serviceDate).sort()[0];
  if (!firstDate) return [];
  if (!codes)
    return [
      finding(
        'CODES-NOT-LOADED',
        '/diagnoses',
        'Code sets are not loaded: diagnosis and procedure codes were not checked',
      ),
    ];
  const findings: Finding[] = [];
  const notLoaded = new Set<string>();
  const report = (answer: CodeAnswer, make: () => Finding, system: string) => {
    if (!answer.loaded) notLoaded.add(system);
    else if (!answer.valid) findings.push(make());
  };
  claim.diagnoses.forEach((code, i) => {
    const answer = codes.diagnosis(code, firstDate);
    report(
      answer,
      () => finding('DX-INVALID', `/diagnoses/${i}`, `Diagnosis ${i + 1} ${code}: ${answer.message}`),
      'ICD-10-CM',
    );
  });
  claim.lines.forEach((line, i) => {
    const answer = codes.procedure(line.procedureCode, line.serviceDate);
    report(
      answer,
      () =>
        finding(
          'PROC-INVALID',
          lineField(i, 'procedureCode'),
          `Line ${line.lineNumber} ${line.procedureCode}: ${answer.message}`,
          { lines: [line.lineNumber] },
        ),
      'procedure codes',
    );
  });
  for (const edit of codes.diagnosisEdits(claim.diagnoses, claim.patient, firstDate)) {
    const index = claim.diagnoses.indexOf(edit.code);
    findings.push(
      finding(
        edit.severity === 'error' ? 'DX-EDIT' : 'DX-DEMOGRAPHIC',
        index >= 0 ? `/diagnoses/${index}` : '/diagnoses',
        `${edit.code}: ${edit.message}`,
      ),
    );
  }
  for (const system of notLoaded)
    findings.push(
      finding(
        'CODES-NOT-LOADED',
        '/diagnoses',
        `No ${system} release is loaded for ${firstDate}: those codes were not checked`,
      ),
    );
  return findings;
}
