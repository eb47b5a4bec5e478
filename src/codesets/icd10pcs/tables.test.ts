import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { expandPcsTable, importPcsTables } from './tables.ts';
import { importOrderFile } from '../icd10cm/orderFile.ts';
import { collect, expectFileError, tempFile } from '../testing.ts';

const shared = path.resolve(process.cwd(), '../shared/codesets');

describe('ICD-10-PCS tables', () => {
  it('the FY2026 tables expand to exactly the 79,115 codes of the order file', async () => {
    const tables = await collect(importPcsTables(`${shared}/icd10pcs/2026/icd10pcs_tables_2026.xml`));
    expect(tables).toHaveLength(914);
    const expanded = new Set<string>();
    for (const t of tables) for (const c of expandPcsTable(t)) expanded.add(c);
    const ordered = new Set<string>();
    for await (const r of importOrderFile(`${shared}/icd10pcs/2026/icd10pcs_order_2026.txt.gz`))
      if (r.billable) ordered.add(r.code);
    expect(expanded.size).toBe(79_115);
    expect(ordered.size).toBe(79_115);
    expect([...expanded].filter((c) => !ordered.has(c))).toEqual([]);
    const first = tables[0];
    expect(first?.prefix).toBe('001');
    expect(first?.header[2]).toMatchObject({ title: 'Operation', values: [{ code: '1', label: 'Bypass' }] });
    expect(first?.rows[0]?.statedCodes).toBe(99);
  });

  it('rejects truncated and malformed XML with line:column', async () => {
    const head =
      '<?xml version="1.0"?>\n<ICD10PCS.tabular>\n  <pcsTable>\n    <axis pos="1" values="1">\n      <title>Section</title>\n';
    const cut = await tempFile('pcs-cut.xml', head);
    const e = await expectFileError(importPcsTables(cut));
    expect(e.problem.code).toBe('FILE_TRUNCATED');
    expect(e.problem.line).toBeGreaterThanOrEqual(5);
    const gz = await tempFile('pcs-cut.xml.gz', head + '<!-- padding -->\n'.repeat(5000), {
      gzip: true,
      cutBytes: 30,
    });
    expect((await expectFileError(importPcsTables(gz))).problem.code).toBe('FILE_UNREADABLE');
    const bad = await tempFile('pcs-bad.xml', head + '<label code="0">Medical</lable>');
    const b = await expectFileError(importPcsTables(bad));
    expect(b.problem).toMatchObject({ code: 'XML_MALFORMED', line: 6 });
    expect(b.message).toMatch(/pcs-bad\.xml, line 6:\d+/);
  });
});
