// The patient, visit and insurance segments every message type carries: PID, PV1, IN1.
import { isValidNpi } from '../../shared/npi.ts';
import type { ChartCoverage, ChartEncounter, ChartPatient, ChartType } from '../content.ts';
import { hl7Problem, type Hl7Problem } from './problems.ts';
import type { Segment } from './segment.ts';
import { hl7Date, requiredDate } from './values.ts';

/** PID-3's medical record number: the repetition typed MR (CX-5), else the first; 2.3 senders may use PID-2. */
export function mrnOf(pid: Segment): string {
  for (let r = 0; r < pid.repetitions(3); r++)
    if (pid.value(3, 5, r).toUpperCase() === 'MR') return pid.value(3, 1, r);
  return pid.value(3, 1) || pid.value(2, 1);
}

export function patientOf(pid: Segment, problems: Hl7Problem[]): ChartPatient | undefined {
  const before = problems.length;
  const mrn = mrnOf(pid);
  if (!mrn)
    problems.push(hl7Problem('HL7_FIELD_MISSING', 'PID-3 (medical record number) is empty', pid.at(3, 1)));
  const lastName = pid.value(5, 1);
  const firstName = pid.value(5, 2);
  if (!lastName || !firstName)
    problems.push(
      hl7Problem('HL7_FIELD_MISSING', 'PID-5 (patient name) needs a family and a given name', pid.at(5)),
    );
  const dateOfBirth = requiredDate(pid, 7, 'date of birth', problems);
  if (problems.length > before || !dateOfBirth) return undefined;
  const sex = pid.value(8).toUpperCase();
  const optional = {
    middleName: pid.value(5, 3),
    address1: pid.value(11, 1),
    city: pid.value(11, 3),
    state: pid.value(11, 4),
    zip: pid.value(11, 5),
    phone: pid.value(13, 1) || `${pid.value(13, 6)}${pid.value(13, 7)}`,
  };
  return {
    mrn,
    firstName,
    lastName,
    dateOfBirth,
    sex: sex === 'M' || sex === 'F' ? sex : 'U',
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v)),
    where: { field: 'PID-3', line: pid.number },
  };
}

/** The visit number: PV1-19, else the patient account number PID-18 many senders put it in. */
export function visitNumberOf(pid: Segment | undefined, pv1: Segment | undefined): string {
  return pv1?.value(19, 1) || pid?.value(18, 1) || '';
}

/** PV1-2 patient class: I inpatient (POS 21), E emergency (POS 23); others leave POS to the encounter's default. */
const PLACE_OF_SERVICE: Record<string, string> = { I: '21', E: '23' };

export interface VisitFacts {
  /** The date the visit happened when PV1-44 does not say (FT1-4, TXA-4, OBR-7, EVN-2). */
  fallbackDate?: string;
  /** What the message's content says the chart is, absent an inpatient class or surgical service. */
  chartType?: ChartType;
}

export function encounterOf(
  pid: Segment,
  pv1: Segment | undefined,
  facts: VisitFacts,
  problems: Hl7Problem[],
): ChartEncounter | undefined {
  const encounterId = visitNumberOf(pid, pv1);
  if (!encounterId) {
    const at = pv1 ? pv1.at(19, 1) : pid.at(18, 1);
    problems.push(
      hl7Problem(
        'HL7_FIELD_MISSING',
        'PV1-19 (visit number) is empty, and so is PID-18 (account number)',
        at,
      ),
    );
    return undefined;
  }
  const admit = pv1?.value(44) ?? '';
  const from = admit ? hl7Date(admit) : facts.fallbackDate;
  if (admit && !from)
    problems.push(
      hl7Problem('HL7_FIELD_INVALID', `PV1-44 (admit date) "${admit}" is not a date`, pv1!.at(44)),
    );
  if (!from) {
    if (!admit)
      problems.push(
        hl7Problem(
          'HL7_FIELD_MISSING',
          'PV1-44 (admit date) is empty: the visit has no date',
          pv1?.at(44) ?? pid.at(3),
        ),
      );
    return undefined;
  }
  const discharge = pv1?.value(45) ?? '';
  const to = (discharge && hl7Date(discharge)) || from;
  const patientClass = pv1?.value(2).toUpperCase() ?? '';
  const chartType: ChartType =
    patientClass === 'I'
      ? 'inpatient'
      : pv1?.value(10).toUpperCase() === 'SUR'
        ? 'surgery'
        : (facts.chartType ?? 'em-visit');
  // An id that is not an NPI was reported with the practitioners (PV1-7); the encounter does without it.
  const renderingNpi = [pv1?.value(7, 1) ?? ''].find(isValidNpi);
  const placeOfService = PLACE_OF_SERVICE[patientClass];
  return {
    encounterId,
    patientMrn: mrnOf(pid),
    serviceDateFrom: from,
    serviceDateTo: to < from ? from : to,
    ...(placeOfService ? { placeOfService } : {}),
    ...(renderingNpi ? { renderingNpi } : {}),
    chartType,
    where: { field: pv1 ? 'PV1-19' : 'PID-18', line: (pv1 ?? pid).number },
  };
}

/** HL7 table 0063 relationship (and the X12 codes some senders use) → the chart's. */
function relationshipOf(code: string): ChartCoverage['relationship'] {
  const c = code.toUpperCase();
  if (c === 'SEL' || c === '18' || c === 'SELF' || c === '') return 'self';
  if (c === 'SPO' || c === '01' || c === 'SPOUSE') return 'spouse';
  if (c === 'CHD' || c === '19' || c === 'CHILD') return 'child';
  return 'other';
}

const PRIORITY = ['primary', 'secondary', 'tertiary'] as const;

/** IN1: the payer (IN1-3 id, IN1-4 name), member id (IN1-36, else IN1-49), group (IN1-8), dates (IN1-12/13). */
export function coverageOf(
  in1: Segment,
  order: number,
  patientMrn: string,
  problems: Hl7Problem[],
): ChartCoverage | undefined {
  const memberId = in1.value(36, 1) || in1.value(49, 1);
  const payerId = in1.value(3, 1);
  const payerName = in1.value(4, 1);
  if (!memberId || (!payerId && !payerName)) {
    problems.push(
      hl7Problem(
        'HL7_FIELD_IGNORED',
        `IN1 ${in1.value(1) || order}: ${!memberId ? 'no member id (IN1-36)' : 'no payer (IN1-3 or IN1-4)'}: the coverage is left out`,
        in1.at(!memberId ? 36 : 3),
      ),
    );
    return undefined;
  }
  const setId = Number(in1.value(1)) || order;
  const optional = {
    payerId,
    payerName,
    groupNumber: in1.value(8),
    effectiveDate: hl7Date(in1.value(12)),
    terminationDate: hl7Date(in1.value(13)),
  };
  return {
    patientMrn,
    memberId,
    relationship: relationshipOf(in1.value(17, 1)),
    priority: PRIORITY[Math.min(setId, 3) - 1] ?? 'primary',
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v)),
    where: { field: 'IN1-36', line: in1.number },
  };
}
