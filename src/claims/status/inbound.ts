// A 277 (005010X212) from the inbox: each claim status matched to the inquiry that asked (TRN02,
// else the patient control number), stored on it, shown on the claim's timeline, and put on the
// follow-up queue when it needs action. Applied in the inbox's transaction; a status that matches
// nothing is kept in the outcome, and only a file that cannot be read throws.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../../audit/index.ts';
import type { Executor } from '../../db/connection.ts';
import { openFollowUp, openRejectionDenial } from '../../denials/index.ts';
import { describeLocation, ProblemError } from '../../shared/problem.ts';
import {
  parse277,
  statusInWords,
  validateX12,
  type ClaimStatusReport,
  type StatusDetail,
  type X12Problem,
} from '../../x12/index.ts';
import { isError } from '../batch-check.ts';
import { claimStatusInquiry } from '../status-tables.ts';
import { claim, claimEvent } from '../tables.ts';
import { actionNeeded, todoFor } from './action.ts';

export interface StatusFile {
  id: number;
  practiceId: number;
  name: string;
  content: string;
}

/** One status as stored on the inquiry and shown on the claim (GET /api/claims/:id/status-inquiries). */
export interface StoredStatus {
  categoryCode: string;
  statusCode: string;
  entityCode?: string;
  says: string;
  action?: string;
  amountCents?: number;
  paidCents?: number;
  payerClaimNumber?: string;
  checkNumber?: string;
  paidDate?: string;
  date?: string;
  /** The service line (SVC01) a line-level status is about. */
  line?: string;
}

export function storedStatus(s: StatusDetail, claimLevel: ClaimStatusReport, line?: string): StoredStatus {
  const out: StoredStatus = { categoryCode: s.category, statusCode: s.code, says: statusInWords(s) };
  const todo = todoFor(s.category);
  if (s.entity) out.entityCode = s.entity;
  if (todo) out.action = todo;
  if (s.chargeCents !== undefined) out.amountCents = s.chargeCents;
  if (s.paidCents !== undefined) out.paidCents = s.paidCents;
  if (claimLevel.payerClaimControlNumber) out.payerClaimNumber = claimLevel.payerClaimControlNumber;
  if (s.checkNumber) out.checkNumber = s.checkNumber;
  const paidDate = s.checkDate ?? s.adjudicatedDate;
  if (paidDate) out.paidDate = paidDate;
  if (s.effectiveDate) out.date = s.effectiveDate;
  if (line) out.line = line;
  return out;
}

/** Every status of a claim report: the claim's, then each line's. */
function statusesOf(c: ClaimStatusReport): { stored: StoredStatus[]; all: StatusDetail[] } {
  const stored = c.statuses.map((s) => storedStatus(s, c));
  const all = [...c.statuses];
  for (const l of c.lines) {
    const name = [l.procedure.qualifier, l.procedure.code, ...l.procedure.modifiers].join(':');
    for (const s of l.statuses) stored.push(storedStatus(s, c, name));
    all.push(...l.statuses);
  }
  return { stored, all };
}

/** Where a problem is: "segment 14, loop 2200D, STC02", the segment named when no element is. */
const whereIs = (p: X12Problem): string =>
  `${describeLocation(p) || 'file'}${p.segmentId && !p.element ? ` (${p.segmentId})` : ''}`;

/** Reads the file or throws INVALID saying where it cannot be read (the inbox marks it failed). */
function read277(file: StatusFile) {
  const v = validateX12(file.content);
  const parsed = parse277(v);
  // An envelope or structure error (no loop), or no 277 at all: nothing can be trusted to apply.
  const blocking = parsed.problems.filter(
    (p) => p.severity === 'fatal' || (isError(p) && (!p.loop || parsed.responses.length === 0)),
  );
  if (blocking.length || parsed.responses.length === 0) {
    const errors = blocking.slice(0, 10).map((p) => ({
      pointer: '/content',
      detail: `${whereIs(p)}: ${p.message}`,
    }));
    throw new ProblemError(
      'INVALID',
      `${file.name} is not a readable 277 claim status answer (005010X212): ${
        errors.map((e) => e.detail).join('; ') || 'no 277 transaction set in it'
      }`,
      errors,
    );
  }
  return parsed;
}

type InquiryRow = typeof claimStatusInquiry.$inferSelect;

/** The inquiry a claim status answers: by TRN02, else the latest about the claim its REF*EJ names. */
async function inquiryFor(
  tx: Executor,
  practiceId: number,
  c: ClaimStatusReport,
): Promise<InquiryRow | undefined> {
  const [byTrace] = await tx
    .select()
    .from(claimStatusInquiry)
    .where(
      and(eq(claimStatusInquiry.practiceId, practiceId), eq(claimStatusInquiry.traceNumber, c.traceNumber)),
    );
  if (byTrace) return byTrace;
  if (!c.patientControlNumber) return undefined;
  const [byClaim] = await tx
    .select({ inquiry: claimStatusInquiry })
    .from(claimStatusInquiry)
    .innerJoin(claim, eq(claim.id, claimStatusInquiry.claimId))
    .where(
      and(
        eq(claimStatusInquiry.practiceId, practiceId),
        eq(claim.patientControlNumber, c.patientControlNumber),
      ),
    )
    .orderBy(desc(claimStatusInquiry.askedAt), desc(claimStatusInquiry.id))
    .limit(1);
  return byClaim?.inquiry;
}

export interface ClaimStatusOutcome {
  answered: { inquiryId: number; claimId: number; category: string; followUpId?: number }[];
  /** This file had already answered these inquiries: nothing was changed again. */
  alreadyApplied: number[];
  unmatched: { traceNumber: string; patientControlNumber?: string; says: string[] }[];
  followUpsOpened: number;
  /** Problems in claim loops that did not stop the file from being read. */
  problems: string[];
}

/** Applies a 277 to the practice's inquiries inside the caller's transaction. */
export async function applyClaimStatusIn(
  tx: Executor,
  file: StatusFile,
  actor: AuditActor,
  now: Date,
): Promise<ClaimStatusOutcome> {
  const parsed = read277(file);
  const out: ClaimStatusOutcome = {
    answered: [],
    alreadyApplied: [],
    unmatched: [],
    followUpsOpened: 0,
    problems: parsed.problems.filter(isError).map((p) => `${whereIs(p)}: ${p.message}`),
  };
  for (const response of parsed.responses)
    for (const c of response.claims) {
      const { stored, all } = statusesOf(c);
      const inquiry = await inquiryFor(tx, file.practiceId, c);
      if (!inquiry) {
        out.unmatched.push({
          traceNumber: c.traceNumber,
          ...(c.patientControlNumber ? { patientControlNumber: c.patientControlNumber } : {}),
          says: stored.map((s) => s.says),
        });
        continue;
      }
      if (inquiry.inboundFileId === file.id) {
        out.alreadyApplied.push(inquiry.id);
        continue;
      }
      const category = c.statuses[0]?.category ?? all[0]?.category ?? null;
      await tx
        .update(claimStatusInquiry)
        .set({ state: 'answered', statuses: stored, category, answeredAt: now, inboundFileId: file.id })
        .where(eq(claimStatusInquiry.id, inquiry.id));
      const [row] = await tx.select({ state: claim.state }).from(claim).where(eq(claim.id, inquiry.claimId));
      // The timeline shows the answer; the claim's state is the 835's to change, not the 277's.
      await tx.insert(claimEvent).values({
        claimId: inquiry.claimId,
        at: now,
        userId: actor.userId,
        fromState: row!.state,
        toState: row!.state,
        reason: `claim status (277): ${stored
          .filter((s) => !s.line)
          .map((s) => s.says)
          .join('; ')}`,
        detail: {
          kind: 'claim-status',
          inquiryId: inquiry.id,
          traceNumber: inquiry.traceNumber,
          inboundFileId: file.id,
          statuses: stored,
        },
      });
      await recordAudit(tx, actor, {
        practiceId: file.practiceId,
        action: 'update',
        entity: 'claim_status_inquiry',
        entityId: inquiry.id,
        before: { state: inquiry.state },
        after: { state: 'answered', category },
        detail: { claimId: inquiry.claimId, inboundFileId: file.id, fileName: file.name },
      });
      const answered: ClaimStatusOutcome['answered'][number] = {
        inquiryId: inquiry.id,
        claimId: inquiry.claimId,
        category: category ?? '',
      };
      const action = actionNeeded(all);
      if (action) {
        const item = await openFollowUp(
          tx,
          {
            practiceId: file.practiceId,
            claimId: inquiry.claimId,
            queue: 'claim-status',
            ...action,
            source: { inquiryId: inquiry.id, inboundFileId: file.id, traceNumber: inquiry.traceNumber },
          },
          actor,
        );
        answered.followUpId = item.id;
        if (item.opened) out.followUpsOpened += 1;
        // A denial or front-end rejection is also a denial to work (categorised, with its next step).
        if (/^(F2|A[3678]):/.test(action.reasonCode))
          await openRejectionDenial(
            tx,
            {
              practiceId: file.practiceId,
              claimId: inquiry.claimId,
              source: '277',
              statusCode: action.reasonCode,
              text: action.reason,
              rejectedOn: now.toISOString().slice(0, 10),
            },
            actor,
          );
      }
      out.answered.push(answered);
    }
  return out;
}

/** The outcome in a biller's words, for the inbox. */
export function describeClaimStatusOutcome(o: ClaimStatusOutcome): string {
  const parts = [`${o.answered.length} claim status${o.answered.length === 1 ? '' : 'es'} applied`];
  if (o.followUpsOpened) parts.push(`${o.followUpsOpened} put on the follow-up queue`);
  if (o.alreadyApplied.length) parts.push(`${o.alreadyApplied.length} already applied from this file`);
  if (o.unmatched.length)
    parts.push(
      `${o.unmatched.length} matched no inquiry of ours (${o.unmatched
        .slice(0, 5)
        .map((u) => u.patientControlNumber ?? u.traceNumber)
        .join(', ')})`,
    );
  return `277: ${parts.join(', ')}`;
}

/** The inbox handler for 277 (X212) files (the clearinghouse registers it under '277'). */
export async function claimStatusInboundHandler(
  tx: Executor,
  file: StatusFile & { transactionType?: string | null; guide?: string | null },
  actor: AuditActor,
): Promise<{ outcome: string; result: ClaimStatusOutcome }> {
  const result = await applyClaimStatusIn(tx, file, actor, new Date());
  return { outcome: describeClaimStatusOutcome(result), result };
}

/** A claim's inquiries, newest first, with their answers: the claim page's status card. */
export async function statusInquiriesOf(db: Executor, claimId: number) {
  const rows = await db
    .select()
    .from(claimStatusInquiry)
    .where(inArray(claimStatusInquiry.claimId, [claimId]))
    .orderBy(desc(claimStatusInquiry.askedAt), desc(claimStatusInquiry.id));
  return rows.map((r) => ({
    id: r.id,
    askedAt: r.askedAt,
    state: r.state,
    answeredAt: r.answeredAt,
    category: r.category,
    traceNumber: r.traceNumber,
    batchId: r.batchId,
    statuses: (r.statuses as StoredStatus[] | null) ?? [],
  }));
}
