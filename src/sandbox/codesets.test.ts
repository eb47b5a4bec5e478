import { beforeAll, describe, expect, it } from 'vitest';
import { diagnosisCheck } from './codesets.ts';
import { frontEndRejection } from './respond.ts';
import { readScenario } from './scenario.ts';
import { testClaim } from './testing.ts';

// The front-end diagnosis edit from the real ICD-10-CM files (../shared/codesets).
let check: Awaited<ReturnType<typeof diagnosisCheck>>;
beforeAll(async () => {
  check = await diagnosisCheck();
}, 120_000);

describe('diagnosis edit from the code sets', () => {
  const { scenario } = readScenario({});
  const claim = (dx: string) =>
    testClaim({
      pcn: 'X',
      memberId: 'M1',
      diagnoses: [dx],
      lines: [{ code: '99213', chargeCents: 100, date: '2026-03-15' }],
    });
  it('rejects a header or unknown code (A7:255) and accepts a billable one', () => {
    expect(frontEndRejection(claim('E11'), { scenario, diagnosisProblem: check })).toEqual({
      category: 'A7',
      code: '255',
    });
    expect(frontEndRejection(claim('XYZ1'), { scenario, diagnosisProblem: check })).toEqual({
      category: 'A7',
      code: '255',
    });
    expect(frontEndRejection(claim('E11.9'), { scenario, diagnosisProblem: check })).toBeUndefined();
  });
});
