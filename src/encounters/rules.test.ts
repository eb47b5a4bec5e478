import { describe, expect, it } from 'vitest';
import { encounterErrors } from './rules.ts';

const line = { procedureCode: '99213', units: 1, diagnosisPointers: [1] };

describe('encounter rules', () => {
  it('accepts a consistent encounter', () => {
    expect(
      encounterErrors(
        { serviceDateFrom: '2026-11-01', diagnoses: ['J45.909'], serviceLines: [line] },
        '2026-11-25',
      ),
    ).toEqual([]);
  });
  it('names the service line whose pointer has no diagnosis', () => {
    const errors = encounterErrors(
      {
        serviceDateFrom: '2026-11-01',
        diagnoses: ['J45.909'],
        serviceLines: [line, { ...line, diagnosisPointers: [1, 3] }],
      },
      '2026-11-25',
    );
    expect(errors).toEqual([
      {
        pointer: '/serviceLines/1/diagnosisPointers',
        detail: 'points at diagnosis 3, but the encounter has 1',
      },
    ]);
  });
  it('refuses dates in the future, out of order, or a line outside the encounter', () => {
    const errors = encounterErrors(
      {
        serviceDateFrom: '2026-11-20',
        serviceDateTo: '2026-11-19',
        diagnoses: ['J45.909'],
        serviceLines: [{ ...line, serviceDate: '2026-11-30' }],
      },
      '2026-11-25',
    );
    expect(errors.map((e) => e.pointer)).toEqual(['/serviceDateTo', '/serviceLines/0/serviceDate']);
    expect(
      encounterErrors(
        { serviceDateFrom: '2026-12-01', diagnoses: ['J45.909'], serviceLines: [line] },
        '2026-11-25',
      ).map((e) => e.pointer),
    ).toContain('/serviceDateFrom');
  });
});
