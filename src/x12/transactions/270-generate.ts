// 270 writer (005010X279A1): one transaction set per patient asked about, a day's schedule in one
// interchange. Segments are built per loop and put in guide order by the map.
import { toX12Date } from '../engine/dates.ts';
import { loopToWrite, type LoopToWrite } from '../engine/guide-order.ts';
import {
  writeInterchange,
  type ControlNumberSource,
  type EnvelopeOptions,
  type SegmentFields,
} from '../engine/writer.ts';
import { X279A1_270 } from '../maps/270.ts';
import { encode } from './codec.ts';
import { nm1Segment } from './837-parties.ts';
import { TRN } from './eligibility-codecs.ts';
import type { EligibilityRequest, Member } from './eligibility-types.ts';
import { dateSegment } from './segments.ts';
import { bodyInOrder, HlCounter, memberSegments } from './hierarchy.ts';

export type Write270Options = EnvelopeOptions & { numbers: ControlNumberSource };

/** The patient's level: TRN, the name loop with the date asked about and one EQ per service type. */
function patientLevel(hl: SegmentFields, entity: string, m: Member, r: EligibilityRequest): LoopToWrite {
  const name = memberSegments(entity, m);
  if (r.serviceDate?.from) name.push(dateSegment('291', r.serviceDate));
  const inquiries = (r.serviceTypes.length > 0 ? r.serviceTypes : ['30']).map((t) =>
    loopToWrite([['EQ', t]]),
  );
  return loopToWrite([hl, encode(TRN, r.trace)], [loopToWrite(name, inquiries)]);
}

/** The segments between ST and SE of one 270. */
export function eligibilityRequestToSegments(r: EligibilityRequest): SegmentFields[] {
  const hl = new HlCounter();
  const [a, aId] = hl.next('', '20', true);
  const [b, bId] = hl.next(aId, '21', true);
  const [c, cId] = hl.next(bId, '22', r.dependent !== undefined);
  const subscriber = r.dependent
    ? loopToWrite(
        [c],
        [
          loopToWrite(memberSegments('IL', r.subscriber)),
          patientLevel(hl.next(cId, '23', false)[0], '03', r.dependent, r),
        ],
      )
    : patientLevel(c, 'IL', r.subscriber, r);
  const tree = loopToWrite(
    [['BHT', '0022', '13', r.referenceId, toX12Date(r.date), r.time]],
    [
      loopToWrite(
        [a],
        [
          loopToWrite([nm1Segment('PR', r.payer)]),
          loopToWrite([b], [loopToWrite([nm1Segment('1P', r.provider)]), subscriber]),
        ],
      ),
    ],
  );
  return bodyInOrder(X279A1_270, tree);
}

/** Writes eligibility inquiries as one interchange (GS HS, one ST 270 per patient). */
export async function write270(
  requests: readonly EligibilityRequest[],
  options: Write270Options,
): Promise<string> {
  const guide = X279A1_270.guide;
  const transactions = requests.map((r) => ({ setId: '270', guide, body: eligibilityRequestToSegments(r) }));
  return writeInterchange([{ functionalId: 'HS', guide, transactions }], options, options.numbers);
}
