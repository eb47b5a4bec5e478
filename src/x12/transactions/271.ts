// 271 reader (005010X279A1): each answered patient → an EligibilityResponse with every EB kept as
// sent (codes never dropped), through the same field tables the 271 writer uses. What the benefits
// mean for a front desk is ../eligibility-summary.ts.
import { all, loopOf, loopsOf, type LoopNode } from '../engine/tree.ts';
import { DEFAULT_DELIMITERS, type Segment } from '../engine/types.ts';
import { asValidation, type X12Input } from '../engine/validate.ts';
import { ProblemList, type X12Problem } from '../problems.ts';
import { decode, type ReadContext } from './codec.ts';
import { readParty, readRefs } from './837-parties.ts';
import { AAA, EB, MSG } from './eligibility-codecs.ts';
import type { Benefit, EligibilityResponse, MemberBenefits, Rejection } from './eligibility-types.ts';
import { readDate, readProcedure } from './segments.ts';
import { readMember, readPartyLoop, repeatsOf } from './hierarchy.ts';
import { readHeader, readTrace } from './270.ts';
import { set } from './fields.ts';

export interface Parse271Result {
  responses: EligibilityResponse[];
  problems: X12Problem[];
  valid: boolean;
}

const rejections = (node: LoopNode | undefined, ctx: ReadContext): Rejection[] =>
  node
    ? all(node, 'AAA').map((s) => Object.assign({ validRequest: '', reason: '' }, decode(AAA, s, ctx)))
    : [];

function benefit(l: LoopNode, ctx: ReadContext): Benefit {
  const eb = l.segments[0] as Segment;
  const b: Benefit = Object.assign({ code: '' }, decode(EB, eb, ctx), {
    serviceTypes: repeatsOf(eb, 3, ctx.d),
  });
  if (eb.el[13]) b.procedure = readProcedure(eb, 13, ctx);
  set(b, 'dates', all(l, 'DTP').map(readDate));
  set(b, 'references', readRefs(l, ctx));
  set(b, 'rejections', rejections(l, ctx));
  set(
    b,
    'messages',
    all(l, 'MSG').map((s) => decode(MSG, s, ctx).text ?? ''),
  );
  const entities = l.loops
    .filter((x) => x.id.startsWith('2120'))
    .map((x) => ({ entityCode: x.segments[0]?.el[1] ?? '', ...readParty(x, ctx) }));
  set(b, 'entities', entities);
  return b;
}

function member(level: LoopNode, suffix: 'C' | 'D', ctx: ReadContext): MemberBenefits {
  const name = loopOf(level, `2100${suffix}`);
  return {
    ...readMember(level, `2100${suffix}`, ctx),
    traces: all(level, 'TRN').map((s) => readTrace(s, ctx)),
    rejections: rejections(name, ctx),
    dates: name ? all(name, 'DTP').map(readDate) : [],
    benefits: name ? loopsOf(name, `2110${suffix}`).map((l) => benefit(l, ctx)) : [],
  };
}

/** Reads every 271 transaction set: one response per patient answered about. */
export function parse271(input: X12Input): Parse271Result {
  const v = asValidation(input);
  const extra = new ProblemList();
  const ctx: ReadContext = { d: v.document.delimiters ?? DEFAULT_DELIMITERS, problems: extra };
  const responses: EligibilityResponse[] = [];
  for (const t of v.transactions) {
    if (t.tx.setId !== '271' || !t.tree) continue;
    ctx.transaction = t.tx.controlNumber;
    const header = readHeader(t.tree);
    for (const a of loopsOf(t.tree, '2000A')) {
      const payer = readPartyLoop(a, '2100A', ctx);
      const sourceRejections = [...rejections(a, ctx), ...rejections(loopOf(a, '2100A'), ctx)];
      const receivers = loopsOf(a, '2000B');
      const empty: MemberBenefits = {
        ...readMember(a, '', ctx),
        traces: [],
        rejections: [],
        dates: [],
        benefits: [],
      };
      // A 271 refused at the source level may stop before any receiver or subscriber.
      if (receivers.length === 0)
        responses.push({
          ...header,
          payer,
          provider: { entityType: '2', lastOrOrganizationName: '' },
          rejections: sourceRejections,
          subscriber: empty,
        });
      for (const b of receivers) {
        const provider = readPartyLoop(b, '2100B', ctx);
        const base = {
          ...header,
          payer,
          provider,
          rejections: [...sourceRejections, ...rejections(loopOf(b, '2100B'), ctx)],
        };
        const subscribers = loopsOf(b, '2000C');
        if (subscribers.length === 0) responses.push({ ...base, subscriber: empty });
        for (const c of subscribers) {
          const subscriber = member(c, 'C', ctx);
          const dependents = loopsOf(c, '2000D');
          if (dependents.length === 0) responses.push({ ...base, subscriber });
          for (const d of dependents) responses.push({ ...base, subscriber, dependent: member(d, 'D', ctx) });
        }
      }
    }
  }
  return {
    responses,
    problems: [...v.problems, ...extra.toArray()],
    valid: v.valid && extra.items.length === 0,
  };
}
