import type { Cms1500Input, Cms1500ServiceLine } from './types.ts';

/** A commercial (BCBS) claim with a referring provider, two diagnoses and three service lines. Test and demo data only. */
export const SAMPLE_CLAIM: Cms1500Input = {
  payer: {
    name: 'Blue Cross Blue Shield of Illinois',
    address: { line1: 'PO Box 805107', city: 'Chicago', state: 'IL', zip: '606805107' },
    claimFilingIndicator: 'BL',
  },
  patient: {
    lastName: 'Doe',
    firstName: 'Jane',
    middleName: 'Q',
    dateOfBirth: '1985-03-07',
    sex: 'F',
    address: { line1: '12 Elm St', line2: 'Apt 4', city: 'Springfield', state: 'IL', zip: '62704' },
    phone: '2175550123',
  },
  insured: {
    lastName: 'Doe',
    firstName: 'John',
    middleName: 'R',
    memberId: 'XOF123456789',
    relationship: '01',
    dateOfBirth: '1983-11-21',
    sex: 'M',
    address: { line1: '12 Elm St', line2: 'Apt 4', city: 'Springfield', state: 'IL', zip: '62704' },
    phone: '2175550123',
    groupNumber: 'GRP-7781',
    planName: 'Blue Choice PPO',
  },
  billingProvider: {
    name: 'Springfield Family Medicine',
    npi: '1234567893',
    taxId: '37-1234567',
    address: { line1: '400 Main St', city: 'Springfield', state: 'IL', zip: '627011234' },
    phone: '2175559000',
  },
  renderingProvider: { lastName: 'Smith', firstName: 'Alan', npi: '1245319599', credentials: 'MD' },
  referringProvider: {
    lastName: 'Jones',
    firstName: 'Mary',
    middleName: 'Ann',
    npi: '1679576722',
    credentials: 'MD',
  },
  facility: {
    name: 'Springfield Family Medicine',
    npi: '1234567893',
    address: { line1: '400 Main St', city: 'Springfield', state: 'IL', zip: '627011234' },
  },
  claim: {
    patientControlNumber: 'E1042P',
    frequencyCode: '1',
    priorAuthorization: 'PA998877',
    placeOfService: '11',
    diagnoses: ['E11.9', 'I10'],
    signedOn: '2026-11-24',
    lines: [
      line({ procedureCode: '99214', modifiers: ['25'], diagnosisPointers: [1, 2], chargeCents: 15000 }),
      line({ procedureCode: '93000', modifiers: [], diagnosisPointers: [2], chargeCents: 4550 }),
      line({
        procedureCode: '20610',
        modifiers: ['RT', '59'],
        diagnosisPointers: [1],
        chargeCents: 21099,
        units: 2,
      }),
    ],
  },
};

export function line(
  l: Partial<Cms1500ServiceLine> & Pick<Cms1500ServiceLine, 'procedureCode'>,
): Cms1500ServiceLine {
  return {
    serviceDate: '2026-11-20',
    modifiers: [],
    diagnosisPointers: [1],
    chargeCents: 10000,
    units: 1,
    ...l,
  };
}

/** The sample with eight service lines: two pages. */
export function eightLineClaim(): Cms1500Input {
  const lines = Array.from({ length: 8 }, (_, i) =>
    line({ procedureCode: `9921${i % 5}`, chargeCents: 1000 * (i + 1) + 1 }),
  );
  return { ...SAMPLE_CLAIM, claim: { ...SAMPLE_CLAIM.claim, lines } };
}
