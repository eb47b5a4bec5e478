// 270 reader (005010X279A1): each patient asked about (a 2000C subscriber, or each 2000D dependent
// under it) → an EligibilityRequest, through the same field tables the 270 writer uses.
import { fromX12Date } from '../engine/dates.ts';
import { first, loopOf, loopsOf, type LoopNode } from '../engine/tree.ts';
import { DEFAULT_DELIMITERS, type Segment } from '../engine/types.ts';
import { asValidation, type X12Input } from '../engine/validate.ts';
import { element as el } from '../engine/values.ts';
import { ProblemList, type X12Problem } from '../problems.ts';
import { decode, type ReadContext } from './codec.ts';
import { TRN } from './eligibility-codecs.ts';
import type { EligibilityRequest, Member, TraceNumber } from './eligibility-types.ts';
import { readDate } from './segments.ts';
import { readMember, readPartyLoop, repeatsOf } from './hierarchy.ts';

export interface Parse270Result {
  requests: EligibilityRequest[];
  problems: X12Problem[];
  valid: boolean;
}

/** TRN with its required fields present even when a bad file leaves them out. */
export const readTrace = (s: Segment, ctx: ReadContext): TraceNumber =>
  Object.assign({ type: '', number: '' }, decode(TRN, s, ctx));

/** The BHT of a transaction: reference, date and time. */
export function readHeader(root: LoopNode): { referenceId: string; date: string; time: string } {
  const bht = first(root, 'BHT');
  return {
    referenceId: bht ? el(bht, 3) : '',
    date: bht ? fromX12Date(el(bht, 4)) : '',
    time: bht ? el(bht, 5) : '',
  };
}

function request(
  ctx: ReadContext,
  base: Omit<EligibilityRequest, 'subscriber' | 'trace' | 'serviceTypes'>,
  subscriber: Member,
  patient: LoopNode,
  nameLoop: string,
  dependent?: Member,
): EligibilityRequest {
  const name = loopOf(patient, nameLoop);
  const trn = first(patient, 'TRN');
  const r: EligibilityRequest = {
    ...base,
    subscriber,
    trace: trn ? readTrace(trn, ctx) : { type: '1', number: '' },
    serviceTypes: [],
  };
  if (dependent) r.dependent = dependent;
  const inquiries = name ? loopsOf(name, nameLoop.replace('2100', '2110')) : [];
  r.serviceTypes = inquiries.flatMap((q) => repeatsOf(q.segments[0] as Segment, 1, ctx.d));
  const dtp =
    (name && first(name, 'DTP', '291')) ?? inquiries.map((q) => first(q, 'DTP', '291')).find(Boolean);
  if (dtp) r.serviceDate = readDate(dtp).period;
  return r;
}

/** Reads every 270 transaction set: one request per patient asked about. */
export function parse270(input: X12Input): Parse270Result {
  const v = asValidation(input);
  const extra = new ProblemList();
  const ctx: ReadContext = { d: v.document.delimiters ?? DEFAULT_DELIMITERS, problems: extra };
  const requests: EligibilityRequest[] = [];
  for (const t of v.transactions) {
    if (t.tx.setId !== '270' || !t.tree) continue;
    ctx.transaction = t.tx.controlNumber;
    const header = readHeader(t.tree);
    for (const a of loopsOf(t.tree, '2000A')) {
      const payer = readPartyLoop(a, '2100A', ctx);
      for (const b of loopsOf(a, '2000B')) {
        const provider = readPartyLoop(b, '2100B', ctx);
        const base = { ...header, payer, provider };
        for (const c of loopsOf(b, '2000C')) {
          const subscriber = readMember(c, '2100C', ctx);
          const dependents = loopsOf(c, '2000D');
          if (dependents.length === 0) requests.push(request(ctx, base, subscriber, c, '2100C'));
          for (const d of dependents)
            requests.push(request(ctx, base, subscriber, d, '2100D', readMember(d, '2100D', ctx)));
        }
      }
    }
  }
  return {
    requests,
    problems: [...v.problems, ...extra.toArray()],
    valid: v.valid && extra.items.length === 0,
  };
}
