import { describe, expect, it } from 'vitest';
import { MemoryControlNumbers, parse270, validateX12, write270 } from '../x12/index.ts';
import { eligibilityRequest, scheduleRequests, type EligibilityCheck } from './request.ts';

const check = (over: Partial<EligibilityCheck> = {}): EligibilityCheck => ({
  coverage: {
    memberId: 'W123456789',
    relationship: '18',
    subscriberFirstName: 'Jane',
    subscriberLastName: 'Doe',
    subscriberDateOfBirth: '1980-01-02',
    subscriberSex: 'F',
  },
  patient: { firstName: 'Jane', lastName: 'Doe', dateOfBirth: '1980-01-02', sex: 'F' },
  payer: { name: 'Demo BCBS', payerId: 'DEMO-BCBS' },
  provider: { name: 'Springfield Family Medicine', npi: '1234567893' },
  dateOfService: '2026-12-04',
  referenceId: 'E1',
  today: '2026-12-03',
  time: '1200',
  originatorId: '1234567890',
  ...over,
});

describe('eligibilityRequest', () => {
  it('asks as the subscriber when the patient is the subscriber, with service type 30 by default', () => {
    const r = eligibilityRequest(check());
    expect(r.dependent).toBeUndefined();
    expect(r.subscriber).toMatchObject({
      lastOrOrganizationName: 'DOE',
      id: 'W123456789',
      birthDate: '1980-01-02',
      gender: 'F',
    });
    expect(r.serviceTypes).toEqual(['30']);
  });

  it('asks for a child as a dependent under the subscriber', () => {
    const r = eligibilityRequest(
      check({
        coverage: { ...check().coverage, relationship: '19' },
        patient: { firstName: 'Jim', lastName: 'Doe', dateOfBirth: '2015-05-05', sex: 'M' },
        serviceTypes: ['98', '86'],
      }),
    );
    expect(r.dependent).toEqual({
      entityType: '1',
      lastOrOrganizationName: 'DOE',
      firstName: 'JIM',
      birthDate: '2015-05-05',
      gender: 'M',
      relationship: '19',
    });
    expect(r.serviceTypes).toEqual(['98', '86']);
  });

  it('turns a day’s schedule into one valid 270 with one inquiry per patient', async () => {
    const day = scheduleRequests([
      check(),
      check({ referenceId: 'E2' }),
      check({ referenceId: 'E3', coverage: { ...check().coverage, memberId: 'W999' } }),
    ]);
    expect(day.map((r) => r.referenceId)).toEqual(['E1', 'E3']);
    const text = await write270(day, {
      senderId: 'PRACTICE01',
      receiverId: 'PAYER01',
      date: '20261203',
      time: '1200',
      numbers: new MemoryControlNumbers(),
    });
    expect(validateX12(text).valid).toBe(true);
    expect(parse270(text).requests).toEqual(day);
  });
});
