import { all, first, loopsOf, type LoopNode } from '../engine/tree.ts';
import { DEFAULT_DELIMITERS, type Delimiters, type Segment } from '../engine/types.ts';
import { asValidation, type X12Input } from '../engine/validate.ts';
import { components, element as el } from '../engine/values.ts';
import type { X12Problem } from '../problems.ts';
import { set } from './fields.ts';

/**
 * CTX Segment Context (2100) / Element Context (2110), CTX01-1 SITUATIONAL TRIGGER: the segment (and
 * element) whose value made the segment or element in error required or not used.
 */
export interface SituationalTrigger {
  /** CTX02 Segment ID Code. */
  segmentId: string;
  /** CTX03 Segment Position in Transaction Set. */
  position: number;
  /** CTX04 Loop Identifier Code. */
  loop?: string;
  /** CTX05 Position in Segment: element, component and repetition positions. */
  element?: number;
  component?: number;
  repeat?: number;
}

/** CTX Business Unit Identifier (2100): CTX01-1 name (CLM01, TRN02, NM109…) and CTX01-2 value. */
export interface BusinessUnit {
  name: string;
  /** For 837s (CLM01) the patient control number of the claim the error is in. */
  value: string;
}

/** IK4: one element error. */
export interface ElementError {
  position: number;
  component?: number;
  repeat?: number;
  elementReference?: string;
  /** IK403 implementation data element syntax error code. */
  code: string;
  badValue?: string;
  /** CTX Element Context. */
  triggers?: SituationalTrigger[];
}

/** IK3 (+ its IK4s): one segment error. */
export interface SegmentError {
  segmentId: string;
  position: number;
  loop?: string;
  /** IK304 implementation segment syntax error code (8 = has element errors). */
  code: string;
  /** CTX Segment Context: the triggers of the situational rules this error breaks. */
  triggers: SituationalTrigger[];
  /** CTX Business Unit Identifier: which claim (or other unit) the error is in. */
  businessUnit?: BusinessUnit;
  elementErrors: ElementError[];
}

/** AK2/IK5: the verdict on one transaction set. */
export interface TransactionAck {
  setId: string;
  controlNumber: string;
  implementationRef?: string;
  /** IK501: A accepted, E accepted with errors, R rejected, M/W/X rejected (security/MAC). */
  status: string;
  accepted: boolean;
  errorCodes: string[];
  segmentErrors: SegmentError[];
}

export interface ImplementationAck {
  controlNumber: string;
  /** AK1: the functional group acknowledged. */
  group: { functionalId: string; controlNumber: string; version?: string };
  transactions: TransactionAck[];
  /** AK901: A, E, P partially accepted, R rejected. */
  groupStatus: string;
  included: number;
  received: number;
  acceptedCount: number;
  groupErrorCodes: string[];
}

export interface Parse999Result {
  acknowledgments: ImplementationAck[];
  problems: X12Problem[];
  valid: boolean;
}

const codes = (s: Segment | undefined, from: number, to: number): string[] => {
  const out: string[] = [];
  for (let i = from; s && i <= to; i++) if (el(s, i)) out.push(el(s, i));
  return out;
};

/** CTX01 (C998, repeatable): the first repetition's context name and reference. */
function contextName(s: Segment, d: Delimiters): [string, string] {
  const first = d.repetition ? (el(s, 1).split(d.repetition)[0] ?? '') : el(s, 1);
  const [name = '', ref = ''] = first.split(d.component);
  return [name, ref];
}

const isTrigger = (s: Segment, d: Delimiters): boolean => contextName(s, d)[0] === 'SITUATIONAL TRIGGER';

function trigger(s: Segment, d: Delimiters): SituationalTrigger {
  const t: SituationalTrigger = { segmentId: el(s, 2), position: Number(el(s, 3)) };
  set(t, 'loop', el(s, 4));
  const [pos, comp, rep] = components(s, 5, d);
  if (pos) t.element = Number(pos);
  if (comp) t.component = Number(comp);
  if (rep) t.repeat = Number(rep);
  return t;
}

function elementError(l: LoopNode, d: Delimiters): ElementError {
  const s = l.segments[0] as Segment;
  const [pos, comp, rep] = components(s, 1, d);
  const e: ElementError = { position: Number(pos), code: el(s, 3) };
  if (comp) e.component = Number(comp);
  if (rep) e.repeat = Number(rep);
  set(e, 'elementReference', el(s, 2));
  set(e, 'badValue', el(s, 4));
  set(
    e,
    'triggers',
    all(l, 'CTX').map((c) => trigger(c, d)),
  );
  return e;
}

function segmentError(l: LoopNode, d: Delimiters): SegmentError {
  const ik3 = l.segments[0] as Segment;
  const ctx = all(l, 'CTX');
  const e: SegmentError = {
    segmentId: el(ik3, 1),
    position: Number(el(ik3, 2)),
    code: el(ik3, 4),
    triggers: ctx.filter((s) => isTrigger(s, d)).map((s) => trigger(s, d)),
    elementErrors: loopsOf(l, '2110').map((x) => elementError(x, d)),
  };
  set(e, 'loop', el(ik3, 3));
  const unit = ctx.find((s) => !isTrigger(s, d));
  if (unit) {
    const [name, value] = contextName(unit, d);
    e.businessUnit = { name, value };
  }
  return e;
}

function transactionAck(l: LoopNode, d: Delimiters): TransactionAck {
  const ak2 = l.segments[0] as Segment;
  const ik5 = first(l, 'IK5');
  const status = ik5 ? el(ik5, 1) : '';
  const t: TransactionAck = {
    setId: el(ak2, 1),
    controlNumber: el(ak2, 2),
    status,
    accepted: status === 'A' || status === 'E',
    errorCodes: codes(ik5, 2, 6),
    segmentErrors: loopsOf(l, '2100').map((x) => segmentError(x, d)),
  };
  set(t, 'implementationRef', el(ak2, 3));
  return t;
}

/** Reads 999 implementation acknowledgments (AK1/AK2/IK3/CTX/IK4/CTX/IK5/AK9). */
export function parse999(input: X12Input): Parse999Result {
  const v = asValidation(input);
  const d = v.document.delimiters ?? DEFAULT_DELIMITERS;
  const acknowledgments: ImplementationAck[] = [];
  for (const t of v.transactions) {
    if (t.tx.setId !== '999' || !t.tree) continue;
    const ak1 = first(t.tree, 'AK1');
    const ak9 = first(t.tree, 'AK9');
    const group: ImplementationAck['group'] = {
      functionalId: ak1 ? el(ak1, 1) : '',
      controlNumber: ak1 ? el(ak1, 2) : '',
    };
    if (ak1) set(group, 'version', el(ak1, 3));
    acknowledgments.push({
      controlNumber: t.tx.controlNumber,
      group,
      transactions: loopsOf(t.tree, '2000').map((x) => transactionAck(x, d)),
      groupStatus: ak9 ? el(ak9, 1) : '',
      included: ak9 ? Number(el(ak9, 2)) : 0,
      received: ak9 ? Number(el(ak9, 3)) : 0,
      acceptedCount: ak9 ? Number(el(ak9, 4)) : 0,
      groupErrorCodes: codes(ak9, 5, 9),
    });
  }
  return { acknowledgments, problems: v.problems, valid: v.valid };
}
