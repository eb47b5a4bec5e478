import { describe, expect, it } from 'vitest';
import { detectReleases, fileOf } from './detect.ts';
import { classifyFile } from './classify.ts';
import { fiscalYearOf, selectRelease } from './release.ts';

describe('release detector', () => {
  it('finds each release in the shared folder with its effective dates and files', async () => {
    const all = await detectReleases();
    const key = (s: string, v: string) => all.find((r) => r.release.system === s && r.release.version === v);
    expect(key('ICD-10-CM', '2026')?.release).toEqual({
      system: 'ICD-10-CM',
      version: '2026',
      effectiveFrom: '2025-10-01',
      effectiveThrough: '2026-09-30',
    });
    const cm26 = key('ICD-10-CM', '2026')!;
    expect(fileOf(cm26, 'order')).toMatch(/icd10cm_order_2026\.txt\.gz$/);
    expect(fileOf(cm26, 'tabular')).toBeUndefined();
    expect(cm26.files.map((f) => f.role).sort()).toEqual(
      [
        'codes',
        'codes-addenda',
        'drug-table',
        'external-cause-index',
        'neoplasm-table',
        'order',
        'order-addenda',
        'poa-exempt',
        'poa-exempt-add',
        'poa-exempt-delete',
        'poa-exempt-revise',
      ].sort(),
    );
    expect(key('ICD-10-CM', '2025')?.files).toHaveLength(1);
    // FY2027 ICD-10-CM (in force from 2026-10-01): order and codes files with both addenda.
    const cm27 = key('ICD-10-CM', '2027')!;
    expect(cm27.release).toMatchObject({ effectiveFrom: '2026-10-01', effectiveThrough: '2027-09-30' });
    expect(cm27.files.map((f) => f.role).sort()).toEqual([
      'codes',
      'codes-addenda',
      'order',
      'order-addenda',
    ]);
    expect(key('ICD-10-PCS', '2027')).toBeUndefined();
    expect(fileOf(key('ICD-10-PCS', '2025')!, 'index')).toMatch(/icd10pcs_index_2025\.xml$/);
    expect(fileOf(key('ICD-10-PCS', '2026')!, 'order-addenda')).toMatch(/order_addenda_2026\.txt$/);
    expect(key('HCPCS', '2026-JAN')?.release.effectiveFrom).toBe('2026-01-01');
    expect(key('NUCC-TAXONOMY', '25.1')?.release.effectiveFrom).toBe('2025-07-01');
    expect(all.filter((r) => r.release.system === 'CARC')).toHaveLength(1);
    expect(
      all.filter((r) => ['POS', 'TYPE-OF-BILL', 'CLAIM-ADJUSTMENT-GROUP'].includes(r.release.system)),
    ).toHaveLength(3);
  });

  it('ignores unknown files and needs the folder for PCS addenda', () => {
    expect(classifyFile('hcpcs/2026/HCPC2026_JAN_ANWEB_01122026.xlsx')).toBeUndefined();
    expect(classifyFile('misc/order_addenda_2026.txt')).toBeUndefined();
    expect(classifyFile('hcpcs/HCPC2026_APR_ANWEB_04012026.txt')?.release.effectiveFrom).toBe('2026-04-01');
  });

  it('selects the release by date of service (FY runs Oct 1 - Sep 30)', () => {
    const rs = [
      {
        release: {
          system: 'ICD-10-CM' as const,
          version: '2025',
          effectiveFrom: '2024-10-01',
          effectiveThrough: '2025-09-30',
        },
      },
      {
        release: {
          system: 'ICD-10-CM' as const,
          version: '2026',
          effectiveFrom: '2025-10-01',
          effectiveThrough: '2026-09-30',
        },
      },
    ];
    expect(selectRelease(rs, '2025-09-30')?.release.version).toBe('2025');
    expect(selectRelease(rs, '2025-10-01')?.release.version).toBe('2026');
    expect(selectRelease(rs, '2026-10-01')).toBeUndefined();
    expect(fiscalYearOf('2025-10-01')).toBe(2026);
    expect(fiscalYearOf('2026-09-30')).toBe(2026);
  });
});
