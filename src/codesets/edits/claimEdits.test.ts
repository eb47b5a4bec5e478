import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { codeCheckerFor } from '../checker.ts';
import { editClaimDiagnoses } from './claimEdits.ts';
import { rulesFor } from './demographicRules.ts';
import { importOrderFile } from '../icd10cm/orderFile.ts';
import type { OrderFileRecord } from '../icd10cm/orderFile.ts';
import { importTabular } from '../icd10cm/tabular.ts';
import { buildTabularNotes } from '../icd10cm/tabularNotes.ts';
import { icd10FiscalYear } from '../release/release.ts';
import { buildCmTable } from '../tables/cmTable.ts';
import type { CmTable } from '../tables/cmTable.ts';
import { collect } from '../testing.ts';

const shared = path.resolve(process.cwd(), '../shared/codesets');
let plain: CmTable;
let withTabular: CmTable;
const adult = { sex: 'F' as const, ageYears: 40 };
const dos = '2026-02-01';

beforeAll(async () => {
  const order: OrderFileRecord[] = await collect(
    importOrderFile(`${shared}/icd10cm/2026/icd10cm_order_2026.txt.gz`),
  );
  const notes = buildTabularNotes(
    await collect(
      importTabular(
        path.resolve(import.meta.dirname, '../fixtures/tabular/pass/diabetes-asthma-injury-poisoning.xml'),
      ),
    ),
  );
  plain = buildCmTable(icd10FiscalYear('ICD-10-CM', 2026), order);
  withTabular = buildCmTable(icd10FiscalYear('ICD-10-CM', 2026), order, notes);
}, 120_000);

const codesOf = (ps: { code: string }[]) => ps.map((p) => p.code);

describe('claim diagnosis edits', () => {
  it('says tabular notes are not imported rather than pretending there are none', () => {
    const ps = editClaimDiagnoses({ diagnoses: ['E10.9', 'E11.9'], dos, patient: adult }, [plain]);
    expect(ps).toEqual([expect.objectContaining({ code: 'TABULAR_NOT_IMPORTED', severity: 'info' })]);
    expect(ps[0]?.message).toMatch(/not imported for ICD-10-CM FY2026/);
  });

  it('flags an Excludes1 pair once, from the tabular notes', () => {
    const ps = editClaimDiagnoses({ diagnoses: ['E10.9', 'E11.9'], dos, patient: adult }, [withTabular]);
    expect(codesOf(ps)).toEqual(['EXCLUDES1']);
    expect(ps[0]).toMatchObject({ severity: 'error', medicalCode: 'E10.9', diagnosisPosition: 1 });
    expect(ps[0]?.message).toMatch(
      /E10\.9 and E11\.9 are an Excludes1 pair \(E10 excludes "type 2 diabetes mellitus \(E11\.-\)"\)/,
    );
    expect(
      editClaimDiagnoses({ diagnoses: ['E11.9', 'J45.909'], dos, patient: adult }, [withTabular]),
    ).toEqual([]);
  });

  it("reaches the scrubber as the problem's medical code and message, not its problem code", () => {
    const checker = codeCheckerFor({ icd10cm: [withTabular], icd10pcs: [], hcpcs: [] });
    expect(checker.diagnosisEdits(['E10.9', 'E11.9'], { sex: 'F', dateOfBirth: '1986-01-01' }, dos)).toEqual([
      {
        code: 'E10.9',
        message: expect.stringMatching(/^E10\.9 and E11\.9 are an Excludes1 pair/),
        severity: 'error',
      },
    ]);
  });

  it('flags a manifestation code listed first, with or without tabular notes', () => {
    const ps = editClaimDiagnoses({ diagnoses: ['G63', 'E85.4'], dos, patient: adult }, [plain]);
    expect(ps[0]).toMatchObject({
      code: 'MANIFESTATION_FIRST',
      severity: 'error',
      medicalCode: 'G63',
      diagnosisPosition: 1,
    });
    expect(
      codesOf(editClaimDiagnoses({ diagnoses: ['E85.4', 'G63'], dos, patient: adult }, [withTabular])),
    ).toEqual([]);
  });

  it('applies sex and age categories (MCE-derived data table)', () => {
    expect(
      codesOf(
        editClaimDiagnoses({ diagnoses: ['O80', 'Z3A.39'], dos, patient: { sex: 'M', ageYears: 30 } }, [
          withTabular,
        ]),
      ),
    ).toEqual(['SEX_CONFLICT', 'SEX_CONFLICT']);
    expect(
      codesOf(
        editClaimDiagnoses({ diagnoses: ['N40.0'], dos, patient: { sex: 'F', ageYears: 70 } }, [withTabular]),
      ),
    ).toEqual(['SEX_CONFLICT']);
    expect(
      codesOf(
        editClaimDiagnoses({ diagnoses: ['P07.30'], dos, patient: { sex: 'F', ageYears: 2 } }, [withTabular]),
      ),
    ).toEqual(['AGE_CONFLICT']);
    expect(
      codesOf(
        editClaimDiagnoses({ diagnoses: ['O80'], dos, patient: { sex: 'F', ageYears: 70 } }, [withTabular]),
      ),
    ).toEqual(['AGE_CONFLICT']);
    expect(
      editClaimDiagnoses({ diagnoses: ['O80'], dos, patient: { sex: 'U', ageYears: 30 } }, [withTabular]),
    ).toEqual([]);
    expect(rulesFor('O9A111').map((r) => r.id)).toEqual(['female-pregnancy', 'maternity-age']);
    expect(rulesFor('N9989')).toEqual([]);
  });
});
