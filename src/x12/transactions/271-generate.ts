// 271 writer (005010X279A1): the payer's answer to a 270, one transaction set per patient, checked by
// our own validator before it is returned (a 271 that fails is a bug here, so it throws).
import { toX12Date } from '../engine/dates.ts';
import { loopToWrite, type LoopToWrite } from '../engine/guide-order.ts';
import {
  writeInterchange,
  type ControlNumberSource,
  type EnvelopeOptions,
  type SegmentFields,
} from '../engine/writer.ts';
import { X279A1_271 } from '../maps/271.ts';
import { encode } from './codec.ts';
import { nm1Segment, partySegments } from './837-parties.ts';
import { AAA, EB, MSG, TRN } from './eligibility-codecs.ts';
import type { Benefit, EligibilityResponse, MemberBenefits } from './eligibility-types.ts';
import { dateSegment, procedureComposite } from './segments.ts';
import { bodyInOrder, HlCounter, memberSegments, checked } from './hierarchy.ts';

export type Write271Options = EnvelopeOptions & { numbers: ControlNumberSource };

/**
 * EB and its loop. EB03 repeats, but our writer has no repetition separator in element data, so a
 * benefit for several service types is written as one EB per type (the same facts, as TR3 allows).
 */
function benefitLoops(b: Benefit): LoopToWrite[] {
  const types = b.serviceTypes.length > 0 ? b.serviceTypes : [''];
  return types.map((type) => {
    const eb = [...encode(EB, b)] as (string | readonly string[])[];
    while (eb.length < 4) eb.push('');
    eb[3] = type;
    if (b.procedure) {
      while (eb.length < 14) eb.push('');
      eb[13] = procedureComposite(b.procedure);
    }
    const segs: SegmentFields[] = [
      eb as unknown as SegmentFields,
      ...(b.references ?? []).map((r): SegmentFields => ['REF', r.qualifier, r.value]),
      ...(b.dates ?? []).map((d) => dateSegment(d.qualifier, d.period)),
      ...(b.rejections ?? []).map((r) => encode(AAA, r)),
      ...(b.messages ?? []).map((text) => encode(MSG, { text })),
    ];
    const entities = b.entities ?? [];
    // LS/LE wrap the 2120 loops (the map places them around the loops).
    if (entities.length > 0) segs.push(['LS', '2120'], ['LE', '2120']);
    return loopToWrite(
      segs,
      entities.map(({ entityCode, ...party }) => loopToWrite(partySegments(entityCode, party))),
    );
  });
}

function memberLevel(hl: SegmentFields, entity: string, m: MemberBenefits, rest: LoopToWrite[]): LoopToWrite {
  const { traces, rejections, dates, benefits, ...who } = m;
  const name = [
    ...memberSegments(entity, who),
    ...rejections.map((r) => encode(AAA, r)),
    ...dates.map((d) => dateSegment(d.qualifier, d.period)),
  ];
  return loopToWrite(
    [hl, ...traces.map((t) => encode(TRN, t))],
    [loopToWrite(name, benefits.flatMap(benefitLoops)), ...rest],
  );
}

/** The segments between ST and SE of one 271. */
export function eligibilityResponseToSegments(r: EligibilityResponse): SegmentFields[] {
  const hl = new HlCounter();
  const [a, aId] = hl.next('', '20', true);
  const [b, bId] = hl.next(aId, '21', true);
  const [c, cId] = hl.next(bId, '22', r.dependent !== undefined);
  const dependent = r.dependent ? [memberLevel(hl.next(cId, '23', false)[0], '03', r.dependent, [])] : [];
  const tree = loopToWrite(
    [['BHT', '0022', '11', r.referenceId, toX12Date(r.date), r.time]],
    [
      loopToWrite(
        [a],
        [
          loopToWrite([nm1Segment('PR', r.payer), ...r.rejections.map((x) => encode(AAA, x))]),
          loopToWrite(
            [b],
            [loopToWrite([nm1Segment('1P', r.provider)]), memberLevel(c, 'IL', r.subscriber, dependent)],
          ),
        ],
      ),
    ],
  );
  return bodyInOrder(X279A1_271, tree);
}

/** Writes eligibility answers as one interchange (GS HB, one ST 271 per patient), validated before it is returned. */
export async function write271(
  responses: readonly EligibilityResponse[],
  options: Write271Options,
): Promise<string> {
  const guide = X279A1_271.guide;
  const transactions = responses.map((r) => ({
    setId: '271',
    guide,
    body: eligibilityResponseToSegments(r),
  }));
  return checked(
    'write271',
    await writeInterchange([{ functionalId: 'HB', guide, transactions }], options, options.numbers),
  );
}
