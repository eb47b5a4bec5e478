// 2300 HI Health Care Information Codes: diagnoses (ABK/ABF, BK/BF) and every other code kind, with
// the dates, amounts and present-on-admission indicators the C022 composite carries.
import { fromPeriod, toPeriod } from '../engine/dates.ts';
import { formatCents } from '../engine/money.ts';
import type { Segment } from '../engine/types.ts';
import { components, pad2 } from '../engine/values.ts';
import type { SegmentFields } from '../engine/writer.ts';
import { readCents, type ReadContext } from './codec.ts';
import type { ClaimInfo, HealthCareCode, HealthCareCodeQualifier, Guide } from './837-types.ts';

const DIAGNOSIS = new Set(['ABK', 'ABF', 'BK', 'BF']);

/**
 * Codes of one kind share HI segments, up to `per` composites each (TR3 HI01–HI12 usage): the 837P
 * anesthesia HI holds BP then BO; 837I admitting, DRG and principal procedure hold one code, reason
 * for visit three.
 */
const HI_KINDS: Record<HealthCareCodeQualifier, readonly [kind: string, per: number]> = {
  BP: ['anesthesia', 2],
  ABP: ['anesthesia', 2],
  BO: ['anesthesia', 2],
  ABO: ['anesthesia', 2],
  BG: ['condition', 12],
  ABJ: ['admitting', 1],
  BJ: ['admitting', 1],
  APR: ['reason', 3],
  PR: ['reason', 3],
  ABN: ['external cause', 12],
  BN: ['external cause', 12],
  DR: ['drg', 1],
  BBR: ['principal procedure', 1],
  BR: ['principal procedure', 1],
  CAH: ['principal procedure', 1],
  BBQ: ['other procedure', 12],
  BQ: ['other procedure', 12],
  BI: ['occurrence span', 12],
  BH: ['occurrence', 12],
  BE: ['value', 12],
  TC: ['treatment', 12],
};

export interface ReadHi {
  diagnoses: string[];
  codeSet: ClaimInfo['diagnosisCodeSet'];
  presentOnAdmission?: string[];
  codes: HealthCareCode[];
}

function readCode(s: Segment, i: number, comps: string[], ctx: ReadContext): HealthCareCode {
  const [q = '', code = '', format = '', date = '', amount = '', , , , poa = ''] = comps;
  const c: HealthCareCode = { qualifier: q as HealthCareCodeQualifier, code };
  if (format) c.date = fromPeriod(format, date);
  if (amount) c.amountCents = readCents(s, `${pad2(i)}-5`, amount, ctx);
  if (poa) c.presentOnAdmission = poa;
  return c;
}

/** All HI composites of a claim, in file order: diagnoses apart, every other kind as a HealthCareCode. */
export function readDiagnoses(his: readonly Segment[], ctx: ReadContext): ReadHi {
  const out: ReadHi = { diagnoses: [], codeSet: 'ICD-10-CM', codes: [] };
  const poa: string[] = [];
  for (const hi of his) {
    for (let i = 1; i < hi.el.length; i++) {
      const comps = components(hi, i, ctx.d);
      const q = comps[0] ?? '';
      if (q === '') continue;
      if (!DIAGNOSIS.has(q)) {
        out.codes.push(readCode(hi, i, comps, ctx));
        continue;
      }
      out.diagnoses.push(comps[1] ?? '');
      poa.push(comps[8] ?? '');
      if (q === 'BK' || q === 'BF') out.codeSet = 'ICD-9-CM';
    }
  }
  if (poa.some((p) => p !== '')) out.presentOnAdmission = poa;
  return out;
}

const composite = (q: string, code: string, poa = ''): string[] => [q, code, '', '', '', '', '', '', poa];

function codeComposite(c: HealthCareCode): string[] {
  const [format, date] = c.date ? toPeriod(c.date) : ['', ''];
  const amount = c.amountCents !== undefined ? formatCents(c.amountCents) : '';
  return [c.qualifier, c.code, format, date, amount, '', '', '', c.presentOnAdmission ?? ''];
}

/** Splits composites into HI segments of at most `per` each. */
function chunks(list: string[][], per: number): SegmentFields[] {
  const out: SegmentFields[] = [];
  for (let i = 0; i < list.length; i += per) out.push(['HI', ...list.slice(i, i + per)]);
  return out;
}

function diagnosisSegments(c: ClaimInfo, guide: Guide): SegmentFields[] {
  const [pk, ok] = c.diagnosisCodeSet === 'ICD-9-CM' ? ['BK', 'BF'] : ['ABK', 'ABF'];
  const poa = c.diagnosisPresentOnAdmission ?? [];
  const all = c.diagnoses.map((code, i) => composite(i === 0 ? pk : ok, code, poa[i]));
  if (all.length === 0) return [];
  // X223A2 has a principal-diagnosis HI (one code) and other-diagnosis HIs; X222A1 one HI for all.
  if (guide === '005010X223A2') return [['HI', all[0] as string[]], ...chunks(all.slice(1), 12)];
  return chunks(all, 12);
}

/** The claim's HI segments: diagnoses, then the other codes grouped by kind in their given order. */
export function hiSegments(c: ClaimInfo, guide: Guide): SegmentFields[] {
  const out = diagnosisSegments(c, guide);
  let cur: string[][] = [];
  let kind = '';
  let per = 12;
  const flush = (): void => {
    if (cur.length > 0) out.push(['HI', ...cur]);
    cur = [];
  };
  for (const code of c.healthCareCodes ?? []) {
    const [k, n] = HI_KINDS[code.qualifier] ?? [code.qualifier, 12];
    if (k !== kind || cur.length >= per) flush();
    kind = k;
    per = n;
    cur.push(codeComposite(code));
  }
  flush();
  return out;
}
