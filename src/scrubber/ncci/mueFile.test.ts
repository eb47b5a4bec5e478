import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { Readable } from 'node:stream';
import { importMues, parseAdjudicationIndicator, parseMueRow } from './mueFile.ts';
import { FIXTURES, drain } from './testing.ts';

describe('MUE file importer', () => {
  it('reads the practitioner file', async () => {
    const { rows, problems } = await drain(
      importMues(path.join(FIXTURES, 'pass/mue-practitioner.txt'), { setting: 'practitioner' }),
    );
    expect(problems).toEqual([]);
    expect(rows.find((r) => r.code === 'J1100')).toEqual({
      code: 'J1100',
      mueValue: 120,
      adjudicationIndicator: 3,
      rationale: 'Nature of Service/Procedure',
    });
    expect(rows.map((r) => r.adjudicationIndicator)).toEqual([2, 2, 3, 1, 3, 3]);
  });

  it('reads the adjudication indicator text CMS prints', () => {
    expect(parseAdjudicationIndicator('1 Line Edit')).toBe(1);
    expect(parseAdjudicationIndicator('2 Date of Service Edit: Policy')).toBe(2);
    expect(parseAdjudicationIndicator('3  Date of Service Edit:  Clinical')).toBe(3);
    expect(parseAdjudicationIndicator('3')).toBe(3);
    expect(parseAdjudicationIndicator('2 Date of Service Edit: Clinical')).toBeUndefined();
    expect(parseAdjudicationIndicator('Line Edit')).toBeUndefined();
  });

  it('accepts a row without its rationale but not one without the indicator', () => {
    expect(parseMueRow(['88305', '16', '1 Line Edit'])).toMatchObject({ rationale: '' });
    expect(parseMueRow(['88305', '16'])).toMatchObject({ fault: true, column: 3 });
  });

  it('finds the header after any number of notice lines, up to 50', async () => {
    const notice = 'Copyright notice line\r\n'.repeat(49);
    const head =
      'HCPCS/CPT Code\tOutpatient Hospital Services MUE Values\tMUE Adjudication Indicator\tMUE Rationale\r\n';
    const ok = await drain(
      importMues(
        Readable.from([notice + head + '96372\t4\t3 Date of Service Edit: Clinical\tClinical: Data\r\n']),
        { setting: 'outpatient' },
      ),
    );
    expect(ok.problems).toEqual([]);
    const late = await drain(
      importMues(Readable.from([notice + 'more\r\nmore\r\n' + head]), { setting: 'outpatient' }),
    );
    expect(late.problems[0]).toMatchObject({ code: 'NCCI-HEADER', line: 51 });
  });
});
