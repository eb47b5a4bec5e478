import { isInpatientBill, isOutpatientBill, needsPoa } from '../../shared/bill-types.ts';
import type { ScrubClaim, ScrubInstitutional } from '../claim.ts';
import type { CodeChecker, ScrubContext } from '../context.ts';
import { finding, lineField, type Finding } from '../finding.ts';
import { isAccommodation, mayOmitHcpcs } from '../nubc.ts';

// Institutional lines and codes: revenue codes, HCPCS on outpatient lines, POA indicators and
// ICD-10-PCS procedures.

const REVENUE_CODE = /^\d{4}$/;

function checkRevenueLines(claim: ScrubClaim, inst: ScrubInstitutional): Finding[] {
  const findings: Finding[] = [];
  const inpatient = isInpatientBill(inst.billType);
  const outpatient = isOutpatientBill(inst.billType);
  claim.lines.forEach((line, i) => {
    const rev = line.revenueCode ?? '';
    const where = { lines: [line.lineNumber] };
    const field = lineField(i, 'revenueCode');
    if (!REVENUE_CODE.test(rev) || rev === '0001')
      findings.push(
        finding(
          'INST-REVENUE',
          field,
          `Line ${line.lineNumber} has no revenue code (${rev || 'none'})`,
          where,
        ),
      );
    else if (isAccommodation(rev) && !inpatient)
      findings.push(
        finding(
          'INST-REVENUE',
          field,
          `Line ${line.lineNumber}: room and board revenue code ${rev} on a non-inpatient bill ${inst.billType}`,
          where,
        ),
      );
    else if (outpatient && !line.procedureCode && !mayOmitHcpcs(rev))
      findings.push(
        finding(
          'INST-HCPCS',
          lineField(i, 'procedureCode'),
          `Line ${line.lineNumber} (revenue code ${rev}) has no HCPCS code on outpatient bill ${inst.billType}`,
          where,
        ),
      );
  });
  return findings;
}

function checkPoa(claim: ScrubClaim, inst: ScrubInstitutional, codes: CodeChecker | undefined): Finding[] {
  if (!needsPoa(inst.billType)) return [];
  const date = inst.statementTo ?? claim.lines[0]?.serviceDate ?? '';
  const findings: Finding[] = [];
  claim.diagnoses.forEach((code, i) => {
    const indicator = inst.presentOnAdmission?.[i] ?? '';
    // Without the POA-exempt list for the discharge date (CODES-NOT-LOADED says so) a blank cannot be judged.
    const exempt = codes?.poaExempt(code, date);
    const reported = ['Y', 'N', 'U', 'W'].includes(indicator);
    const field = `/institutional/presentOnAdmission/${i}`;
    if (exempt === true && reported)
      findings.push(
        finding('INST-POA', field, `${code} is exempt from POA reporting: leave its indicator blank`),
      );
    else if (exempt === false && !reported)
      findings.push(
        finding('INST-POA', field, `${code} needs a POA indicator (Y, N, U or W), not "${indicator}"`),
      );
  });
  return findings;
}

/** The ICD-10 fiscal year a date falls in (October 1 starts the next one). */
const fiscalYear = (date: string) => Number(date.slice(0, 4)) + (date.slice(5, 7) >= '10' ? 1 : 0);

function checkProcedures(inst: ScrubInstitutional, codes: CodeChecker | undefined): Finding[] {
  const findings: Finding[] = [];
  const inpatient = isInpatientBill(inst.billType);
  // An inpatient stay is coded with the release in effect on the discharge date (as its diagnoses
  // are, CMS MS-DRG grouper), so a stay discharged in FY2027 never gets FY2026's answer.
  const discharge = inst.statementTo;
  let notLoaded = false;
  inst.procedures.forEach((p, i) => {
    const field = `/institutional/procedures/${i}`;
    if (!inpatient) {
      findings.push(
        finding(
          'INST-PROCEDURE',
          field,
          `ICD-10-PCS ${p.code} on outpatient bill ${inst.billType}: report HCPCS on the lines`,
        ),
      );
      return;
    }
    const answer = codes?.inpatientProcedure(p.code, discharge ?? p.date);
    if (answer && !answer.loaded) notLoaded = true;
    if (answer?.loaded && !answer.valid)
      findings.push(finding('INST-PROCEDURE', field, `ICD-10-PCS ${p.code} on ${p.date}: ${answer.message}`));
    const { statementFrom: from, statementTo: to } = inst;
    if (from && to && (p.date < from || p.date > to))
      findings.push(
        finding(
          'INST-PROCEDURE',
          field,
          `Procedure ${p.code} dated ${p.date} is outside the stay (${from} to ${to})`,
        ),
      );
  });
  if (notLoaded) {
    const date = discharge ?? inst.procedures[0]!.date;
    findings.push(
      finding(
        'CODES-NOT-LOADED',
        '/institutional/procedures',
        `ICD-10-PCS FY${fiscalYear(date)} not loaded: the procedures of a stay discharged ${date} were not checked`,
      ),
    );
  }
  return findings;
}

/** The lines and codes of a UB-04 / 837I claim. */
export function checkInstitutionalCodes(claim: ScrubClaim, context: ScrubContext): Finding[] {
  const inst = claim.institutional;
  if (claim.type !== 'institutional' || !inst) return [];
  return [
    ...checkRevenueLines(claim, inst),
    ...checkPoa(claim, inst, context.codes),
    ...checkProcedures(inst, context.codes),
  ];
}
