import { describe, expect, it } from 'vitest';
import { summarize271, type EligibilityResponse } from '../x12/index.ts';
import { eligibilityFinding, estimateVisit } from './benefits.ts';

const party = { entityType: '2' as const, lastOrOrganizationName: 'P', idQualifier: 'PI', id: 'P' };
const answer = (
  benefits: EligibilityResponse['subscriber']['benefits'],
  dates: EligibilityResponse['subscriber']['dates'] = [],
) =>
  summarize271({
    referenceId: 'R',
    date: '2026-12-03',
    time: '1200',
    payer: party,
    provider: party,
    rejections: [],
    subscriber: {
      entityType: '1',
      lastOrOrganizationName: 'DOE',
      id: 'M1',
      traces: [],
      rejections: [],
      dates,
      benefits,
    },
  });
const net = { coverageLevel: 'IND', inNetwork: 'Y', serviceTypes: ['30'] };
const active = answer([
  { code: '1', serviceTypes: ['30'] },
  { code: 'C', ...net, timePeriod: '29', amountCents: 5000 },
  { code: 'G', ...net, timePeriod: '29', amountCents: 100000 },
  { code: 'A', ...net, percent: '0.2' },
  { code: 'B', ...net, serviceTypes: ['98'], amountCents: 2500 },
]);

describe('eligibilityFinding', () => {
  it('is an error when the last answer said inactive or coverage ended before the date of service', () => {
    const inactive = answer([{ code: '6', serviceTypes: ['30'] }]);
    expect(
      eligibilityFinding({ checkedOn: '2026-12-01', summary: inactive }, '2026-12-04', '2026-12-03', 30),
    ).toMatchObject({ code: 'ELIGIBILITY_INACTIVE', severity: 'error' });
    const ended = answer(
      [{ code: '1', serviceTypes: ['30'] }],
      [{ qualifier: '357', period: { from: '2026-11-30' } }],
    );
    expect(
      eligibilityFinding({ checkedOn: '2026-12-01', summary: ended }, '2026-12-04', '2026-12-03', 30)
        ?.message,
    ).toBe('The payer says coverage ended 2026-11-30, before the date of service 2026-12-04.');
  });

  it('warns when no check is recent enough, and says nothing when the coverage is active', () => {
    expect(eligibilityFinding(undefined, '2026-12-04', '2026-12-03', 30)).toMatchObject({
      code: 'ELIGIBILITY_NOT_CHECKED',
      severity: 'warning',
    });
    expect(
      eligibilityFinding({ checkedOn: '2026-10-01', summary: active }, '2026-12-04', '2026-12-03', 30)?.code,
    ).toBe('ELIGIBILITY_NOT_CHECKED');
    expect(
      eligibilityFinding({ checkedOn: '2026-12-01', summary: active }, '2026-12-04', '2026-12-03', 30),
    ).toBeUndefined();
  });
});

describe('estimateVisit', () => {
  it('adds the copay, the deductible left and coinsurance on the rest, in cents', () => {
    // 100.00 allowed: 25.00 copay, 50.00 deductible, 20% of 25.00 = 5.00.
    expect(estimateVisit(active, 10000, '98')).toEqual({
      copayCents: 2500,
      deductibleCents: 5000,
      coinsuranceCents: 500,
      totalCents: 8000,
    });
  });

  it('stops at the out-of-pocket left', () => {
    const capped = answer([
      { code: '1', serviceTypes: ['30'] },
      { code: 'C', ...net, timePeriod: '29', amountCents: 50000 },
      { code: 'G', ...net, timePeriod: '29', amountCents: 3000 },
    ]);
    expect(estimateVisit(capped, 10000).totalCents).toBe(3000);
  });
});
