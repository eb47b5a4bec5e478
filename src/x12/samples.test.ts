// Every file under ../shared/x12-samples: "as published" files read without a fatal problem and yield
// their transaction sets; files SOURCES.md marks INVALID fail exactly where it says.
import { describe, expect, it } from 'vitest';
import { validateX12 } from './engine/validate.ts';
import { parseTA1 } from './transactions/ta1.ts';
import { sample, sampleFiles } from './testing/fixtures.ts';
import type { X12Problem } from './problems.ts';

type Expect = Partial<
  Pick<X12Problem, 'code' | 'segmentId' | 'segmentNumber' | 'loop' | 'element' | 'value'>
>;

/** INVALID entries of SOURCES.md and where each must fail. */
const INVALID: Record<string, Expect[]> = {
  // "fatal: Error getting separators (bad ISA)": ISA02 is 9 characters, not 10.
  '837P/imsweb__x12_bad_first_line.txt': [
    { code: 'X12_TOO_SHORT', segmentId: 'ISA', segmentNumber: 1, element: 'ISA02' },
  ],
  // "6 errors (bad segment ids)": *IC, Nd4, NM31.
  '837P/imsweb__x12_bad_segment_identifier.txt': [
    { code: 'X12_UNKNOWN_SEGMENT', segmentNumber: 6 },
    { code: 'X12_UNKNOWN_SEGMENT', segmentId: 'Nd4', segmentNumber: 11 },
    { code: 'X12_UNKNOWN_SEGMENT', segmentId: 'NM31', segmentNumber: 20 },
  ],
  // "unmatched segment in 2000A": NM1*117 is not a 2010AA entity code.
  '837P/imsweb__x12_bad_valid_code.txt': [
    { code: 'X12_UNEXPECTED_SEGMENT', segmentId: 'NM1', segmentNumber: 9, loop: '2000A' },
    { code: 'X12_LOOP_MISSING', loop: '2010AA' },
  ],
  '837P/imsweb__x12_loop_errors1_exceeds_max_1_parent.txt': [{ code: 'X12_LOOP_REPEAT', loop: '2010AA' }],
  '837P/imsweb__x12_loop_errors2_exceeds_max_repeats_multiple_parents.txt': [
    { code: 'X12_LOOP_REPEAT', loop: '2010AA' },
  ],
  '837P/imsweb__x12_missing_elements.txt': [
    { code: 'X12_ELEMENT_MISSING', element: 'NM102', loop: '1000B' },
    { code: 'X12_ELEMENT_MISSING', element: 'CLM05', loop: '2300' },
  ],
  '837P/imsweb__x12_missing_required_loop_in_one_repeat.txt': [{ code: 'X12_LOOP_MISSING', loop: '2010BA' }],
  '837P/imsweb__x12_segments_out_of_order.txt': [
    { code: 'X12_SEGMENT_MISSING', segmentId: 'N4', loop: '2010AA' },
    { code: 'X12_SEGMENT_MISSING', segmentId: 'N3', loop: '2010AB' },
  ],
  '837P/imsweb__x12_loop_errors3_missing_loops.txt': [{ code: 'X12_LOOP_MISSING', loop: '2010AA' }],
  '837P/imsweb__x12_segment_errors.txt': [
    { code: 'X12_SEGMENT_MISSING', segmentId: 'N3', loop: '2010AA' },
    { code: 'X12_SEGMENT_MISSING', segmentId: 'HI', loop: '2300' },
    { code: 'X12_SEGMENT_REPEAT', segmentId: 'REF' },
  ],
  '837P/hdi__837P-validation-issues.edi': [
    { code: 'X12_TOO_LONG', element: 'CLM05-1' },
    { code: 'X12_BAD_CODE', element: 'CLM06' },
    { code: 'X12_BAD_DATE', element: 'DTP03', value: '20051208-20051309' },
    { code: 'X12_SE_COUNT', element: 'SE01' },
  ],
  '837P/staedi__837-header-ref-only.edi': [
    { code: 'X12_BAD_CODE', element: 'BHT01' },
    { code: 'X12_LOOP_MISSING', loop: '1000A' },
  ],
  '835/hdi__835-validation-issues.edi': [
    { code: 'X12_SEGMENT_MISSING', segmentId: 'TRN' },
    { code: 'X12_UNKNOWN_SEGMENT', segmentId: 'XX' },
  ],
  // "IK5 before AK1, bad AK2 elements, space-padded AK1".
  '999/staedi__invalid999.edi': [
    { code: 'X12_UNEXPECTED_SEGMENT', segmentId: 'IK5', segmentNumber: 4 },
    { code: 'X12_TOO_LONG', element: 'AK101' },
    { code: 'X12_TOO_MANY_ELEMENTS', segmentId: 'AK2' },
  ],
  // "TA1 segments have only 4 elements".
  'TA1/oopfactory__TechnicalAcknowledgment_Sample1.txt': [
    { code: 'X12_ELEMENT_MISSING', element: 'TA105', segmentNumber: 2 },
    { code: 'X12_ELEMENT_MISSING', element: 'TA105', segmentNumber: 3 },
  ],
  '270/badx12__unknown_segment_error.edi': [
    { code: 'X12_OUTSIDE_ENVELOPE', segmentId: 'HL', segmentNumber: 3 },
    { code: 'X12_OUTSIDE_ENVELOPE', segmentId: 'NM1', segmentNumber: 4 },
  ],
};

const FOLDERS = ['837P', '837I', '835', '999', '277CA', 'TA1', '270', '271', '276', '277'];

describe('shared X12 samples', () => {
  it('finds the sample folders in place', () => {
    expect(FOLDERS.flatMap(sampleFiles).length).toBeGreaterThanOrEqual(171);
  });

  for (const folder of FOLDERS) {
    for (const file of sampleFiles(folder)) {
      const rel = `${folder}/${file}`;
      const expected = INVALID[rel];
      it(`${rel} ${expected ? 'fails where SOURCES.md says' : 'reads'}`, () => {
        const v = validateX12(sample(rel));
        expect(v.problems.filter((p) => p.severity === 'fatal')).toEqual([]);
        if (folder === 'TA1') expect(parseTA1(v.document).acknowledgments.length).toBeGreaterThan(0);
        else expect(v.transactions.length).toBeGreaterThan(0);
        if (!expected) return;
        expect(v.valid).toBe(false);
        for (const e of expected) expect(v.problems).toContainEqual(expect.objectContaining(e));
      });
    }
  }

  it('checks an X214 277CA and the 837 errata ids against carried maps', () => {
    const a = validateX12(sample('837P/lfh__demo.autoaccident.837'));
    expect(a.transactions[0]?.guide).toBe('005010X222A1');
    expect(a.problems).toContainEqual(expect.objectContaining({ code: 'X12_ERRATA_FALLBACK' }));
    expect(validateX12(sample('837I/lfh__institutional-claim.837i')).transactions[0]?.guide).toBe(
      '005010X223A2',
    );
  });
});
