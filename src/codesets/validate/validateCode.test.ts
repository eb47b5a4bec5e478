import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import path from 'node:path';
import { validateCode } from './validateCode.ts';
import { detectReleases } from '../release/detect.ts';
import { loadCodeTables } from '../load/loadTables.ts';
import type { CodeTables } from '../tables/codeTables.ts';
import { importTabular } from '../icd10cm/tabular.ts';
import { buildTabularNotes } from '../icd10cm/tabularNotes.ts';
import { collect } from '../testing.ts';

let tables: CodeTables;
const FY26 = '2026-03-15';

beforeAll(async () => {
  tables = await loadCodeTables(await detectReleases());
}, 120_000);

describe('validateCode on the real FY2025/FY2026/FY2027 and HCPCS 2026 tables', () => {
  it('ICD-10-CM: headers are not billable, codes are', () => {
    const header = validateCode('ICD-10-CM', 'J45', FY26, tables);
    expect(header).toMatchObject({ valid: false, billable: false, release: '2026' });
    expect(header.problems[0]?.code).toBe('CODE_HEADER');
    expect(header.completions?.map((c) => c.code)).toContain('J45.909');
    expect(validateCode('ICD-10-CM', 'J45.909', FY26, tables)).toMatchObject({
      valid: true,
      billable: true,
      description: 'Unspecified asthma, uncomplicated',
    });
    expect(validateCode('ICD-10-CM', 'j45909', FY26, tables).valid).toBe(true);
  });

  it('ICD-10-CM: a code needing a 7th character lists its completions from the order file', () => {
    const s = validateCode('ICD-10-CM', 'S52.521', FY26, tables);
    expect(s.problems[0]?.code).toBe('CODE_NEEDS_7TH');
    expect(s.completions?.map((c) => c.code)).toEqual([
      'S52.521A',
      'S52.521D',
      'S52.521G',
      'S52.521K',
      'S52.521P',
      'S52.521S',
    ]);
    const t = validateCode('ICD-10-CM', 'T36.0X1', FY26, tables);
    expect(t.completions?.map((c) => c.code)).toEqual(['T36.0X1A', 'T36.0X1D', 'T36.0X1S']);
    expect(t.problems[0]?.message).toMatch(/needs a 7th character: A, D, S/);
    const x = validateCode('ICD-10-CM', 'T36.01A', FY26, tables);
    expect(x.problems[0]?.message).toMatch(/placeholder X: did you mean T36\.0X1A/);
  });

  it('ICD-10-CM: uses tabular 7th-character meanings when the tabular is imported', async () => {
    const notes = buildTabularNotes(
      await collect(
        importTabular(
          path.resolve(import.meta.dirname, '../fixtures/tabular/pass/diabetes-asthma-injury-poisoning.xml'),
        ),
      ),
    );
    const withTab = { ...tables, icd10cm: tables.icd10cm.map((t) => ({ ...t, tabular: notes })) };
    expect(validateCode('ICD-10-CM', 'T36.0X1', FY26, withTab).problems[0]?.message).toMatch(
      /A initial encounter; D subsequent encounter; S sequela/,
    );
  });

  it('ICD-10-CM: release by date of service; dates before FY2025 have no release loaded', () => {
    // B88.01 was added for FY2026 (order addenda); it is unknown in FY2025.
    expect(validateCode('ICD-10-CM', 'B88.01', '2025-10-01', tables).valid).toBe(true);
    expect(validateCode('ICD-10-CM', 'B88.01', '2025-09-30', tables).problems[0]?.code).toBe('CODE_UNKNOWN');
    // FY2027 (from 2026-10-01) is in the shared folder; nothing before FY2025 is.
    expect(validateCode('ICD-10-CM', 'J45.909', '2026-10-01', tables)).toMatchObject({
      valid: true,
      release: '2027',
    });
    expect(validateCode('ICD-10-CM', 'J45.909', '2024-09-30', tables).problems[0]?.code).toBe('NO_RELEASE');
    expect(validateCode('ICD-10-CM', '123', FY26, tables).problems[0]?.code).toBe('CODE_FORMAT');
  });

  it('ICD-10-PCS: valid only when one table row allows the axis combination', () => {
    expect(validateCode('ICD-10-PCS', '0016070', FY26, tables)).toMatchObject({ valid: true });
    // body part 6, approach 0, device Z exists only with qualifier B (row 2 of table 001)
    const bad = validateCode('ICD-10-PCS', '00160Z0', FY26, tables);
    expect(bad.valid).toBe(false);
    expect(bad.problems[0]).toMatchObject({ code: 'PCS_AXIS_INVALID' });
    expect(bad.problems[0]?.message).toMatch(
      /no row with body part 6 allows approach 0, device Z and qualifier 0/,
    );
    expect(validateCode('ICD-10-PCS', '00160ZB', FY26, tables).valid).toBe(true);
    expect(validateCode('ICD-10-PCS', '00H033J', FY26, tables).valid).toBe(true);
    expect(validateCode('ICD-10-PCS', '00H033J', '2025-03-01', tables).valid).toBe(false);
  });

  it('code lists: POS, CARC, group codes, type of bill and NUCC taxonomy by membership', () => {
    expect(validateCode('POS', '11', FY26, tables)).toMatchObject({
      valid: true,
      description: expect.stringMatching(/^OFFICE/),
    });
    expect(validateCode('POS', '28', FY26, tables).problems[0]?.code).toBe('CODE_UNKNOWN'); // UNASSIGNED
    expect(validateCode('CARC', '45', FY26, tables).valid).toBe(true);
    expect(validateCode('CLAIM-ADJUSTMENT-GROUP', 'PR', FY26, tables).valid).toBe(true);
    expect(validateCode('TYPE-OF-BILL', '111', FY26, tables).valid).toBe(true);
    expect(validateCode('NUCC-TAXONOMY', '207Q00000X', FY26, tables)).toMatchObject({
      valid: true,
      description: 'Family Medicine Physician',
    });
    expect(
      validateCode('NUCC-TAXONOMY', '207Q00000X', FY26, { ...tables, lists: [] }).problems[0]?.code,
    ).toBe('NO_RELEASE');
  });

  it('property: a PCS code is valid by the tables exactly when the FY2026 order file lists it', () => {
    const pcs = tables.icd10pcs.find((t) => t.release.version === '2026')!;
    const valid = pcs.sorted.filter((c) => pcs.codes.get(c)?.billable);
    const alphabet = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
    fc.assert(
      fc.property(
        fc.nat(valid.length - 1),
        fc.integer({ min: 3, max: 6 }),
        fc.nat(alphabet.length - 1),
        (i, pos, ch) => {
          const code = valid[i]!.slice(0, pos) + alphabet[ch] + valid[i]!.slice(pos + 1);
          expect(validateCode('ICD-10-PCS', code, FY26, tables).valid).toBe(
            pcs.codes.get(code)?.billable === true,
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('HCPCS: active on the date of service; modifiers; CPT by format only', () => {
    expect(validateCode('HCPCS', 'A0080', FY26, tables)).toMatchObject({ valid: true, release: '2026-JAN' });
    const ended = validateCode('HCPCS', 'A4397', FY26, tables);
    expect(ended.problems[0]).toMatchObject({ code: 'CODE_NOT_ACTIVE', carc: '181' });
    expect(validateCode('HCPCS', 'G9871', '2025-12-31', tables).problems.map((p) => p.code)).toContain(
      'CODE_NOT_ACTIVE',
    );
    expect(validateCode('HCPCS', 'HA', FY26, tables).valid).toBe(true);
    const cpt = validateCode('CPT', '99213', FY26, tables);
    expect(cpt).toMatchObject({ valid: true, problems: [{ code: 'CPT_FORMAT_ONLY', severity: 'info' }] });
    expect(cpt.description).toBeUndefined();
    expect(validateCode('CPT', '0001T', FY26, tables).valid).toBe(true);
    expect(validateCode('CPT', '9921', FY26, tables).valid).toBe(false);
  });
});
