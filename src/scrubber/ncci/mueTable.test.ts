import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { loadMueQuarter } from './load.ts';
import { addMueQuarter, mueFor } from './mueTable.ts';
import { FIXTURES } from './testing.ts';

const file = path.join(FIXTURES, 'pass/mue-practitioner.txt');

describe('MUE lookup table', () => {
  it('applies a quarter from its first day, and the newest quarter that has started', async () => {
    const { table, complete } = await loadMueQuarter(file, { setting: 'practitioner', quarter: '2026Q3' });
    expect(complete).toBe(true);
    const both = addMueQuarter(table, '2026Q4', [
      { code: '20610', mueValue: 4, adjudicationIndicator: 2, rationale: 'Anatomic Consideration' },
    ]);
    expect(mueFor(both, '20610', '2026-06-30')).toBeUndefined();
    expect(mueFor(both, '20610', '2026-07-01')).toMatchObject({ mueValue: 2, effectiveDate: '2026-07-01' });
    expect(mueFor(both, '20610', '2026-09-30')).toMatchObject({ mueValue: 2 });
    expect(mueFor(both, '20610', '2026-10-01')).toMatchObject({ mueValue: 4, effectiveDate: '2026-10-01' });
    // not in the 2026Q4 file: no MUE from October on
    expect(mueFor(both, '88305', '2026-09-30')).toMatchObject({ mueValue: 16, adjudicationIndicator: 1 });
    expect(mueFor(both, '88305', '2026-11-02')).toBeUndefined();
  });

  it('replaces a quarter loaded twice and rejects a quarter that is not YYYYQn', async () => {
    const { table } = await loadMueQuarter(file, { setting: 'practitioner', quarter: '2026Q4' });
    expect(addMueQuarter(table, '2026Q4', []).quarters).toHaveLength(1);
    expect(() => addMueQuarter(table, '2026-10', [])).toThrow(/2026Q4/);
  });
});
