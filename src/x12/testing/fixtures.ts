// Shared test fixtures (test-only): a claim shaped like the TR3 837P example 3.1 and sample locations.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Generate837Options } from '../transactions/837-generate.ts';
import type { ProfessionalClaim } from '../transactions/837-types.ts';
import { MemoryControlNumbers } from '../engine/writer.ts';

/** ../shared/x12-samples, read in place (never copied into the repo). */
export const SAMPLES = fileURLToPath(new URL('../../../../shared/x12-samples', import.meta.url));

export function sample(rel: string): Buffer {
  return readFileSync(join(SAMPLES, rel));
}

export function sampleFiles(dir: string): string[] {
  const d = join(SAMPLES, dir);
  return existsSync(d) ? readdirSync(d).sort() : [];
}

export const tr3Claim = (): ProfessionalClaim => ({
  billingProvider: {
    entityType: '2',
    lastOrOrganizationName: 'BEN KILDARE SERVICE',
    idQualifier: 'XX',
    id: '9876543210',
    address: { line1: '234 SEAWAY ST', city: 'MIAMI', state: 'FL', postalCode: '33111' },
    taxIdQualifier: 'EI',
    taxId: '587654321',
    taxonomyCode: '203BF0100Y',
    payToAddress: { line1: '2345 OCEAN BLVD', city: 'MAIMI', state: 'FL', postalCode: '33111' },
  },
  subscriber: {
    entityType: '1',
    lastOrOrganizationName: 'SMITH',
    firstName: 'JANE',
    idQualifier: 'MI',
    id: 'JS00111223333',
    payerResponsibility: 'P',
    groupNumber: '2222-SJ',
    claimFilingIndicator: 'CI',
    birthDate: '1943-05-01',
    gender: 'F',
  },
  payer: {
    entityType: '2',
    lastOrOrganizationName: 'KEY INSURANCE COMPANY',
    idQualifier: 'PI',
    id: '999996666',
  },
  patient: {
    entityType: '1',
    lastOrOrganizationName: 'SMITH',
    firstName: 'TED',
    relationship: '19',
    address: { line1: '236 N MAIN ST', city: 'MIAMI', state: 'FL', postalCode: '33413' },
    birthDate: '1973-05-01',
    gender: 'M',
  },
  claim: {
    patientControlNumber: '26463774',
    totalChargeCents: 10000,
    placeOfService: '11',
    frequencyCode: '1',
    providerSignature: true,
    assignment: 'A',
    benefitsAssigned: 'Y',
    releaseOfInformation: 'I',
    dates: [],
    clearinghouseTraceNumber: '17312345600006351',
    diagnoses: ['J020', 'Z1159'],
    diagnosisCodeSet: 'ICD-10-CM',
    otherPayers: [],
    serviceLines: [
      line('99213', ['25'], 4000, [1, 2], '2006-10-03'),
      line('87070', ['QW', '59'], 2500, [1], '2006-10-03'),
      line('99214', ['25', 'GT', '95'], 3500, [2, 1], '2006-10-10'),
    ],
  },
});

function line(code: string, modifiers: string[], chargeCents: number, pointers: number[], date: string) {
  return {
    procedure: { qualifier: 'HC', code, modifiers },
    chargeCents,
    unitType: 'UN',
    units: '1',
    diagnosisPointers: pointers,
    serviceDate: { from: date },
  };
}

export const generateOptions = (
  numbers = new MemoryControlNumbers({ interchange: 905, group: 1, transaction: 21 }),
): Generate837Options => ({
  submitter: { name: 'PREMIER BILLING SERVICE', id: 'TGJ23', contactName: 'JERRY', phone: '3055552222' },
  receiver: { name: 'KEY INSURANCE COMPANY', id: '66783JJT' },
  senderId: 'TGJ23',
  receiverId: '66783JJT',
  usage: 'T',
  date: '20061015',
  time: '1023',
  header: { referenceId: '244579' },
  numbers,
});
