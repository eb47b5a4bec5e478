// Pure: what an acknowledgment (TA1, 999, 277CA) does to the batch and claims we sent. No I/O;
// acknowledgments.ts loads the batch and claims, applies the plan and audits it.
import {
  parse277CA,
  parse999,
  parseTA1,
  statusInWords,
  tokenize,
  type ClaimAcknowledgment,
  type ImplementationAck,
  type InterchangeAck,
} from '../../x12/index.ts';
import type { ClaimStatus, SegmentError, TransactionAck } from '../../x12/index.ts';
import { invalid } from '../../shared/problem.ts';
import type { AckReason } from '../ack-tables.ts';
import { ELEMENT_ERRORS, SEGMENT_ERRORS, SET_ERRORS, TA1_NOTES, words } from './codes.ts';

export type AckKind = 'TA1' | '999' | '277CA';

export type ReadAcknowledgment = (
  | { kind: 'TA1'; acks: InterchangeAck[] }
  | { kind: '999'; acks: ImplementationAck[] }
  | { kind: '277CA'; acks: ClaimAcknowledgment[] }
) & {
  /** ISA08: whom the file is addressed to (our submitter id, ISA06 of the batch it answers). */
  receiverId: string;
};

/** A batch as sent: its ISA13, GS06s and each transaction set's ST02 with the claims (CLM01) in it. */
export interface BatchSets {
  batchId: number;
  /** ISA06: our submitter id, the receiver of its acknowledgments. */
  senderId: string;
  interchangeControlNumber: number;
  groups: string[];
  sets: { controlNumber: string; patientControlNumbers: string[] }[];
}

export interface ClaimRef {
  id: number;
  patientControlNumber: string;
  state: string;
}

export type ClaimAckStatus = 'accepted' | 'accepted_with_errors' | 'rejected' | 'received' | 'pending';

export interface ClaimDecision {
  claimId: number;
  status: ClaimAckStatus;
  /** The state the claim moves to, when its state allows it (submitted → accepted/rejected). */
  moveTo?: 'accepted' | 'rejected';
  payerClaimNumber?: string;
  reasons: AckReason[];
}

export interface AckPlan {
  kind: AckKind;
  batchId: number | null;
  /** The batch's new state: acknowledged or rejected (TA1/999). */
  batchState?: 'acknowledged' | 'rejected';
  status: 'accepted' | 'accepted_with_errors' | 'partially_accepted' | 'rejected' | 'unmatched';
  summary: string;
  reasons: AckReason[];
  claims: ClaimDecision[];
  /** Control numbers or patient control numbers it named that match nothing we sent. */
  unmatched: string[];
  detail: unknown;
}

const TRUNCATED = new Set(['X12_BAD_ISA', 'X12_IEA_MISSING', 'X12_GE_MISSING', 'X12_SE_MISSING']);

/** Reads a TA1, 999 or 277CA file; a file that is none, or cut short, is refused whole. */
export function readAcknowledgment(text: string): ReadAcknowledgment {
  const refuse = (detail: string) => invalid([{ pointer: '/text', detail }]);
  if (!text.trimStart().startsWith('ISA')) throw refuse('not an X12 file: it does not start with ISA');
  const { segments } = tokenize(text.slice(0, 64 * 1024));
  const st = segments.find((s) => s.id === 'ST');
  const gs = segments.find((s) => s.id === 'GS');
  let read: Omit<ReadAcknowledgment, 'receiverId'>;
  let problems: { code: string; severity: string; message: string }[];
  if (!st && segments.some((s) => s.id === 'TA1')) {
    const r = parseTA1(text);
    [read, problems] = [{ kind: 'TA1', acks: r.acknowledgments }, r.problems];
  } else if (st?.el[1] === '999') {
    const r = parse999(text);
    [read, problems] = [{ kind: '999', acks: r.acknowledgments }, r.problems];
  } else if (st?.el[1] === '277' && (gs?.el[8] ?? st.el[3] ?? '').includes('X214')) {
    const r = parse277CA(text);
    [read, problems] = [{ kind: '277CA', acks: r.acknowledgments }, r.problems];
  } else
    throw refuse(
      `not an acknowledgment: a ${st?.el[1] ?? 'file without transaction sets'} (TA1, 999 or 277CA expected)`,
    );
  const cut = problems.find((p) => p.severity === 'fatal' || TRUNCATED.has(p.code));
  if (cut) throw refuse(`the ${read.kind} is cut short or damaged, nothing was applied: ${cut.message}`);
  if (read.acks.length === 0) throw refuse(`the ${read.kind} acknowledges nothing`);
  const receiverId = (segments.find((s) => s.id === 'ISA')?.el[8] ?? '').trim();
  return { ...read, receiverId } as ReadAcknowledgment;
}

/** Reads a batch's 837 for its control numbers and which claims each transaction set carries. */
export function batchSetsOf(batchId: number, x12: string): BatchSets {
  const out: BatchSets = { batchId, senderId: '', interchangeControlNumber: 0, groups: [], sets: [] };
  for (const s of tokenize(x12).segments) {
    if (s.id === 'ISA') {
      out.interchangeControlNumber = Number(s.el[13]);
      out.senderId = (s.el[6] ?? '').trim();
    } else if (s.id === 'GS') out.groups.push(String(Number(s.el[6])));
    else if (s.id === 'ST') out.sets.push({ controlNumber: s.el[2] ?? '', patientControlNumbers: [] });
    else if (s.id === 'CLM') out.sets.at(-1)?.patientControlNumbers.push(s.el[1] ?? '');
  }
  return out;
}

const sameNumber = (a: string, b: string | number) => Number(a) === Number(b) && a.trim() !== '';

function move(state: string, to: 'accepted' | 'rejected'): 'accepted' | 'rejected' | undefined {
  // A batched claim answered was sent after all (by hand, or an upload whose success went
  // unrecorded): apply.ts marks its batch sent, making it submitted, before it moves on.
  if (state === 'submitted' || state === 'batched') return to;
  if (state === 'accepted' && to === 'rejected') return to;
  return undefined;
}

/** TA1: the interchange accepted or rejected; a rejected interchange rejects every claim in it. */
export function planTA1(acks: InterchangeAck[], batch: BatchSets | null, claims: ClaimRef[]): AckPlan {
  const ack = acks[0]!;
  const reasons: AckReason[] = acks
    .filter((a) => a.noteCode && a.noteCode !== '000')
    .map((a) => ({
      code: `TA105 ${a.noteCode}`,
      where: 'interchange (ISA/IEA)',
      text: words(TA1_NOTES, a.noteCode, 'note'),
    }));
  if (!batch)
    return {
      kind: 'TA1',
      batchId: null,
      status: 'unmatched',
      summary: `TA1 for interchange ${ack.controlNumber}: no batch we sent has that control number`,
      reasons,
      claims: [],
      unmatched: acks.map((a) => a.controlNumber),
      detail: { acks },
    };
  const rejected = !ack.accepted;
  const status = rejected ? 'rejected' : ack.ackCode === 'E' ? 'accepted_with_errors' : 'accepted';
  return {
    kind: 'TA1',
    batchId: batch.batchId,
    ...(rejected ? { batchState: 'rejected' as const } : {}),
    status,
    summary: rejected
      ? `the clearinghouse rejected the whole batch (interchange ${ack.controlNumber}): ${reasons.map((r) => r.text).join('; ') || 'no reason given'}`
      : `the clearinghouse received the batch (interchange ${ack.controlNumber})${status === 'accepted_with_errors' ? ' with errors' : ''}`,
    reasons,
    claims: rejected
      ? claims.map((c) => {
          const moveTo = move(c.state, 'rejected');
          return { claimId: c.id, status: 'rejected' as const, ...(moveTo ? { moveTo } : {}), reasons };
        })
      : [],
    unmatched: [],
    detail: { acks },
  };
}

function segmentReasons(e: SegmentError): AckReason[] {
  const where = `${e.segmentId} at segment ${e.position}${e.loop ? ` in loop ${e.loop}` : ''}`;
  const out: AckReason[] = [];
  if (e.code !== '8' || e.elementErrors.length === 0)
    out.push({ code: `IK304 ${e.code}`, where, text: words(SEGMENT_ERRORS, e.code, 'segment error') });
  for (const x of e.elementErrors)
    out.push({
      code: `IK403 ${x.code}`,
      where: `${e.segmentId}${String(x.position).padStart(2, '0')}${x.component ? `-${x.component}` : ''} at segment ${e.position}`,
      text: `${words(ELEMENT_ERRORS, x.code, 'element error')}${x.badValue ? ` ("${x.badValue}")` : ''}`,
    });
  return out;
}

function setReasons(t: TransactionAck): AckReason[] {
  return [
    ...t.errorCodes.map((c) => ({ code: `IK502 ${c}`, text: words(SET_ERRORS, c, 'transaction set error') })),
    ...t.segmentErrors.flatMap(segmentReasons),
  ];
}

/**
 * 999: each transaction set accepted, accepted with errors or rejected. A rejected set rejects its
 * claims; errors naming a claim (CTX CLM01) go to that claim, the others to every claim in the set.
 */
export function plan999(acks: ImplementationAck[], batch: BatchSets | null, claims: ClaimRef[]): AckPlan {
  const byPcn = new Map(claims.map((c) => [c.patientControlNumber, c]));
  const decisions: ClaimDecision[] = [];
  const unmatched: string[] = [];
  const reasons: AckReason[] = [];
  const sets: { controlNumber: string; status: string; claims: number }[] = [];
  let accepted = 0;
  let total = 0;
  for (const ack of acks) {
    reasons.push(
      ...ack.groupErrorCodes.map((c) => ({ code: `AK905 ${c}`, text: words(SET_ERRORS, c, 'group error') })),
    );
    for (const t of ack.transactions) {
      total++;
      if (t.accepted) accepted++;
      const sent = batch?.sets.find((s) => sameNumber(t.controlNumber, s.controlNumber));
      const setReason = setReasons(t);
      reasons.push(
        ...setReason.map((r) => ({ ...r, where: `set ${t.controlNumber}${r.where ? `, ${r.where}` : ''}` })),
      );
      if (!sent) {
        unmatched.push(`ST02 ${t.controlNumber}`);
        continue;
      }
      sets.push({
        controlNumber: t.controlNumber,
        status: t.status,
        claims: sent.patientControlNumbers.length,
      });
      const named = new Set(
        t.segmentErrors.flatMap((e) => (e.businessUnit?.name === 'CLM01' ? [e.businessUnit.value] : [])),
      );
      for (const pcn of sent.patientControlNumbers) {
        const c = byPcn.get(pcn);
        if (!c) {
          unmatched.push(`CLM01 ${pcn}`);
          continue;
        }
        const own = t.segmentErrors.filter(
          (e) => !e.businessUnit || e.businessUnit.value === pcn || !named.size,
        );
        const mine = [
          ...t.errorCodes.map((x) => ({
            code: `IK502 ${x}`,
            text: words(SET_ERRORS, x, 'transaction set error'),
          })),
          ...own.flatMap(segmentReasons),
        ];
        if (!t.accepted) {
          const moveTo = move(c.state, 'rejected');
          decisions.push({
            claimId: c.id,
            status: 'rejected',
            ...(moveTo ? { moveTo } : {}),
            reasons: mine.length
              ? mine
              : [{ code: `IK501 ${t.status}`, text: 'the transaction set this claim was in was rejected' }],
          });
        } else if (t.status === 'E' && (named.has(pcn) || (!named.size && mine.length)))
          decisions.push({ claimId: c.id, status: 'accepted_with_errors', reasons: mine });
        else decisions.push({ claimId: c.id, status: 'received', reasons: [] });
      }
    }
  }
  const groupStatus = acks[0]!.groupStatus;
  const status: AckPlan['status'] = !batch
    ? 'unmatched'
    : accepted === 0
      ? 'rejected'
      : accepted < total
        ? 'partially_accepted'
        : groupStatus === 'E' || acks.some((a) => a.transactions.some((t) => t.status === 'E'))
          ? 'accepted_with_errors'
          : 'accepted';
  const rejectedClaims = decisions.filter((d) => d.status === 'rejected').length;
  return {
    kind: '999',
    batchId: batch?.batchId ?? null,
    ...(batch ? { batchState: accepted === 0 ? ('rejected' as const) : ('acknowledged' as const) } : {}),
    status,
    summary: !batch
      ? `999 for group ${acks.map((a) => a.group.controlNumber).join(', ')}: no batch we sent has that group control number`
      : `${accepted} of ${total} transaction sets accepted${rejectedClaims ? `; ${rejectedClaims} claims rejected and back to fix` : ''}`,
    reasons,
    claims: decisions,
    unmatched,
    detail: { groups: acks.map((a) => ({ ...a.group, status: a.groupStatus })), sets },
  };
}

export const statusText = (s: ClaimStatus): string => statusInWords(s);

const statusReason = (s: ClaimStatus): AckReason => ({
  code: `STC ${s.category}:${s.code}${s.entity ? `:${s.entity}` : ''}`,
  text: statusText(s),
});

/** 277CA: each claim (by its patient control number, TRN02) accepted with the payer's claim number, or rejected with why. */
export function plan277CA(acks: ClaimAcknowledgment[], claims: ClaimRef[]): AckPlan {
  const byPcn = new Map(claims.map((c) => [c.patientControlNumber, c]));
  const decisions: ClaimDecision[] = [];
  const unmatched: string[] = [];
  for (const a of acks)
    for (const ca of a.claims) {
      const c = byPcn.get(ca.patientControlNumber);
      if (!c) {
        unmatched.push(ca.patientControlNumber);
        continue;
      }
      const rejected = ca.statuses.some((s) => s.outcome === 'rejected');
      const status: ClaimAckStatus = rejected
        ? 'rejected'
        : ca.accepted
          ? 'accepted'
          : ca.statuses.some((s) => s.outcome === 'pending')
            ? 'pending'
            : 'received';
      const moveTo = status === 'accepted' || status === 'rejected' ? move(c.state, status) : undefined;
      decisions.push({
        claimId: c.id,
        status,
        ...(moveTo ? { moveTo } : {}),
        ...(ca.payerClaimControlNumber ? { payerClaimNumber: ca.payerClaimControlNumber } : {}),
        reasons: ca.statuses.filter((s) => s.outcome !== 'accepted' || rejected).map(statusReason),
      });
    }
  const accepted = decisions.filter((d) => d.status === 'accepted').length;
  const rejected = decisions.filter((d) => d.status === 'rejected').length;
  const status: AckPlan['status'] =
    decisions.length === 0
      ? 'unmatched'
      : rejected === 0
        ? 'accepted'
        : accepted === 0
          ? 'rejected'
          : 'partially_accepted';
  return {
    kind: '277CA',
    batchId: null,
    status,
    summary:
      `${accepted} claims accepted by the payer, ${rejected} rejected` +
      (decisions.length - accepted - rejected
        ? `, ${decisions.length - accepted - rejected} received or pending`
        : '') +
      (unmatched.length ? `; ${unmatched.length} claims not ours (unmatched)` : ''),
    reasons: acks.flatMap((a) =>
      [...a.informationSource.statuses, ...a.receivers.flatMap((r) => r.statuses)]
        .filter((s) => s.outcome === 'rejected')
        .map(statusReason),
    ),
    claims: decisions,
    unmatched,
    detail: { claims: decisions.length },
  };
}
