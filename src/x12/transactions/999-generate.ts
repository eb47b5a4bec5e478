import type { Delimiters } from '../engine/types.ts';
import { writeInterchange, type ControlNumberSource, type SegmentFields } from '../engine/writer.ts';
import { asValidation, type TransactionResult, type X12Input } from '../engine/validate.ts';
import type { X12Problem } from '../problems.ts';

export interface Generate999Options {
  numbers: ControlNumberSource;
  /** CCYYMMDD and HHMM of creation (passed in; the core reads no clock). */
  date: string;
  time: string;
  delimiters?: Delimiters;
  lineBreaks?: boolean;
}

/** IK5 transaction-set syntax codes fed by envelope problems (X231A1 IK502). */
const IK5_CODES: Partial<Record<X12Problem['code'], string>> = {
  X12_SE_MISSING: '2',
  X12_ST_SE_MISMATCH: '3',
  X12_SE_COUNT: '4',
};

/** "CLM05-1" → ["5", "1"]: IK401 position in segment (C030). */
function position(element: string | undefined): string[] {
  const m = /^[A-Z][A-Z0-9]{1,2}?(\d{2})(?:-(\d+))?$/.exec(element ?? '');
  if (!m) return ['1'];
  return m[2] ? [String(Number(m[1])), m[2]] : [String(Number(m[1]))];
}

/** IK303 is AN 1/4: the loop number without its letter suffix (2010AA → 2010). */
const loopId = (loop: string | undefined): string =>
  /^\d{4}/.test(loop ?? '') ? (loop as string).slice(0, 4) : '';

/**
 * X231A1 CTX Segment Context (2100) / Element Context (2110): CTX01 SITUATIONAL TRIGGER, CTX02 the
 * trigger's segment id, CTX03 its position in the set, CTX04 its loop, CTX05 the element position.
 */
const triggerContext = (t: NonNullable<X12Problem['trigger']>): SegmentFields => [
  'CTX',
  ['SITUATIONAL TRIGGER'],
  t.segmentId,
  String(t.positionInSet),
  loopId(t.loop),
  t.element ? position(t.element) : '',
];

/** X231A1 2100 CTX Business Unit Identifier: CTX01-1 context name (CLM01), CTX01-2 its value (AN 1/35). */
const businessUnitContext = (b: NonNullable<X12Problem['businessUnit']>): SegmentFields => [
  'CTX',
  [b.name, b.value.slice(0, 35)],
];

/** The 2100 CTX segments of one IK3: segment contexts of situational rules, then the business unit. */
function contexts(list: readonly X12Problem[]): SegmentFields[] {
  const out: SegmentFields[] = [];
  const seen = new Set<string>();
  for (const p of list) {
    if (!p.trigger || p.ik4) continue;
    const key = `${p.trigger.positionInSet}|${p.trigger.element ?? ''}`;
    if (!seen.has(key) && seen.size < 9) out.push(triggerContext(p.trigger));
    seen.add(key);
  }
  const unit = list.find((p) => p.businessUnit?.value)?.businessUnit;
  if (unit) out.push(businessUnitContext(unit));
  return out;
}

function segmentErrors(problems: X12Problem[]): SegmentFields[] {
  const out: SegmentFields[] = [];
  const bySegment = new Map<string, X12Problem[]>();
  for (const p of problems) {
    if (!(p.ik3 || p.ik4) || p.positionInSet === undefined) continue;
    const key = `${p.positionInSet}|${p.segmentId ?? ''}|${p.ik3 ? p.ik3 + p.code : ''}`;
    bySegment.set(key, [...(bySegment.get(key) ?? []), p]);
  }
  for (const list of bySegment.values()) {
    const p0 = list[0] as X12Problem;
    const elementProblems = list.filter((p) => p.ik4);
    const code = p0.ik3 ?? '8';
    out.push(['IK3', p0.segmentId ?? '', String(p0.positionInSet), loopId(p0.loop), code]);
    out.push(...contexts(list));
    for (const e of elementProblems) {
      out.push(['IK4', position(e.element), '', e.ik4 ?? '', e.value ?? '']);
      if (e.trigger) out.push(triggerContext(e.trigger));
    }
  }
  return out;
}

function transactionResponse(
  t: TransactionResult,
  envelope: X12Problem[],
): { body: SegmentFields[]; accepted: boolean } {
  const mine = envelope.filter((p) => p.transaction === t.tx.controlNumber);
  const problems = [...mine, ...t.problems].filter((p) => p.severity === 'error' || p.severity === 'fatal');
  const body: SegmentFields[] = [['AK2', t.tx.setId, t.tx.controlNumber, t.tx.implementationRef]];
  const segs = segmentErrors(problems);
  body.push(...segs);
  const ik5 = [...new Set(mine.map((p) => IK5_CODES[p.code]).filter((c): c is string => !!c))];
  if (segs.length > 0) ik5.push('5');
  const accepted = problems.length === 0;
  body.push(['IK5', accepted ? 'A' : 'R', ...ik5.slice(0, 5)]);
  return { body, accepted };
}

/**
 * Builds the 999 implementation acknowledgment for a received interchange (one AK1 per functional
 * group, one AK2/IK5 per transaction set, IK3/IK4 for every segment and element problem found, with
 * CTX naming the claim (CLM01) an error is in and the trigger of a situational rule).
 */
export async function generate999(input: X12Input, opts: Generate999Options): Promise<string> {
  const v = asValidation(input);
  const groups = [];
  let txIndex = 0;
  let isaSender = 'UNKNOWN';
  let isaReceiver = 'UNKNOWN';
  for (const ic of v.document.interchanges) {
    if (ic.isa) {
      isaSender = (ic.isa.el[8] ?? '').trim() || isaSender;
      isaReceiver = (ic.isa.el[6] ?? '').trim() || isaReceiver;
    }
    for (const g of ic.groups) {
      const body: SegmentFields[] = [['AK1', g.gs?.el[1] ?? '', g.gs?.el[6] ?? '', g.gs?.el[8] ?? '']];
      let accepted = 0;
      for (const _tx of g.transactions) {
        const t = v.transactions[txIndex++] as TransactionResult;
        const r = transactionResponse(t, v.document.problems);
        body.push(...r.body);
        if (r.accepted) accepted++;
      }
      const n = g.transactions.length;
      const status = accepted === n ? 'A' : accepted === 0 ? 'R' : 'P';
      const groupCodes = v.document.problems
        .filter((p) => g.ge && p.segmentNumber === g.ge.n)
        .map((p) => (p.code === 'X12_GE_COUNT' ? '5' : p.code === 'X12_GS_GE_MISMATCH' ? '4' : ''))
        .filter((c) => c);
      body.push(['AK9', status, String(n), String(n), String(accepted), ...groupCodes]);
      groups.push({
        functionalId: 'FA',
        guide: '005010X231A1',
        transactions: [{ setId: '999', guide: '005010X231A1', body }],
      });
    }
  }
  return writeInterchange(
    groups,
    {
      senderId: isaSender,
      receiverId: isaReceiver,
      date: opts.date,
      time: opts.time,
      delimiters: opts.delimiters,
      lineBreaks: opts.lineBreaks,
    },
    opts.numbers,
  );
}
