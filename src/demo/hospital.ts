// The demo hospital's stays and visits, billed on UB-04 / 837I: real ICD-10-CM FY2026 and ICD-10-PCS
// codes, revenue codes and HCPCS/CPT codes (codes only). Charges are the hospital's chargemaster prices.
import { addDays, ageOn } from '../shared/dates.ts';
import type { DemoEncounter, DemoPatient } from './generate.ts';
import type { Random } from './random.ts';

interface FacilityLine {
  revenueCode: string;
  code?: string;
  modifiers?: string[];
  /** 'days': one unit per day of the stay (room and board). */
  units?: number | 'days';
  chargeCents: number;
}

interface FacilityVisit {
  name: string;
  billType: '131' | '111';
  placeOfService: '21' | '22' | '23';
  minAge: number;
  /** Length of stay in days for inpatient stays (discharged that many days after admission). */
  stay?: [number, number];
  diagnoses: string[];
  /** POA per diagnosis on inpatient bills ('' for an exempt code). */
  presentOnAdmission?: ('Y' | 'N' | '')[];
  admissionType?: '1' | '3';
  reasonForVisit?: string[];
  externalCauses?: string[];
  /** ICD-10-PCS procedures done on the day of admission. */
  procedures?: string[];
  lines: FacilityLine[];
  weight: number;
}

export const FACILITY_VISITS: FacilityVisit[] = [
  {
    name: 'emergency visit, ankle sprain',
    billType: '131',
    placeOfService: '23',
    minAge: 5,
    diagnoses: ['S93.401A'],
    reasonForVisit: ['S93.401A'],
    externalCauses: ['W01.0XXA'],
    lines: [
      { revenueCode: '0450', code: '99284', chargeCents: 145000 },
      { revenueCode: '0320', code: '73610', modifiers: ['RT'], chargeCents: 42000 },
    ],
    weight: 5,
  },
  {
    name: 'emergency visit, chest pain',
    billType: '131',
    placeOfService: '23',
    minAge: 30,
    diagnoses: ['R07.9', 'I10'],
    reasonForVisit: ['R07.9'],
    lines: [
      { revenueCode: '0450', code: '99285', chargeCents: 240000 },
      { revenueCode: '0730', code: '93005', chargeCents: 21000 },
      { revenueCode: '0301', code: '80053', chargeCents: 18000 },
      { revenueCode: '0305', code: '85025', chargeCents: 9000 },
      { revenueCode: '0324', code: '71046', chargeCents: 38000 },
    ],
    weight: 4,
  },
  {
    name: 'outpatient knee arthroscopy',
    billType: '131',
    placeOfService: '22',
    minAge: 18,
    diagnoses: ['M23.221'],
    lines: [
      { revenueCode: '0360', code: '29881', modifiers: ['RT'], chargeCents: 980000 },
      { revenueCode: '0370', chargeCents: 150000 },
      { revenueCode: '0250', chargeCents: 12000 },
      { revenueCode: '0710', chargeCents: 60000 },
    ],
    weight: 3,
  },
  {
    name: 'inpatient pneumonia',
    billType: '111',
    placeOfService: '21',
    minAge: 40,
    stay: [3, 5],
    diagnoses: ['J18.9', 'I10', 'E11.9', 'Z79.84'],
    presentOnAdmission: ['Y', 'Y', 'Y', ''],
    admissionType: '1',
    lines: [
      { revenueCode: '0120', units: 'days', chargeCents: 220000 },
      { revenueCode: '0250', chargeCents: 45000 },
      { revenueCode: '0301', code: '80053', chargeCents: 18000 },
      { revenueCode: '0324', code: '71046', chargeCents: 38000 },
      { revenueCode: '0410', chargeCents: 30000 },
    ],
    weight: 2,
  },
  {
    name: 'inpatient total knee replacement',
    billType: '111',
    placeOfService: '21',
    minAge: 50,
    stay: [1, 3],
    diagnoses: ['M17.11', 'I10'],
    presentOnAdmission: ['Y', 'Y'],
    admissionType: '3',
    procedures: ['0SRC0JZ'],
    lines: [
      { revenueCode: '0120', units: 'days', chargeCents: 240000 },
      { revenueCode: '0360', chargeCents: 1850000 },
      { revenueCode: '0278', chargeCents: 650000 },
      { revenueCode: '0250', chargeCents: 38000 },
      { revenueCode: '0420', chargeCents: 25000 },
    ],
    weight: 1,
  },
];

/** One hospital encounter: a stay or an outpatient visit in the six months before asOf. */
export function hospitalEncounter(
  random: Random,
  patients: DemoPatient[],
  asOf: string,
  providers: number,
): DemoEncounter {
  for (;;) {
    const patientIndex = random.int(0, patients.length - 1);
    const admitted = addDays(asOf, -random.int(7, 182));
    const age = ageOn(patients[patientIndex]!.dateOfBirth, admitted);
    const eligible = FACILITY_VISITS.filter((v) => age >= v.minAge);
    if (eligible.length === 0) continue; // a young child: none of the demo's stays and visits fit
    const visit = random.weighted(eligible);
    const days = visit.stay ? random.int(visit.stay[0], visit.stay[1]) : 0;
    const discharged = addDays(admitted, days);
    if (discharged >= asOf) continue;
    return {
      patient: patientIndex,
      provider: random.int(0, providers - 1),
      referringProvider: null,
      facility: 0,
      serviceDate: admitted,
      serviceDateTo: discharged,
      placeOfService: visit.placeOfService,
      priorAuthorization: visit.admissionType === '3' ? `PA${random.digits(8)}` : null,
      diagnoses: visit.diagnoses,
      institutional: institutionalOf(visit, admitted, random),
      lines: visit.lines.map((l) => {
        const units = l.units === 'days' ? days : (l.units ?? 1);
        return {
          revenueCode: l.revenueCode,
          procedureCode: l.code ?? '',
          modifiers: l.modifiers ?? [],
          units,
          chargeCents: l.chargeCents * units,
          diagnosisPointers: [],
        };
      }),
    };
  }
}

function institutionalOf(visit: FacilityVisit, admitted: string, random: Random) {
  const inpatient = visit.billType === '111';
  return {
    billType: visit.billType,
    patientStatus: '01',
    ...(inpatient
      ? {
          admissionDate: admitted,
          admissionHour: String(random.int(6, 22)).padStart(2, '0'),
          admissionType: visit.admissionType ?? '1',
          admissionSource: '1',
          admittingDiagnosis: visit.diagnoses[0]!,
          presentOnAdmission: visit.presentOnAdmission ?? [],
        }
      : {}),
    ...(visit.reasonForVisit ? { reasonForVisit: visit.reasonForVisit } : {}),
    ...(visit.externalCauses ? { externalCauses: visit.externalCauses } : {}),
    ...(visit.procedures ? { procedures: visit.procedures.map((code) => ({ code, date: admitted })) } : {}),
  };
}
