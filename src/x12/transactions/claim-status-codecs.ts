// 276/277 (and 277CA) segment uses as field tables: STC, SVC, the claim REFs.
import type { Segment } from '../engine/types.ts';
import type { SegmentFields } from '../engine/writer.ts';
import { codec, decode, encode, type ReadContext } from './codec.ts';
import { outcomeOf } from './277ca.ts';
import type { ClaimKeys, StatusDetail, StatusLine } from './claim-status-types.ts';
import { procedureComposite, readProcedure } from './segments.ts';

/** STC with its three C043 composites flattened (STC01, STC10, STC11). */
interface FlatStatus extends Omit<StatusDetail, 'outcome' | 'additional'> {
  category2?: string;
  code2?: string;
  entity2?: string;
  category3?: string;
  code3?: string;
  entity3?: string;
}

export const STC = codec<FlatStatus>('STC', [
  ['category', '01-1'],
  ['code', '01-2'],
  ['entity', '01-3'],
  ['effectiveDate', '02', 'date'],
  ['actionCode', '03'],
  ['chargeCents', '04', 'cents'],
  ['paidCents', '05', 'cents'],
  ['adjudicatedDate', '06', 'date'],
  ['paymentMethod', '07'],
  ['checkDate', '08', 'date'],
  ['checkNumber', '09'],
  ['category2', '10-1'],
  ['code2', '10-2'],
  ['entity2', '10-3'],
  ['category3', '11-1'],
  ['code3', '11-2'],
  ['entity3', '11-3'],
  ['message', '12'],
]);

/** An STC read: category, status and entity codes, dates, amounts, the check, further statuses. */
export function readStatus(s: Segment, ctx: ReadContext): StatusDetail {
  const { category2, code2, entity2, category3, code3, entity3, ...flat } = decode(STC, s, ctx);
  const st: StatusDetail = {
    ...flat,
    category: flat.category ?? '',
    code: flat.code ?? '',
    outcome: outcomeOf(flat.category ?? ''),
    additional: [],
  };
  for (const [category, code, entity] of [
    [category2, code2, entity2],
    [category3, code3, entity3],
  ]) {
    if (!category && !code) continue;
    st.additional.push(
      entity
        ? { category: category ?? '', code: code ?? '', entity }
        : { category: category ?? '', code: code ?? '' },
    );
  }
  return st;
}

export function statusSegment(st: Omit<StatusDetail, 'outcome'>): SegmentFields {
  const { additional, ...flat } = st as StatusDetail;
  const [b, c] = additional;
  const out: FlatStatus = { ...flat };
  if (b) Object.assign(out, { category2: b.category, code2: b.code, entity2: b.entity });
  if (c) Object.assign(out, { category3: c.category, code3: c.code, entity3: c.entity });
  return encode(STC, out);
}

/** SVC without SVC01 (C003, read and written by readProcedure/procedureComposite). */
const SVC = codec<StatusLine>('SVC', [
  ['chargeCents', '02', 'cents'],
  ['paidCents', '03', 'cents'],
  ['revenueCode', '04'],
  ['units', '07'],
]);

export function readServiceLine(s: Segment, ctx: ReadContext): StatusLine {
  return Object.assign({ chargeCents: 0 }, decode(SVC, s, ctx), { procedure: readProcedure(s, 1, ctx) });
}

export function serviceLineSegment(l: StatusLine): SegmentFields {
  const f = [...encode(SVC, l)] as (string | readonly string[])[];
  f[1] = procedureComposite(l.procedure);
  return f as unknown as SegmentFields;
}

/** REF qualifiers of a 2200 claim loop → the claim's field. */
export const CLAIM_REFS: readonly (readonly [keyof ClaimKeys | 'voucherId', string])[] = [
  ['payerClaimControlNumber', '1K'],
  ['billType', 'BLT'],
  ['patientControlNumber', 'EJ'],
  ['voucherId', 'VV'],
  ['clearinghouseTraceNumber', 'D9'],
];
