import { isInpatientBill } from '../../shared/bill-types.ts';
import type { ScrubClaim } from '../claim.ts';
import type { CodeAnswer, ScrubContext } from '../context.ts';
import { finding, lineField, type Finding } from '../finding.ts';

/** The date that picks the ICD-10-CM release: the first service, or the discharge (through) date of an inpatient stay. */
function diagnosisDate(claim: ScrubClaim): string | undefined {
  const inst = claim.institutional;
  if (inst?.statementTo && isInpatientBill(inst.billType)) return inst.statementTo;
  return claim.lines.map((l) => l.serviceDate).sort()[0];
}

/** Diagnoses valid and billable, and procedures valid, in the release in effect on the date of service. */
export function checkCodes(claim: ScrubClaim, context: ScrubContext): Finding[] {
  const codes = context.codes;
  const firstDate = diagnosisDate(claim);
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
  const diagnoses: [string, string, string][] = [
    ...claim.diagnoses.map((code, i): [string, string, string] => [
      code,
      `/diagnoses/${i}`,
      `Diagnosis ${i + 1}`,
    ]),
    ...(claim.institutional?.admittingDiagnosis
      ? [
          [
            claim.institutional.admittingDiagnosis,
            '/institutional/admittingDiagnosis',
            'Admitting diagnosis',
          ] as [string, string, string],
        ]
      : []),
  ];
  for (const [code, field, label] of diagnoses) {
    const answer = codes.diagnosis(code, firstDate);
    report(answer, () => finding('DX-INVALID', field, `${label} ${code}: ${answer.message}`), 'ICD-10-CM');
  }
  claim.lines.forEach((line, i) => {
    if (!line.procedureCode) return; // an institutional line billed by revenue code alone
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
