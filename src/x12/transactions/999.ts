import { all, first, loopsOf, type LoopNode } from '../engine/tree.ts';
import { DEFAULT_DELIMITERS, type Delimiters, type Segment } from '../engine/types.ts';
import { asValidation, type X12Input } from '../engine/validate.ts';
import { components, element as el } from '../engine/values.ts';
import type { X12Problem } from '../problems.ts';
import { set } from './fields.ts';

/** IK4: one element error. */
export interface ElementError {
  position: number;
  component?: number;
  repeat?: number;
  elementReference?: string;
  /** IK403 implementation data element syntax error code. */
  code: string;
  badValue?: string;
}

/** IK3 (+ its IK4s): one segment error. */
export interface SegmentError {
  segmentId: string;
  position: number;
  loop?: string;
  /** IK304 implementation segment syntax error code (8 = has element errors). */
  code: string;
  contexts: string[];
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

function elementError(s: Segment, d: Delimiters): ElementError {
  const [pos, comp, rep] = components(s, 1, d);
  const e: ElementError = { position: Number(pos), code: el(s, 3) };
  if (comp) e.component = Number(comp);
  if (rep) e.repeat = Number(rep);
  set(e, 'elementReference', el(s, 2));
  set(e, 'badValue', el(s, 4));
  return e;
}

function segmentError(l: LoopNode, d: Delimiters): SegmentError {
  const ik3 = l.segments[0] as Segment;
  const e: SegmentError = {
    segmentId: el(ik3, 1),
    position: Number(el(ik3, 2)),
    code: el(ik3, 4),
    contexts: all(l, 'CTX').map((s) => s.el.slice(1).join('*')),
    elementErrors: loopsOf(l, '2110').map((x) => elementError(x.segments[0] as Segment, d)),
  };
  set(e, 'loop', el(ik3, 3));
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

/** Reads 999 implementation acknowledgments (AK1/AK2/IK3/IK4/IK5/AK9). */
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
