import { addDays, ageOn } from '../shared/dates.ts';
import { npiFromBase } from '../shared/npi.ts';
import {
  CITIES,
  FEES,
  FEMALE_FIRST_NAMES,
  LAST_NAMES,
  MALE_FIRST_NAMES,
  STREETS,
  VISITS,
} from './catalog.ts';
import { hospitalEncounter } from './hospital.ts';
import { createRandom, type Random } from './random.ts';
import type { InstitutionalData } from '../encounters/institutional.ts';

export interface DemoOptions {
  seed: number;
  patients: number;
  encounters: number;
  /** Encounters fall in the six months before this date. */
  asOf: string;
  /** A physician group billing CMS-1500s (default) or a hospital billing UB-04s. */
  kind?: 'clinic' | 'hospital';
  /**
   * Give three patients the payer sandbox's member file cases (the demo connected to the sandbox);
   * left out, every member ID is drawn like the others and the sandbox pays them as usual.
   */
  eligibilityCases?: boolean;
}

/**
 * Each demo payer's contract: the share of the practice's charge it allows (the payer sandbox's
 * default scenario adjudicates with the same rates). One clause differs on purpose: the contract
 * with UnitedHealthcare allows $10.00 more for 99214 than the payer pays, so the demo's
 * underpayments queue has something to work.
 */
export const DEMO_CONTRACT_PERCENT: Record<string, number> = {
  'DEMO-MCR': 48,
  'DEMO-MCD': 40,
  'DEMO-BCBS': 62,
  'DEMO-AETNA': 65,
  'DEMO-CIGNA': 60,
  'DEMO-UHC': 58,
  'DEMO-WC': 75,
};
export const DEMO_UNDERPAID = { payerId: 'DEMO-UHC', procedureCode: '99214', shortCents: 1_000 };

const PAYERS = [
  {
    key: 'medicare',
    name: 'Medicare Part B (Demo MAC)',
    payerId: 'DEMO-MCR',
    claimFilingIndicator: 'MB',
    timelyFilingDays: 365,
  },
  {
    key: 'medicaid',
    name: 'State Medicaid (Demo)',
    payerId: 'DEMO-MCD',
    claimFilingIndicator: 'MC',
    timelyFilingDays: 180,
  },
  {
    key: 'bcbs',
    name: 'Blue Cross Blue Shield (Demo)',
    payerId: 'DEMO-BCBS',
    claimFilingIndicator: 'BL',
    timelyFilingDays: 180,
  },
  {
    key: 'aetna',
    name: 'Aetna (Demo)',
    payerId: 'DEMO-AETNA',
    claimFilingIndicator: 'CI',
    timelyFilingDays: 120,
  },
  {
    key: 'cigna',
    name: 'Cigna (Demo)',
    payerId: 'DEMO-CIGNA',
    claimFilingIndicator: 'CI',
    timelyFilingDays: 90,
  },
  {
    key: 'uhc',
    name: 'UnitedHealthcare (Demo)',
    payerId: 'DEMO-UHC',
    claimFilingIndicator: 'CI',
    timelyFilingDays: 90,
  },
  {
    key: 'wc',
    name: "Prairie Workers' Comp Mutual (Demo)",
    payerId: 'DEMO-WC',
    claimFilingIndicator: 'WC',
    timelyFilingDays: 365,
  },
  { key: 'self', name: 'Self-pay', payerId: 'SELFPAY', claimFilingIndicator: 'ZZ', timelyFilingDays: 365 },
] as const;
type PayerKey = (typeof PAYERS)[number]['key'];

const PROVIDERS = [
  {
    firstName: 'Alice',
    lastName: 'Demoreau',
    credentials: 'MD',
    taxonomy: '207Q00000X',
    specialty: 'primary',
  },
  {
    firstName: 'Benjamin',
    lastName: 'Samplewitz',
    credentials: 'DO',
    taxonomy: '207R00000X',
    specialty: 'primary',
  },
  {
    firstName: 'Carmen',
    lastName: 'Exempla',
    credentials: 'NP',
    taxonomy: '363L00000X',
    specialty: 'primary',
  },
  {
    firstName: 'Darius',
    lastName: 'Fictorio',
    credentials: 'MD',
    taxonomy: '207X00000X',
    specialty: 'ortho',
  },
  {
    firstName: 'Elena',
    lastName: 'Placeholt',
    credentials: 'MD',
    taxonomy: '207X00000X',
    specialty: 'ortho',
  },
  {
    firstName: 'Frank',
    lastName: 'Mockridge',
    credentials: 'PA-C',
    taxonomy: '363A00000X',
    specialty: 'ortho',
  },
] as const;

/**
 * The demo physicians' NPIs (the ninth digit before the Luhn check digit varies): fixed, not drawn
 * from the seed, because the same physician works in the group and at the hospital and an NPI is
 * the person's for life.
 */
const PROVIDER_NPI_BASES = ['112345670', '112345671', '112345672', '112345673', '112345674', '112345675'];

export interface DemoPatient {
  accountNumber: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  sex: 'M' | 'F';
  address1: string;
  city: string;
  state: string;
  zip: string;
  phone: string;
  guarantorRelationship: 'self' | 'parent';
  guarantorFirstName: string | null;
  guarantorLastName: string | null;
  coverages: DemoCoverage[];
}
export interface DemoCoverage {
  payer: PayerKey;
  priority: 'primary' | 'secondary';
  memberId: string;
  groupNumber: string | null;
  planName: string | null;
  relationship: '18' | '19';
  subscriberFirstName: string;
  subscriberLastName: string;
  effectiveDate: string;
}
export interface DemoEncounter {
  patient: number;
  provider: number;
  referringProvider: number | null;
  facility: number;
  serviceDate: string;
  /** The discharge date of an inpatient stay (the service date otherwise). */
  serviceDateTo?: string;
  placeOfService: string;
  priorAuthorization: string | null;
  diagnoses: string[];
  institutional?: InstitutionalData;
  lines: {
    revenueCode?: string;
    procedureCode: string;
    modifiers: string[];
    units: number;
    chargeCents: number;
    diagnosisPointers: number[];
  }[];
}

export function generateDemo(options: DemoOptions) {
  const random = createRandom(options.seed);
  const hospital = options.kind === 'hospital';
  const practiceNpi = npiFromBase(`2${random.digits(8)}`);
  const practice = {
    name: hospital ? 'Riverside Community Hospital (Demo)' : 'Riverside Family Medicine & Orthopedics (Demo)',
    npi: practiceNpi,
    tin: `${random.int(10, 16)}-${random.digits(7)}`,
    // NUCC 282N00000X general acute care hospital; 193200000X multi-specialty group.
    taxonomy: hospital ? '282N00000X' : '193200000X',
    address1: '100 Demo Plaza',
    city: 'Springfield',
    state: 'IL',
    zip: '627011234',
    contactName: 'Billing Office',
    phone: `217555${random.digits(4)}`,
    email: 'billing@example.org',
  };
  const providers = PROVIDERS.map((p, i) => ({
    ...p,
    npi: npiFromBase(PROVIDER_NPI_BASES[i]!),
    kinds: ['rendering', 'referring', 'supervising'],
  }));
  const facilities = hospital
    ? [
        {
          name: 'Riverside Community Hospital',
          npi: practiceNpi,
          address1: '100 Demo Plaza',
          city: 'Springfield',
          state: 'IL',
          zip: '627011234',
          placeOfService: '21',
        },
      ]
    : [
        {
          name: 'Riverside Main Clinic',
          npi: practiceNpi,
          address1: '100 Demo Plaza',
          city: 'Springfield',
          state: 'IL',
          zip: '627011234',
          placeOfService: '11',
        },
        {
          name: 'Riverside Surgery Center',
          npi: npiFromBase(`2${random.digits(8)}`),
          address1: '250 Demo Parkway',
          city: 'Springfield',
          state: 'IL',
          zip: '627021000',
          placeOfService: '24',
        },
      ];
  // A hospital bills Medicare Part A (claim filing indicator MA) on its UB-04s.
  const payers = PAYERS.map(({ key, ...p }) => ({
    ...p,
    ...(hospital && key === 'medicare'
      ? { name: 'Medicare Part A (Demo MAC)', payerId: 'DEMO-MCRA', claimFilingIndicator: 'MA' }
      : {}),
    address1: 'PO Box 1000',
    city: 'Springfield',
    state: 'IL',
    zip: '62701',
  }));
  const feeSchedule = Object.entries(hospital ? {} : FEES).map(([procedureCode, chargeCents]) => ({
    procedureCode,
    chargeCents,
    effectiveDate: '2025-01-01',
  }));
  // The payer fee schedules (contracted rates) by the payer's position in `payers`.
  const contractedRates = payers.flatMap((p, payerIndex) => {
    const percent = DEMO_CONTRACT_PERCENT[p.payerId];
    if (percent === undefined) return [];
    return feeSchedule.map((f) => ({
      payerIndex,
      procedureCode: f.procedureCode,
      allowedCents:
        Math.round((f.chargeCents * percent) / 100) +
        (p.payerId === DEMO_UNDERPAID.payerId && f.procedureCode === DEMO_UNDERPAID.procedureCode
          ? DEMO_UNDERPAID.shortCents
          : 0),
      effectiveDate: f.effectiveDate,
    }));
  });
  const patients = Array.from({ length: options.patients }, (_, i) => demoPatient(random, i, options.asOf));
  const encounters = Array.from({ length: options.encounters }, () =>
    hospital
      ? hospitalEncounter(random, patients, options.asOf, PROVIDERS.length)
      : demoEncounter(random, patients, options.asOf),
  );
  if (options.eligibilityCases) giveEligibilityCases(patients, encounters);
  return {
    practice,
    providers,
    facilities,
    payers,
    payerKeys: PAYERS.map((p) => p.key),
    feeSchedule,
    contractedRates,
    patients,
    encounters,
  };
}
export type DemoData = ReturnType<typeof generateDemo>;

/**
 * The payer sandbox's member file cases (src/sandbox/default-scenario.json "members"), so that an
 * eligibility check in the demo shows each: coverage ended, another payer primary, a high deductible.
 */
export const ELIGIBILITY_CASE_MEMBERS = ['TERMINATED1', 'COBPRIMARY1', 'HIGHDEDUCT1'] as const;

/**
 * Gives the cases to the adult, commercially insured patients with the fewest visits (fewest claims
 * the sandbox then denies for them), after everything random is drawn: the rest of the demo stays as it was.
 */
function giveEligibilityCases(patients: DemoPatient[], encounters: DemoEncounter[]) {
  const visits = new Map<number, number>();
  for (const e of encounters) visits.set(e.patient, (visits.get(e.patient) ?? 0) + 1);
  const candidates = patients
    .map((p, i) => ({ p, i, n: visits.get(i) ?? 0 }))
    .filter(
      ({ p }) =>
        p.coverages.length === 1 &&
        p.coverages[0]!.relationship === '18' &&
        ['bcbs', 'aetna', 'cigna', 'uhc'].includes(p.coverages[0]!.payer),
    )
    .sort((a, b) => a.n - b.n || a.i - b.i);
  ELIGIBILITY_CASE_MEMBERS.forEach((memberId, k) => {
    const c = candidates[k];
    if (c) c.p.coverages[0]!.memberId = memberId;
  });
}

function demoPatient(random: Random, index: number, asOf: string): DemoPatient {
  const sex = random.chance(0.52) ? 'F' : 'M';
  const age = random.chance(0.15)
    ? random.int(1, 17)
    : random.chance(0.35)
      ? random.int(65, 92)
      : random.int(18, 64);
  const dateOfBirth = addDays(asOf, -(age * 365 + random.int(0, 364)));
  const [city, state, zip] = random.pick(CITIES);
  const firstName = random.pick(sex === 'F' ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
  const lastName = random.pick(LAST_NAMES);
  const child = age < 18;
  const parentFirst = random.pick(random.chance(0.5) ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
  const subscriber = child
    ? { relationship: '19' as const, subscriberFirstName: parentFirst, subscriberLastName: lastName }
    : { relationship: '18' as const, subscriberFirstName: firstName, subscriberLastName: lastName };
  const member = (prefix: string) => `${prefix}${random.digits(9)}`;
  const since = addDays(asOf, -random.int(400, 3000));
  const coverages: DemoCoverage[] = [];
  const primary: PayerKey =
    age >= 65
      ? 'medicare'
      : child
        ? random.pick(['medicaid', 'bcbs', 'aetna'] as const)
        : random.pick(['bcbs', 'aetna', 'cigna', 'uhc', 'medicaid', 'bcbs', 'uhc', 'self'] as const);
  if (primary !== 'self') {
    coverages.push({
      payer: primary,
      priority: 'primary',
      memberId: member(primary === 'medicare' ? '1EG4' : 'W'),
      groupNumber: ['medicare', 'medicaid'].includes(primary) ? null : `GRP${random.digits(5)}`,
      planName: null,
      ...subscriber,
      effectiveDate: since,
    });
    if (random.chance(age >= 65 ? 0.45 : 0.1)) {
      const secondary: PayerKey =
        age >= 65
          ? random.pick(['bcbs', 'medicaid', 'aetna'] as const)
          : random.pick(['bcbs', 'cigna'] as const);
      if (secondary !== primary)
        coverages.push({
          payer: secondary,
          priority: 'secondary',
          memberId: member('S'),
          groupNumber: null,
          planName: age >= 65 ? 'Medicare Supplement' : null,
          ...subscriber,
          effectiveDate: since,
        });
    }
  }
  return {
    accountNumber: `DEMO${String(index + 1).padStart(5, '0')}`,
    firstName,
    lastName,
    dateOfBirth,
    sex,
    address1: `${random.int(10, 9999)} ${random.pick(STREETS)}`,
    city,
    state,
    zip,
    phone: `217555${random.digits(4)}`,
    guarantorRelationship: child ? 'parent' : 'self',
    guarantorFirstName: child ? parentFirst : null,
    guarantorLastName: child ? lastName : null,
    coverages,
  };
}

function demoEncounter(random: Random, patients: DemoPatient[], asOf: string): DemoEncounter {
  for (;;) {
    const patientIndex = random.int(0, patients.length - 1);
    const patient = patients[patientIndex]!;
    let serviceDate = addDays(asOf, -random.int(1, 182));
    const weekday = new Date(`${serviceDate}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) serviceDate = addDays(serviceDate, weekday === 0 ? 1 : 2);
    if (serviceDate >= asOf) continue;
    const age = ageOn(patient.dateOfBirth, serviceDate);
    const eligible = VISITS.filter((v) => age >= v.minAge && age <= v.maxAge);
    const visit = random.weighted(eligible);
    const diagnoses = random.pick(visit.diagnoses);
    const rightSide = !diagnoses.some((d) => /^(M17\.12|S83\.242A|M75\.102|M25\.562)$/.test(d));
    const providerIndexes = PROVIDERS.map((p, i) => [p, i] as const)
      .filter(([p]) => p.specialty === visit.specialty)
      .map(([, i]) => i);
    const provider = random.pick(providerIndexes);
    const lines = visit.lines.map((l) => {
      const modifiers = (l.modifiers ?? []).map((m) => (m === 'RT' && !rightSide ? 'LT' : m));
      const units = l.units ?? 1;
      return {
        procedureCode: l.code,
        modifiers,
        units,
        chargeCents: (FEES[l.code] ?? 10000) * units,
        diagnosisPointers: l.pointers.filter((p) => p <= diagnoses.length),
      };
    });
    return {
      patient: patientIndex,
      provider,
      referringProvider: visit.specialty === 'ortho' ? random.int(0, 2) : null,
      facility: visit.placeOfService === '24' ? 1 : 0,
      serviceDate,
      placeOfService: visit.placeOfService,
      priorAuthorization: visit.placeOfService === '24' ? `PA${random.digits(8)}` : null,
      diagnoses,
      lines,
    };
  }
}
