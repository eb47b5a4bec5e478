// Pure: a patient's coverage → the 270 inquiry for one visit (subscriber, or dependent when the
// patient is not the subscriber), and a day's schedule → one inquiry per patient for write270.
import type { EligibilityRequest, Member } from '../x12/index.ts';

/** The coverage fields an inquiry needs (patients' coverage row). */
export interface CoverageToCheck {
  memberId: string;
  /** SBR02 relationship: 18 self, 01 spouse, 19 child, 20 employee, G8 other. */
  relationship: string;
  subscriberFirstName: string;
  subscriberLastName: string;
  subscriberDateOfBirth?: string | null;
  subscriberSex?: string | null;
}

export interface PatientToCheck {
  firstName: string;
  lastName: string;
  dateOfBirth?: string | null;
  sex?: string | null;
}

export interface EligibilityCheck {
  coverage: CoverageToCheck;
  patient: PatientToCheck;
  payer: { name: string; payerId: string };
  provider: { name: string; npi: string };
  dateOfService: string;
  /** EQ01 service types; default 30 (health benefit plan coverage). */
  serviceTypes?: string[];
  /** BHT03 and TRN02: who asked, to match the 271 to this check. */
  referenceId: string;
  /** Today and now (HHMM), passed in: the core reads no clock. */
  today: string;
  time: string;
  /** TRN03: the practice's id (a 10-character number starting 1–9, e.g. "1" + tax id). */
  originatorId: string;
}

/** 270 INS02 for a dependent: the TR3 allows spouse, child and other adult. */
const DEPENDENT_RELATIONSHIP: Record<string, string> = { '01': '01', '19': '19' };

const person = (last: string, first: string, birth?: string | null, sex?: string | null): Member => {
  const m: Member = {
    entityType: '1',
    lastOrOrganizationName: last.toUpperCase(),
    firstName: first.toUpperCase(),
  };
  if (birth) m.birthDate = birth;
  if (sex === 'F' || sex === 'M') m.gender = sex;
  return m;
};

export function eligibilityRequest(c: EligibilityCheck): EligibilityRequest {
  const cov = c.coverage;
  const subscriber: Member = {
    ...person(cov.subscriberLastName, cov.subscriberFirstName, cov.subscriberDateOfBirth, cov.subscriberSex),
    idQualifier: 'MI',
    id: cov.memberId,
  };
  const self = cov.relationship === '18';
  if (self) {
    const p = person(c.patient.lastName, c.patient.firstName, c.patient.dateOfBirth, c.patient.sex);
    // The patient is the subscriber: the patient's own demographics are the ones the payer matches.
    Object.assign(subscriber, {
      birthDate: p.birthDate ?? subscriber.birthDate,
      gender: p.gender ?? subscriber.gender,
    });
    if (!subscriber.birthDate) delete subscriber.birthDate;
    if (!subscriber.gender) delete subscriber.gender;
  }
  const r: EligibilityRequest = {
    referenceId: c.referenceId,
    date: c.today,
    time: c.time,
    payer: {
      entityType: '2',
      lastOrOrganizationName: c.payer.name.toUpperCase(),
      idQualifier: 'PI',
      id: c.payer.payerId,
    },
    provider: {
      entityType: '2',
      lastOrOrganizationName: c.provider.name.toUpperCase(),
      idQualifier: 'XX',
      id: c.provider.npi,
    },
    subscriber,
    trace: { type: '1', number: c.referenceId, originatorId: c.originatorId },
    serviceDate: { from: c.dateOfService },
    serviceTypes: c.serviceTypes && c.serviceTypes.length > 0 ? c.serviceTypes : ['30'],
  };
  if (!self) {
    r.dependent = {
      ...person(c.patient.lastName, c.patient.firstName, c.patient.dateOfBirth, c.patient.sex),
      relationship: DEPENDENT_RELATIONSHIP[cov.relationship] ?? '34',
    };
  }
  return r;
}

/** A day's schedule → one inquiry per patient visit (the same patient and coverage asked once). */
export function scheduleRequests(checks: readonly EligibilityCheck[]): EligibilityRequest[] {
  const seen = new Set<string>();
  const out: EligibilityRequest[] = [];
  for (const c of checks) {
    const key = [
      c.coverage.memberId,
      c.patient.lastName,
      c.patient.firstName,
      c.patient.dateOfBirth ?? '',
      c.dateOfService,
    ].join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(eligibilityRequest(c));
  }
  return out;
}
