import type { ScrubClaim } from './claim.ts';
import type { CodeChecker, ScrubContext } from './context.ts';

// A clean professional claim and a context over tiny code tables, for the rule tests. The real
// CodeChecker is built over the imported code set releases.
export function cleanClaim(): ScrubClaim {
  return {
    claimId: 'PCN001',
    type: 'professional',
    frequencyCode: '1',
    billingProvider: {
      name: 'Riverside Clinic',
      npi: '1234567893',
      taxId: '123456789',
      taxonomy: '207Q00000X',
      address: { line1: '100 Main St', city: 'Springfield', state: 'IL', zip: '627011234' },
    },
    payer: { name: 'Aetna', payerId: '60054', claimFilingIndicator: 'CI', timelyFilingDays: 90 },
    subscriber: {
      memberId: 'W123456789',
      lastName: 'Sample',
      firstName: 'Mary',
      dateOfBirth: '1960-04-01',
      sex: 'F',
      address: { line1: '1 Oak St', city: 'Springfield', state: 'IL', zip: '62701' },
    },
    patient: {
      relationship: '18',
      lastName: 'Sample',
      firstName: 'Mary',
      dateOfBirth: '1960-04-01',
      sex: 'F',
      address: { line1: '1 Oak St', city: 'Springfield', state: 'IL', zip: '62701' },
    },
    renderingProvider: { name: 'Demoreau', npi: '1245319599', taxonomy: '207X00000X' },
    facility: { name: 'Riverside Clinic', npi: '1234567893', placeOfService: '11' },
    placeOfService: '11',
    diagnoses: ['M17.11', 'I10'],
    lines: [
      {
        lineNumber: 1,
        procedureCode: '99213',
        modifiers: ['25'],
        units: 1,
        chargeCents: 14000,
        diagnosisPointers: [1, 2],
        serviceDate: '2026-11-02',
      },
      {
        lineNumber: 2,
        procedureCode: '20610',
        modifiers: ['RT'],
        units: 1,
        chargeCents: 21000,
        diagnosisPointers: [1],
        serviceDate: '2026-11-02',
      },
      {
        lineNumber: 3,
        procedureCode: 'J3301',
        modifiers: [],
        units: 4,
        chargeCents: 3200,
        diagnosisPointers: [1],
        serviceDate: '2026-11-02',
        // Triamcinolone acetonide 40 mg/mL, 1 mL vial (loop 2410).
        ndc: '00003029305',
        ndcQuantity: '1',
        ndcUnit: 'ML',
      },
    ],
  };
}

/**
 * The clean claim sent to the secondary payer: the primary (60054) paid 80% of each line's allowed
 * amount, adjusted CO-45 and left the rest to the patient (PR-1, PR-2), in loops 2320 and 2430.
 */
export function cleanSecondaryClaim(): ScrubClaim {
  const claim = cleanClaim();
  const paid = [8000, 12000, 2000];
  claim.payerResponsibility = 'S';
  claim.lines.forEach((l, i) => {
    const patient = Math.round(paid[i]! / 4);
    l.adjudications = [
      {
        otherPayerId: '60054',
        paidCents: paid[i]!,
        adjustments: [
          { group: 'CO', reason: '45', amountCents: l.chargeCents - paid[i]! - patient },
          { group: 'PR', reason: i === 0 ? '1' : '2', amountCents: patient },
        ],
        adjudicationDate: '2026-11-20',
      },
    ];
  });
  claim.otherPayers = [
    { payerResponsibility: 'P', payerId: '60054', name: 'AETNA', paidCents: 22000, adjustments: [] },
  ];
  return claim;
}

/** A clean inpatient hospital claim (bill type 111): admitted Nov 2, discharged Nov 4, knee replacement. */
export function cleanInstitutionalClaim(): ScrubClaim {
  const base = cleanClaim();
  const line = (lineNumber: number, revenueCode: string, procedureCode: string, chargeCents: number) => ({
    lineNumber,
    revenueCode,
    procedureCode,
    modifiers: [],
    units: 1,
    chargeCents,
    diagnosisPointers: [],
    serviceDate: '2026-11-02',
  });
  return {
    ...base,
    claimId: 'PCN002',
    type: 'institutional',
    billingProvider: { ...base.billingProvider, name: 'Riverside Hospital', taxonomy: '282N00000X' },
    renderingProvider: undefined,
    facility: undefined,
    placeOfService: undefined,
    diagnoses: ['M17.11', 'I10', 'Z79.01'],
    institutional: {
      billType: '111',
      statementFrom: '2026-11-02',
      statementTo: '2026-11-04',
      admissionDate: '2026-11-02',
      admissionHour: '07',
      admissionType: '3',
      admissionSource: '1',
      patientStatus: '01',
      admittingDiagnosis: 'M17.11',
      presentOnAdmission: ['Y', 'Y', ''],
      procedures: [{ code: '0SRD0JZ', date: '2026-11-02' }],
      attendingProvider: { name: 'Demoreau', npi: '1245319599' },
    },
    lines: [line(1, '0120', '', 300000), line(2, '0360', '27447', 1850000), line(3, '0250', '', 12000)],
  };
}

const BILLABLE = new Set(['M17.11', 'I10', 'J45.909', 'N40.0', 'O80', 'F02.80', 'Z79.01']);
/** Z79.01 is on the FY2026 POA-exempt list. */
const POA_EXEMPT = new Set(['Z79.01']);
const HCPCS = new Set(['J3301', 'G0008']);
const LEVEL2_MODIFIERS = new Set(['RT', 'LT', 'XS', 'XE', 'XU', 'XP', 'GA', 'TC']);

export const tinyCodes: CodeChecker = {
  diagnosis: (code) => ({
    loaded: true,
    valid: BILLABLE.has(code),
    message: BILLABLE.has(code)
      ? 'valid'
      : code === 'J45'
        ? 'is a category header, not billable'
        : 'is not a valid ICD-10-CM code',
  }),
  procedure: (code) => {
    const valid = /^\d{4}[0-9FTU]$/.test(code) || HCPCS.has(code);
    return { loaded: true, valid, message: valid ? 'valid' : 'is not active on the date of service' };
  },
  modifier: (code) => ({
    loaded: true,
    valid: LEVEL2_MODIFIERS.has(code),
    message: 'is not a HCPCS Level II modifier',
  }),
  diagnosisEdits: (diagnoses, patient) => [
    ...(diagnoses.includes('N40.0') && patient.sex === 'F'
      ? [{ code: 'N40.0', message: 'is for male patients only', severity: 'warning' as const }]
      : []),
    ...(diagnoses[0] === 'F02.80'
      ? [
          {
            code: 'F02.80',
            message: 'is a manifestation code and may not be first-listed',
            severity: 'error' as const,
          },
        ]
      : []),
  ],
  placeOfService: (code) => ['11', '12', '21', '22', '23', '24'].includes(code),
  typeOfBill: (code) => ['111', '117', '112', '113', '131', '137'].includes(code),
  inpatientProcedure: (code) => {
    const valid = code === '0SRD0JZ';
    return { loaded: true, valid, message: valid ? 'valid' : 'no table row allows this combination' };
  },
  poaExempt: (code) => POA_EXEMPT.has(code),
};

export function testContext(overrides: Partial<ScrubContext> = {}): ScrubContext {
  return {
    today: '2026-11-25',
    codes: tinyCodes,
    feeSchedule: [
      {
        procedureCode: '99213',
        modifier: null,
        chargeCents: 14000,
        effectiveDate: '2026-01-01',
        endDate: null,
      },
      {
        procedureCode: '20610',
        modifier: null,
        chargeCents: 21000,
        effectiveDate: '2026-01-01',
        endDate: null,
      },
      {
        procedureCode: 'J3301',
        modifier: null,
        chargeCents: 800,
        effectiveDate: '2026-01-01',
        endDate: null,
      },
    ],
    submittedServices: new Set(),
    payerRules: [],
    ...overrides,
  };
}
