import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { importPcsDefinitions } from './definitions.ts';
import { importPcsIndex } from './pcsIndex.ts';
import { collect, expectFileError, tempFile } from '../testing.ts';

const shared = path.resolve(process.cwd(), '../shared/codesets/icd10pcs');

describe('ICD-10-PCS definitions and index', () => {
  it('reads the FY2026 definitions: 954 terms over 16 sections', async () => {
    const all = await collect(importPcsDefinitions(`${shared}/2026/icd10pcs_definitions_2026.xml`));
    expect(all).toHaveLength(954);
    expect(new Set(all.map((d) => d.section)).size).toBe(16);
    expect(all[1]).toMatchObject({
      section: '0',
      sectionTitle: 'Medical and Surgical',
      axis: 3,
      axisTitle: 'Operation',
      term: 'Bypass',
      includes: ['Coronary artery bypass, colostomy formation'],
    });
  });

  it('reads the FY2025 index: 3,215 main terms and 21,269 terms', async () => {
    const all = await collect(importPcsIndex(`${shared}/2025/icd10pcs_index_2025.xml`));
    expect(all.filter((t) => t.level === 0)).toHaveLength(3_215);
    expect(all.filter((t) => t.level > 0)).toHaveLength(21_269);
    expect(all.find((t) => t.title === 'Abdominohysterectomy')).toMatchObject({
      see: 'Resection, Uterus',
      codePrefix: '0UT9',
    });
    expect(all.find((t) => t.title === 'Laminaria')).toMatchObject({
      code: '10A07ZW',
      path: ['Abortion', 'Laminaria'],
    });
    expect(all.find((t) => t.path[0] === 'Acetabulectomy' && t.seeTable === '0QB')?.see).toBe(
      'Excision, Lower Bones',
    );
  });

  it('rejects truncated definitions and a bad code in the index', async () => {
    const cut = await tempFile(
      'pcs-def-cut.xml',
      '<ICD10PCS.definitions>\n<section code="0">\n<title>Medical',
    );
    expect((await expectFileError(importPcsDefinitions(cut))).problem.code).toBe('FILE_TRUNCATED');
    const badAxis = await tempFile(
      'pcs-def-axis.xml',
      '<ICD10PCS.definitions>\n<section code="0">\n<axis pos="9"><title>x</title></axis></section></ICD10PCS.definitions>',
    );
    expect((await expectFileError(importPcsDefinitions(badAxis))).problem).toMatchObject({
      code: 'XML_UNEXPECTED',
      line: 3,
    });
    const cutIndex = await tempFile(
      'pcs-index-cut.xml',
      '<ICD10PCS.index>\n<letter><title>A</title>\n<mainTerm><title>Abortion</title><term level="1"><title>Vacuum</ti',
    );
    expect((await expectFileError(importPcsIndex(cutIndex))).problem.code).toBe('FILE_TRUNCATED');
    const bad = await tempFile(
      'pcs-index-bad.xml',
      '<ICD10PCS.index>\n<letter><title>A</title>\n<mainTerm><title>x</title><code>10A07Z</code></mainTerm></letter></ICD10PCS.index>',
    );
    expect((await expectFileError(importPcsIndex(bad))).problem).toMatchObject({
      code: 'XML_UNEXPECTED',
      line: 3,
    });
  });
});
