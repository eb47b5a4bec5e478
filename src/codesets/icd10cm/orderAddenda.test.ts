import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { importOrderAddenda } from './orderAddenda.ts';
import { collect, expectFileError, tempFile } from '../testing.ts';

const shared = path.resolve(process.cwd(), '../shared/codesets');
const cmFile = `${shared}/icd10cm/2026/icd10cm_order_addenda_2026.txt`;

describe('order addenda', () => {
  it('reads the FY2026 ICD-10-CM order addenda and checks its trailer', async () => {
    const all = await collect(importOrderAddenda(cmFile));
    expect(all.filter((r) => r.action === 'add')).toHaveLength(630);
    expect(all.filter((r) => r.action === 'delete')).toHaveLength(28);
    expect(all.find((r) => r.code === 'B8801')).toMatchObject({
      action: 'add',
      billable: true,
      shortDescription: 'Infestation by Demodex mites',
    });
  });

  it('reads the FY2026 ICD-10-PCS order addenda (no flag column)', async () => {
    const all = await collect(importOrderAddenda(`${shared}/icd10pcs/2026/order_addenda_2026.txt`));
    expect(all.filter((r) => r.action === 'add')).toHaveLength(160);
    const rec = all.find((r) => r.code === '00H033J');
    expect(rec).toMatchObject({
      action: 'add',
      shortDescription: 'Insertion of Infusion Device into Brain, Temp, Perc Approach',
    });
    expect(rec?.billable).toBeUndefined();
  });

  it('rejects a file cut at a line boundary (trailer missing) and a bad action', async () => {
    const text = await readFile(cmFile, 'utf8');
    const lines = text.split('\r\n');
    const cut = await tempFile('addenda-cut.txt', lines.slice(0, 100).join('\r\n') + '\r\n');
    expect((await expectFileError(importOrderAddenda(cut))).problem.code).toBe('FILE_TRUNCATED');
    const bad = await tempFile('addenda-bad.txt', 'Remove:      1 B8801   x\r\n');
    expect((await expectFileError(importOrderAddenda(bad))).problem).toMatchObject({
      code: 'RECORD_MALFORMED',
      line: 1,
    });
  });

  it('rejects a trailer that does not match the lines', async () => {
    const text = await readFile(cmFile, 'utf8');
    const dropped = text.replace(/^Add: .*B8809.*\r\n/m, '');
    const f = await tempFile('addenda-mismatch.txt', dropped);
    expect((await expectFileError(importOrderAddenda(f))).problem).toMatchObject({
      code: 'TRAILER_MISMATCH',
    });
  });
});
