// 276 reader (005010X212): each member level (2000D subscriber, or each 2000E dependent under it)
// with its claims → a ClaimStatusRequest. The 277 reader walks the same hierarchy (claimLevels).
import { first, loopsOf, type LoopNode } from '../engine/tree.ts';
import { DEFAULT_DELIMITERS, type Segment } from '../engine/types.ts';
import { asValidation, type ValidationResult, type X12Input } from '../engine/validate.ts';
import { ProblemList, type X12Problem } from '../problems.ts';
import type { ReadContext } from './codec.ts';
import { CLAIM_REFS, readServiceLine } from './claim-status-codecs.ts';
import type { ClaimInquiry, ClaimKeys, ClaimStatusRequest, StatusLine } from './claim-status-types.ts';
import { readHeader } from './270.ts';
import { readDate } from './segments.ts';
import { readMember, readPartyLoop } from './hierarchy.ts';
import { AmountReader } from './fields.ts';

export interface Parse276Result {
  requests: ClaimStatusRequest[];
  problems: X12Problem[];
  valid: boolean;
}

type Envelope = Omit<ClaimStatusRequest, 'claims'>;

/**
 * Calls `each` for every member level of a 276 or 277 with the envelope (payer, receiver, provider,
 * subscriber, dependent) and the 2200 claim loops of the patient.
 */
export function claimLevels(
  v: ValidationResult,
  setId: '276' | '277',
  guide: string,
  ctx: ReadContext,
  each: (envelope: Envelope, claims: LoopNode[], suffix: 'D' | 'E') => void,
): void {
  for (const t of v.transactions) {
    if (t.tx.setId !== setId || t.guide !== guide || !t.tree) continue;
    ctx.transaction = t.tx.controlNumber;
    const header = readHeader(t.tree);
    for (const a of loopsOf(t.tree, '2000A')) {
      const payer = readPartyLoop(a, '2100A', ctx);
      for (const b of loopsOf(a, '2000B')) {
        const receiver = readPartyLoop(b, '2100B', ctx);
        for (const c of loopsOf(b, '2000C')) {
          const provider = readPartyLoop(c, '2100C', ctx);
          for (const d of loopsOf(c, '2000D')) {
            const subscriber = readMember(d, '2100D', ctx);
            const base = { ...header, payer, receiver, provider, subscriber };
            const claims = loopsOf(d, '2200D');
            if (claims.length > 0) each(base, claims, 'D');
            for (const e of loopsOf(d, '2000E'))
              each({ ...base, dependent: readMember(e, '2100E', ctx) }, loopsOf(e, '2200E'), 'E');
          }
        }
      }
    }
  }
}

/** TRN02, the claim REFs and DTP*472 of a 2200 loop. */
export function readClaimKeys<T extends ClaimKeys>(l: LoopNode): T {
  const k = { traceNumber: first(l, 'TRN')?.el[2] ?? '' } as T;
  for (const [field, qualifier] of CLAIM_REFS) {
    const v = first(l, 'REF', qualifier)?.el[2];
    if (v) (k as unknown as Record<string, string>)[field] = v;
  }
  const dtp = first(l, 'DTP', '472');
  if (dtp) k.serviceDate = readDate(dtp).period;
  return k;
}

/** SVC with REF*FJ and DTP*472 of a 2210/2220 loop. */
export function readLine(l: LoopNode, ctx: ReadContext): StatusLine {
  const line = readServiceLine(l.segments[0] as Segment, ctx);
  const fj = first(l, 'REF', 'FJ')?.el[2];
  if (fj) line.lineControlNumber = fj;
  const dtp = first(l, 'DTP', '472');
  if (dtp) line.serviceDate = readDate(dtp).period;
  return line;
}

/** Reads every 276 transaction set: one request per member level with claims. */
export function parse276(input: X12Input): Parse276Result {
  const v = asValidation(input);
  const extra = new ProblemList();
  const ctx: ReadContext = { d: v.document.delimiters ?? DEFAULT_DELIMITERS, problems: extra };
  const amounts = new AmountReader(extra);
  const requests: ClaimStatusRequest[] = [];
  claimLevels(v, '276', '005010X212', ctx, (envelope, loops, suffix) => {
    const claims = loops.map((l) => {
      const c = readClaimKeys<ClaimInquiry>(l);
      const amt = first(l, 'AMT', 'T3');
      if (amt) c.chargeCents = amounts.at(amt, 2);
      const lines = loopsOf(l, `2210${suffix}`).map((x) => readLine(x, ctx));
      if (lines.length > 0) c.lines = lines;
      return c;
    });
    requests.push({ ...envelope, claims });
  });
  return {
    requests,
    problems: [...v.problems, ...extra.toArray()],
    valid: v.valid && extra.items.length === 0,
  };
}
