// 276 writer (005010X212): one transaction set per member asked about, its claims in 2200D (or
// 2200E for a dependent), put in guide order by the map.
import { toX12Date } from '../engine/dates.ts';
import { loopToWrite, type LoopToWrite } from '../engine/guide-order.ts';
import { formatCents } from '../engine/money.ts';
import {
  writeInterchange,
  type ControlNumberSource,
  type EnvelopeOptions,
  type SegmentFields,
} from '../engine/writer.ts';
import { X212_276 } from '../maps/276.ts';
import type { TransactionMap } from '../maps/types.ts';
import { encode } from './codec.ts';
import { nm1Segment } from './837-parties.ts';
import { DMG } from './837-codecs.ts';
import { CLAIM_REFS, serviceLineSegment } from './claim-status-codecs.ts';
import type { ClaimKeys, ClaimStatusRequest, ClaimStatusResponse, StatusLine } from './claim-status-types.ts';
import type { Member } from './eligibility-types.ts';
import { dateSegment } from './segments.ts';
import { bodyInOrder, HlCounter } from './hierarchy.ts';

export type Write276Options = EnvelopeOptions & { numbers: ControlNumberSource };

/** TRN (TRN01 1 asks, 2 answers) and the claim's REFs and service date. */
export function claimKeySegments(k: ClaimKeys & { voucherId?: string }, trnType: '1' | '2'): SegmentFields[] {
  const out: SegmentFields[] = [['TRN', trnType, k.traceNumber]];
  for (const [field, qualifier] of CLAIM_REFS) {
    const v = k[field];
    if (typeof v === 'string' && v) out.push(['REF', qualifier, v]);
  }
  if (k.serviceDate?.from) out.push(dateSegment('472', k.serviceDate));
  return out;
}

export function lineSegments(l: StatusLine): SegmentFields[] {
  const out: SegmentFields[] = [serviceLineSegment(l)];
  if (l.lineControlNumber) out.push(['REF', 'FJ', l.lineControlNumber]);
  if (l.serviceDate?.from) out.push(dateSegment('472', l.serviceDate));
  return out;
}

/** The member's HL level: DMG on the level (X212 276 only), the name loop, then the claim loops. */
function memberLevel(
  hl: SegmentFields,
  entity: string,
  m: Member,
  withDmg: boolean,
  claims: LoopToWrite[],
  rest: LoopToWrite[],
): LoopToWrite {
  const { birthDate, gender, relationship: _r, ...party } = m;
  const level: SegmentFields[] = [hl];
  if (withDmg && (birthDate || gender)) level.push(encode(DMG, { birthDate, gender }));
  return loopToWrite(level, [loopToWrite([nm1Segment(entity, party)]), ...claims, ...rest]);
}

/** The ST…SE body of a 276 or 277: the source/receiver/provider hierarchy around the member's claims. */
export function statusBody(
  map: TransactionMap,
  r: ClaimStatusRequest | ClaimStatusResponse,
  claims: LoopToWrite[],
): SegmentFields[] {
  const asking = map.setId === '276';
  const hl = new HlCounter();
  const [a, aId] = hl.next('', '20', true);
  const [b, bId] = hl.next(aId, '21', true);
  const [c, cId] = hl.next(bId, '19', true);
  const [d, dId] = hl.next(cId, '22', r.dependent !== undefined);
  const dependent = r.dependent
    ? [memberLevel(hl.next(dId, '23', null)[0], 'QC', r.dependent, asking, claims, [])]
    : [];
  const subscriber = memberLevel(d, 'IL', r.subscriber, asking, r.dependent ? [] : claims, dependent);
  const bht: SegmentFields = asking
    ? ['BHT', '0010', '13', r.referenceId, toX12Date(r.date), r.time]
    : ['BHT', '0010', '08', r.referenceId, toX12Date(r.date), r.time, 'DG'];
  const tree = loopToWrite(
    [bht],
    [
      loopToWrite(
        [a],
        [
          loopToWrite([nm1Segment('PR', r.payer)]),
          loopToWrite(
            [b],
            [
              loopToWrite([nm1Segment('41', r.receiver)]),
              loopToWrite([c], [loopToWrite([nm1Segment('1P', r.provider)]), subscriber]),
            ],
          ),
        ],
      ),
    ],
  );
  return bodyInOrder(map, tree);
}

/** The segments between ST and SE of one 276. */
export function claimStatusRequestToSegments(r: ClaimStatusRequest): SegmentFields[] {
  const claims = r.claims.map((c) =>
    loopToWrite(
      [
        ...claimKeySegments(c, '1'),
        ...(c.chargeCents !== undefined ? [['AMT', 'T3', formatCents(c.chargeCents)] as SegmentFields] : []),
      ],
      (c.lines ?? []).map((l) => loopToWrite(lineSegments(l))),
    ),
  );
  return statusBody(X212_276, r, claims);
}

/** Writes claim status requests as one interchange (GS HR, one ST 276 per member). */
export async function write276(
  requests: readonly ClaimStatusRequest[],
  options: Write276Options,
): Promise<string> {
  const guide = X212_276.guide;
  const transactions = requests.map((r) => ({ setId: '276', guide, body: claimStatusRequestToSegments(r) }));
  return writeInterchange([{ functionalId: 'HR', guide, transactions }], options, options.numbers);
}
