import { describe, expect, it } from 'vitest';
import { cptYear, hcpcsQuarter, icd10FiscalYear } from './release.ts';
import { releasesNotInForce } from './notInForce.ts';

const LOADED = [
  icd10FiscalYear('ICD-10-CM', 2025),
  icd10FiscalYear('ICD-10-CM', 2026),
  icd10FiscalYear('ICD-10-PCS', 2026),
  hcpcsQuarter(2026, 'JAN'),
];

describe('code sets not in force on a date of service', () => {
  it('names the ICD-10 sets with no release for the date and their latest loaded release', () => {
    const gaps = releasesNotInForce(LOADED, '2026-12-03');
    expect(gaps.map((g) => g.system)).toEqual(['ICD-10-CM', 'ICD-10-PCS']);
    expect(gaps[0]).toMatchObject({
      latest: {
        version: '2026',
        effectiveFrom: '2025-10-01',
        effectiveThrough: '2026-09-30',
        searchDate: '2026-09-30',
      },
    });
    expect(gaps[0]!.message).toBe(
      'ICD-10-CM is not loaded for 2026-12-03: no ICD-10-CM release is in force on that date. The latest loaded is ICD-10-CM 2026 (2025-10-01 to 2026-09-30).',
    );
  });

  it('is empty when every loaded set has a release in force', () => {
    expect(releasesNotInForce(LOADED, '2026-03-02')).toEqual([]);
  });

  it('leaves out sets that are not loaded at all, and sets not asked for', () => {
    expect(releasesNotInForce([cptYear(2026), ...LOADED], '2026-12-03', ['HCPCS', 'CPT'])).toEqual([]);
    expect(releasesNotInForce(LOADED, '2026-12-03', ['ICD-10-PCS']).map((g) => g.system)).toEqual([
      'ICD-10-PCS',
    ]);
  });

  it('offers a HCPCS quarter from its first day when the date is before every loaded quarter', () => {
    const [gap] = releasesNotInForce(LOADED, '2025-12-31', ['HCPCS']);
    expect(gap!.latest).toMatchObject({
      version: '2026-JAN',
      effectiveThrough: null,
      searchDate: '2026-01-01',
    });
  });
});
