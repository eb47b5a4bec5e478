import { isInpatientBill, isInterimBill } from '../../shared/bill-types.ts';
import type { ScrubClaim, ScrubInstitutional } from '../claim.ts';
import type { ScrubContext } from '../context.ts';
import { finding, lineField, type Finding } from '../finding.ts';
import { PATIENT_STATUS } from '../nubc.ts';

// The UB-04 / 837I header: type of bill, admission, discharge status, attending, statement dates.
// Line and code checks of institutional claims are in institutional-codes.ts.

const BILL_TYPE = /^[1-8][1-9][0-9A-Z]$/;

function checkBillType(inst: ScrubInstitutional, context: ScrubContext): Finding[] {
  const known = BILL_TYPE.test(inst.billType) && (context.codes?.typeOfBill(inst.billType) ?? true);
  if (known) return [];
  return [
    finding(
      'INST-BILL-TYPE',
      '/institutional/billType',
      `Type of bill ${inst.billType || '(none)'} is not a NUBC type of bill`,
    ),
  ];
}

function checkAdmission(inst: ScrubInstitutional): Finding[] {
  if (!isInpatientBill(inst.billType)) return [];
  const required: [keyof ScrubInstitutional, string][] = [
    ['admissionDate', 'admission date (FL12)'],
    ['admissionType', 'priority (type) of admission (FL14)'],
    ['admissionSource', 'point of origin (FL15)'],
    ['admittingDiagnosis', 'admitting diagnosis (FL69)'],
  ];
  if (inst.billType.startsWith('11')) required.splice(1, 0, ['admissionHour', 'admission hour (FL13)']);
  return required
    .filter(([field]) => !inst[field])
    .map(([field, label]) =>
      finding('INST-ADMISSION', `/institutional/${field}`, `Inpatient bill ${inst.billType} has no ${label}`),
    )
    .concat(
      inst.admissionDate && inst.statementFrom && inst.admissionDate > inst.statementFrom
        ? [
            finding(
              'INST-ADMISSION',
              '/institutional/admissionDate',
              `Admitted ${inst.admissionDate}, after the statement period starts (${inst.statementFrom})`,
            ),
          ]
        : [],
    );
}

function checkStatus(inst: ScrubInstitutional): Finding[] {
  const status = inst.patientStatus;
  const field = '/institutional/patientStatus';
  if (!status) return [finding('INST-STATUS', field, 'No patient discharge status (FL17)')];
  if (!PATIENT_STATUS.has(status))
    return [finding('INST-STATUS', field, `Patient discharge status ${status} is not a NUBC code`)];
  const interim = isInterimBill(inst.billType.slice(2));
  if (interim && status !== '30')
    return [
      finding('INST-STATUS', field, `An interim bill (${inst.billType}) needs status 30, still a patient`),
    ];
  if (!interim && status === '30' && isInpatientBill(inst.billType))
    return [
      finding('INST-STATUS', field, `Status 30 (still a patient) needs an interim bill (frequency 2 or 3)`),
    ];
  return [];
}

function checkAttending(inst: ScrubInstitutional): Finding[] {
  if (inst.attendingProvider?.npi) return [];
  return [
    finding('INST-ATTENDING', '/institutional/attendingProvider/npi', 'No attending provider NPI (FL76)'),
  ];
}

function checkStatementDates(claim: ScrubClaim, inst: ScrubInstitutional): Finding[] {
  const { statementFrom: from, statementTo: to } = inst;
  const findings: Finding[] = [];
  if (from && to)
    claim.lines.forEach((line, i) => {
      if (line.serviceDate < from || line.serviceDate > to)
        findings.push(
          finding(
            'INST-DATES',
            lineField(i, 'serviceDate'),
            `Line ${line.lineNumber} on ${line.serviceDate} is outside the statement period ${from} to ${to}`,
            { lines: [line.lineNumber] },
          ),
        );
    });
  (inst.occurrenceSpans ?? []).forEach((span, i) => {
    if (span.from > span.to)
      findings.push(
        finding(
          'INST-DATES',
          `/institutional/occurrenceSpans/${i}`,
          `Occurrence span ${span.code} runs from ${span.from} to an earlier ${span.to}`,
        ),
      );
  });
  return findings;
}

/** The institutional header of a UB-04 / 837I claim. */
export function checkInstitutionalHeader(claim: ScrubClaim, context: ScrubContext): Finding[] {
  if (claim.type !== 'institutional') return [];
  const inst = claim.institutional;
  if (!inst)
    return [
      finding('INST-BILL-TYPE', '/institutional/billType', 'An institutional claim without a type of bill'),
    ];
  return [
    ...checkBillType(inst, context),
    ...checkAdmission(inst),
    ...checkStatus(inst),
    ...checkAttending(inst),
    ...checkStatementDates(claim, inst),
  ];
}
