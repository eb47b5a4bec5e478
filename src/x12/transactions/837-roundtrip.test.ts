// Round trip over the shared samples: every 837P/837I file SOURCES.md marks "as published" that our
// validator accepts is parsed to typed claims and written again with the same envelope, control
// numbers and separators; the segments between ST and SE must be the original's, element for
// element (normalisation: testing/round-trip.ts#comparable). A segment the typed model cannot carry
// is missing from the output, so the test fails. The JSON path (x12 to-json → x12 from-json) too.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromJsonCommand, toJsonCommand } from '../cli.ts';
import { parseX12 } from '../engine/parse.ts';
import type { TransactionSet } from '../engine/envelope.ts';
import { validateX12, type ValidationResult } from '../engine/validate.ts';
import { MemoryControlNumbers } from '../engine/writer.ts';
import { SAMPLES, sample } from '../testing/fixtures.ts';
import { comparable, publishedSamples } from '../testing/round-trip.ts';
import { parse837 } from './837.ts';
import { write837, type Guide } from './837-generate.ts';

/** As-published files our validator rejects, with the first reason (they are not round-tripped). */
const REJECTED: Record<string, string> = {
  '837P/databricks__CHPW_Claimdata_edited.txt.tmp': 'X12_SE_COUNT',
  '837P/databricks__Molina_Mock_UP_837P_File.txt': 'X12_ISA_IEA_MISMATCH',
  '837P/hdi__837P-all-fields.dat': 'X12_SEGMENT_REPEAT',
  '837P/hdi__837p-all-fields.edi': 'X12_UNEXPECTED_SEGMENT',
  '837P/hdi__cob-payera-payerb.dat': 'X12_SE_COUNT',
  '837P/hdi__cob-prov-payera.dat': 'X12_SE_COUNT',
  '837P/hdi__commercial.dat': 'X12_SE_COUNT',
  '837P/hdi__multi-tran.dat': 'X12_SE_COUNT',
  '837P/imsweb__x12_ambiguous_loop.txt': 'X12_SE_COUNT',
  '837P/imsweb__x12_multiple_gs.txt': 'X12_SE_COUNT',
  '837P/imsweb__x12_no_errors.txt': 'X12_SE_COUNT',
  '837P/imsweb__x12_valid.txt': 'X12_SE_COUNT',
  '837P/imsweb__x12_writer_test.txt': 'X12_SE_COUNT',
  '837P/lfh__demo.cob.example3.A.837': 'X12_LOOP_MISSING',
  '837P/lfh__demo.example6.837': 'X12_TOO_LONG',
  '837P/lfh__demo.example9.837': 'X12_TOO_LONG',
  '837P/oopfactory__Example1_2_And_3_Combined.txt': 'X12_UNEXPECTED_SEGMENT',
  '837P/oopfactory__Example3_COB.txt': 'X12_UNEXPECTED_SEGMENT',
  '837P/oopfactory__MedicaidExample.txt': 'X12_BAD_CODE',
  '837P/oopfactory__MissingEntityCode.txt': 'X12_BAD_CODE',
  '837P/oopfactory__ProfessionalClaim1.txt': 'X12_SE_COUNT',
  '837I/edifabric__InstitutionalClaim.txt': 'X12_TOO_LONG',
  '837I/hdi__837I-all-fields.dat': 'X12_UNEXPECTED_SEGMENT',
  // DTP*434 (statement dates) with D8: X223A2 allows RD8 only.
  '837I/lfh__institutional-claim.837i': 'X12_BAD_CODE',
  '837I/lfh__out-of-network-repriced-claim.837i': 'X12_TOO_LONG',
  '837I/oopfactory__InstitutionalClaim5010.txt': 'X12_SE_COUNT',
  '837I/oopfactory__Spec_3.1.1.txt': 'X12_TOO_LONG',
  '837I/oopfactory__Spec_3.1.4_OutOfNetworkRepricedClaim.txt': 'X12_TOO_LONG',
  '837I/stupidedi__837-institutional-claim.edi': 'X12_BAD_DATE',
};

/** Its sets 2–5 continue the HL numbers of the set before (HL*63 opens set 2), so HLs are renumbered. */
const HL_CONTINUES = new Set(['837P/databricks__CHPW_Claimdata.txt']);

const PUBLISHED = [...publishedSamples('837P'), ...publishedSamples('837I')];
const results = new Map(PUBLISHED.map((f) => [f, validateX12(sample(f))]));
const COVERED = PUBLISHED.filter((f) => results.get(f)?.valid);

const setsOf = (v: ValidationResult): TransactionSet[] =>
  v.document.interchanges.flatMap((ic) => ic.groups.flatMap((g) => g.transactions));

/** Writes the parsed sets again with the file's envelope, control numbers and separators. */
async function regenerate(v: ValidationResult): Promise<string> {
  const parsed = parse837(v).transactions;
  const ic = v.document.interchanges[0];
  const gs = ic?.groups[0]?.gs;
  const isa = ic?.isa;
  return write837(
    parsed.map((t) => ({ ...t, guide: t.guide as Guide })),
    {
      senderQualifier: isa?.el[5] ?? 'ZZ',
      senderId: isa?.el[6] ?? 'SENDER',
      receiverQualifier: isa?.el[7] ?? 'ZZ',
      receiverId: isa?.el[8] ?? 'RECEIVER',
      applicationSender: gs?.el[2] ?? 'SENDER',
      applicationReceiver: gs?.el[3] ?? 'RECEIVER',
      date: gs?.el[4] ?? '20240101',
      time: gs?.el[5] ?? '1200',
      usage: isa?.el[15] === 'P' ? 'P' : 'T',
      delimiters: v.document.delimiters ?? undefined,
      numbers: new MemoryControlNumbers({
        interchange: Number(isa?.el[13] ?? 1),
        group: Number(gs?.el[6] ?? 1),
        transaction: Number(parsed[0]?.controlNumber ?? 1),
      }),
    },
  );
}

/** Compares each transaction set of `written` with the original's, segment by segment. */
function expectSameSets(file: string, original: ValidationResult, written: string): void {
  const d = original.document.delimiters?.component ?? ':';
  const renumber = HL_CONTINUES.has(file);
  const before = setsOf(original);
  const again = validateX12(written);
  const after = setsOf(again);
  const d2 = again.document.delimiters?.component ?? ':';
  expect(after.map((t) => t.implementationRef.slice(0, 10))).toEqual(
    before.map((t) => t.implementationRef.slice(0, 10)),
  );
  before.forEach((tx, i) => {
    const out = after[i] as TransactionSet;
    expect(comparable(out.body, d2, renumber), `${file} ST02 ${tx.controlNumber}`).toEqual(
      comparable(tx.body, d, renumber),
    );
    expect(out.se?.el[1]).toBe(tx.se?.el[1]);
  });
}

describe('837 round trip over the published samples', () => {
  it('covers every published 837P/837I sample our validator accepts; the rest are rejected as listed', () => {
    const rejected = Object.fromEntries(
      PUBLISHED.filter((f) => !results.get(f)?.valid).map((f) => {
        const errors = (results.get(f) as ValidationResult).problems.filter((p) => p.severity !== 'warning');
        return [f, errors.find((p) => p.code !== 'X12_ERRATA_FALLBACK')?.code];
      }),
    );
    expect(rejected).toEqual(REJECTED);
    expect(COVERED).toHaveLength(29);
  });

  it('renumbers HLs only where the file continues them across sets', () => {
    const changed = COVERED.filter((f) => {
      const v = results.get(f) as ValidationResult;
      const d = v.document.delimiters?.component ?? ':';
      return setsOf(v).some(
        (t) => comparable(t.body, d, true).join() !== comparable(t.body, d, false).join(),
      );
    });
    expect(changed).toEqual([...HL_CONTINUES]);
  });

  it.each(COVERED)('%s: parse837 → write837 gives the same segments', async (file) => {
    const v = results.get(file) as ValidationResult;
    const written = await regenerate(v);
    expectSameSets(file, v, written);
    const numbers = (s: string): string[] =>
      setsOf(validateX12(s)).map((t) => String(Number(t.controlNumber)));
    expect(numbers(written)).toEqual(setsOf(v).map((t) => String(Number(t.controlNumber))));
    expect(parseX12(written).delimiters).toEqual(v.document.delimiters);
  });

  it.each(COVERED)('%s: x12 to-json → x12 from-json gives the same segments', async (file) => {
    const json = await toJsonCommand(join(SAMPLES, file));
    expect(json.exitCode).toBe(0);
    const tmp = join(mkdtempSync(join(tmpdir(), 'x12-rt-')), 'claims.json');
    writeFileSync(tmp, json.output);
    const back = await fromJsonCommand(tmp);
    expect(back.exitCode, back.output.slice(0, 300)).toBe(0);
    expectSameSets(file, results.get(file) as ValidationResult, back.output);
  });
});
