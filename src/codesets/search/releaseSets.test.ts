import { describe, expect, it } from 'vitest';
import { cptYear, hcpcsQuarter, icd10FiscalYear } from '../release/release.ts';
import { releaseSetKey, releaseSets } from './releaseSets.ts';

const held = [
  icd10FiscalYear('ICD-10-CM', 2025),
  icd10FiscalYear('ICD-10-CM', 2026),
  icd10FiscalYear('ICD-10-PCS', 2025),
  icd10FiscalYear('ICD-10-PCS', 2026),
  hcpcsQuarter(2026, 'JAN'),
  { system: 'POS' as const, version: 'cms-bfd-2026-08-22', effectiveFrom: '2026-08-22' },
];

describe('release sets: the releases in force together on a date of service', () => {
  it('names the set of a date by the version of each dated code set', () => {
    expect(releaseSetKey(held, '2026-03-15')).toBe(
      'ICD-10-CM 2026 | ICD-10-PCS 2026 | HCPCS 2026-JAN | CPT -',
    );
    expect(releaseSetKey(held, '2025-12-31')).toBe('ICD-10-CM 2026 | ICD-10-PCS 2026 | HCPCS - | CPT -');
  });

  it('lists every set some date gets, from the release dates alone (undated lists do not split sets)', () => {
    expect(releaseSets(held)).toEqual([
      { key: 'ICD-10-CM 2025 | ICD-10-PCS 2025 | HCPCS - | CPT -', from: '2024-10-01' },
      { key: 'ICD-10-CM 2026 | ICD-10-PCS 2026 | HCPCS - | CPT -', from: '2025-10-01' },
      { key: 'ICD-10-CM 2026 | ICD-10-PCS 2026 | HCPCS 2026-JAN | CPT -', from: '2026-01-01' },
      { key: 'ICD-10-CM - | ICD-10-PCS - | HCPCS 2026-JAN | CPT -', from: '2026-10-01' },
    ]);
  });

  it('a CPT year splits the sets it overlaps', () => {
    const keys = releaseSets([...held, cptYear(2026)]).map((s) => `${s.from} ${s.key}`);
    expect(keys).toContain('2026-01-01 ICD-10-CM 2026 | ICD-10-PCS 2026 | HCPCS 2026-JAN | CPT 2026');
    expect(keys).toContain('2026-10-01 ICD-10-CM - | ICD-10-PCS - | HCPCS 2026-JAN | CPT 2026');
    expect(keys).toContain('2027-01-01 ICD-10-CM - | ICD-10-PCS - | HCPCS 2026-JAN | CPT -');
    expect(releaseSets([])).toEqual([]);
  });
});
