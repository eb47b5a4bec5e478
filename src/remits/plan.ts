// What posting one 835 claim payment (loop 2100) does to the ledger, worked out without the
// database: ledger entry intents per the ledger's contract, the denials to open, and the claim's
// payment status. The caller posts them in one transaction (src/remits posting, src/ledger).
import type { Adjustment, ClaimPayment, ServicePayment } from '../x12/index.ts';
import { balanceClaim, sumCents } from './balance.ts';
import type { CandidateClaim, CandidateLine, ClaimMatch } from './match.ts';
import { remitProblem, type RemitProblem } from './problems.ts';
import { allocate } from './allocate.ts';
import { formatUsd } from '../shared/money.ts';

export type EntryKind =
  | 'insurance_payment'
  | 'contractual_adjustment'
  | 'other_adjustment'
  | 'patient_responsibility'
  | 'payer_adjustment';
export type GroupCode = 'CO' | 'PR' | 'OA' | 'PI' | 'CR';

/** A new ledger entry (the ledger's NewLedgerEntry, the kinds a remittance posts). */
export interface PlannedEntry {
  practiceId: number;
  patientId?: number | null;
  encounterId?: number | null;
  serviceLineId?: number | null;
  claimId?: number | null;
  payerId?: number | null;
  account: 'insurance' | 'patient' | 'payer';
  kind: EntryKind;
  amountCents: number;
  reversesEntryId?: number | null;
  effectiveDate: string;
  sourceType: 'remittance';
  sourceId: string;
  groupCode?: GroupCode | null;
  reasonCode?: string | null;
  remarkCodes?: string[] | null;
  memo?: string | null;
}

/** An entry posted earlier for the claim, as a reversal needs it. */
export interface PostedRemitEntry {
  id: number;
  serviceLineId: number | null;
  account: PlannedEntry['account'];
  kind: EntryKind | string;
  amountCents: number;
  groupCode?: string | null;
  reasonCode?: string | null;
  remarkCodes?: string[] | null;
  /** Set on a reversal; an entry already reversed is not reversed twice. */
  reversesEntryId?: number | null;
}

export interface ClaimContext {
  practiceId: number;
  patientId: number;
  encounterId?: number | null;
  claimId: number;
  payerId?: number | null;
  /** The check or EFT date (BPR16), or the day it is posted: the caller decides. */
  effectiveDate: string;
  /** The stored remittance claim the entries come from. */
  sourceId: string;
}

export interface DenialIntent {
  serviceLineId: number;
  claimLineId: number;
  groupCode: string;
  reasonCode: string;
  remarkCodes: string[];
  /** The amount the denying adjustment took (cents). */
  deniedCents: number;
}

export type ClaimPaymentStatus = 'paid' | 'partially_paid' | 'denied' | 'reversed';

export interface PostingPlan {
  status: ClaimPaymentStatus;
  entries: PlannedEntry[];
  denials: DenialIntent[];
  /** Balancing failures, a reversal that does not match what was posted, lines without a home. */
  problems: RemitProblem[];
}

/** CAS group → entry kind (X221A1 CAS01; CARC by group in the 835 claim adjustment codes). */
export const KIND_OF_GROUP: Record<string, EntryKind> = {
  CO: 'contractual_adjustment',
  PR: 'patient_responsibility',
  OA: 'other_adjustment',
  PI: 'other_adjustment',
  CR: 'other_adjustment',
};

/**
 * CARCs that never deny a line by themselves: 45, the charge above the allowed amount (a line paid 0
 * because all of the allowed went to the deductible carries CO-45 beside its PR-1, and is paid, not
 * denied). CO-97 does deny: a line paid 0 as included in another service is money lost unless the
 * biller shows it was distinct (modifier 59/XU, records), so it opens a bundling denial to review.
 */
const NOT_DENYING_CARCS = new Set(['45']);

const isDenying = (a: Adjustment) =>
  a.group !== 'PR' && a.amountCents > 0 && !NOT_DENYING_CARCS.has(a.reason);

/** The adjustment that denies a line paid 0: the largest that is not the patient's share. */
function denyingAdjustment(adjustments: readonly Adjustment[]): Adjustment | undefined {
  return adjustments.filter(isDenying).sort((a, b) => b.amountCents - a.amountCents)[0];
}

/** Remark codes at claim level: MOA (outpatient) and MIA (inpatient). */
const claimRemarks = (c: ClaimPayment): string[] => [
  ...(c.outpatient?.remarkCodes ?? []),
  ...(c.inpatient?.remarkCodes ?? []),
];
const lineRemarks = (s: ServicePayment): string[] =>
  s.remarks.filter((r) => r.qualifier === 'HE').map((r) => r.code);

/**
 * X221A1 CLP02: 22 reversal, 4 denied; otherwise paid, or partly paid when some lines were denied
 * (paid 0 with a CARC that is not the patient's share) or nothing was paid and nothing is owed by the
 * patient (denied).
 */
export function claimStatusOf(c: ClaimPayment): ClaimPaymentStatus {
  if (c.status === '22') return 'reversed';
  if (c.status === '4') return 'denied';
  const patientShare = sumCents(
    [...c.adjustments, ...c.serviceLines.flatMap((l) => l.adjustments)].filter((a) => a.group === 'PR'),
  );
  if (c.paidCents === 0 && patientShare === 0) return 'denied';
  const denied = c.serviceLines.filter((l) => l.paidCents === 0 && denyingAdjustment(l.adjustments));
  return denied.length > 0 ? 'partially_paid' : 'paid';
}

interface Piece {
  kind: EntryKind;
  amountCents: number;
  groupCode?: GroupCode;
  reasonCode?: string;
}

const piecesOf = (paidCents: number, adjustments: readonly Adjustment[]): Piece[] => [
  ...(paidCents !== 0 ? [{ kind: 'insurance_payment' as const, amountCents: paidCents }] : []),
  ...adjustments
    .filter((a) => a.amountCents !== 0)
    .map((a) => ({
      kind: KIND_OF_GROUP[a.group] ?? 'other_adjustment',
      amountCents: a.amountCents,
      groupCode: (a.group in KIND_OF_GROUP ? a.group : 'OA') as GroupCode,
      reasonCode: a.reason,
    })),
];

type EntryBase = Pick<
  PlannedEntry,
  | 'practiceId'
  | 'patientId'
  | 'encounterId'
  | 'claimId'
  | 'payerId'
  | 'effectiveDate'
  | 'sourceType'
  | 'sourceId'
>;

/**
 * Every entry with the same fields in the same order, absent ones null: an 835 chunk makes
 * thousands, and entries of one shape are read by the ledger's checks and insert at full speed
 * (objects spread with optional fields took a tenth of posting's CPU).
 */
const plannedEntry = (
  base: EntryBase,
  serviceLineId: number | null,
  p: Piece & { account?: PlannedEntry['account'] },
  remarkCodes: string[] | null,
  reversesEntryId: number | null,
): PlannedEntry => ({
  practiceId: base.practiceId,
  patientId: base.patientId ?? null,
  encounterId: base.encounterId ?? null,
  serviceLineId,
  claimId: base.claimId ?? null,
  payerId: base.payerId ?? null,
  account: p.account ?? (p.kind === 'patient_responsibility' ? 'patient' : 'insurance'),
  kind: p.kind,
  amountCents: p.amountCents,
  reversesEntryId,
  effectiveDate: base.effectiveDate,
  sourceType: base.sourceType,
  sourceId: base.sourceId,
  groupCode: p.groupCode ?? null,
  reasonCode: p.reasonCode ?? null,
  remarkCodes,
  memo: null,
});

/**
 * The entries, denials and status for one matched claim payment. Each SVC posts against the
 * service line it matched: SVC03 as insurance_payment, each CAS by its group (CO contractual, PR
 * patient responsibility with its CARC: 1 deductible, 2 coinsurance, 3 copay; OA, PI and CR other
 * adjustments). Claim-level amounts (a claim paid without lines, or claim CAS) are spread over the
 * claim's lines in proportion to their charges, to the cent. A reversal (CLP02 22) negates the
 * entries posted earlier for the claim (`previous`), naming each one it reverses.
 */
export function planClaimPosting(
  payment: ClaimPayment,
  match: ClaimMatch & { claim: CandidateClaim },
  ctx: ClaimContext,
  opts: { previous?: readonly PostedRemitEntry[]; transaction?: string } = {},
): PostingPlan {
  const where = {
    transaction: opts.transaction ?? '',
    patientControlNumber: payment.patientControlNumber,
    ...(payment.segmentNumber !== undefined ? { segmentNumber: payment.segmentNumber } : {}),
  };
  const problems: RemitProblem[] = [...balanceClaim(payment, where.transaction, 1).problems];
  const status = claimStatusOf(payment);
  const base: EntryBase = {
    practiceId: ctx.practiceId,
    patientId: ctx.patientId,
    encounterId: ctx.encounterId ?? null,
    claimId: ctx.claimId,
    payerId: ctx.payerId ?? null,
    effectiveDate: ctx.effectiveDate,
    sourceType: 'remittance' as const,
    sourceId: ctx.sourceId,
  };
  const entry = (line: CandidateLine, p: Piece, remarks: string[]): PlannedEntry =>
    plannedEntry(base, line.serviceLineId, p, remarks.length ? remarks : null, null);

  if (status === 'reversed' && opts.previous?.length) {
    return { status, denials: [], ...reverse(payment, opts.previous, base, problems, where) };
  }
  if (status === 'reversed')
    problems.push(
      remitProblem(
        'REMIT_NOTHING_TO_REVERSE',
        `Claim ${payment.patientControlNumber} is a reversal (CLP02 22) but nothing was posted for it before; its negative amounts are posted as they stand.`,
        where,
      ),
    );

  const entries: PlannedEntry[] = [];
  const denials: DenialIntent[] = [];
  const remarksOfClaim = claimRemarks(payment);
  for (const m of match.lines) {
    const remarks = [...remarksOfClaim, ...lineRemarks(m.payment)];
    for (const p of piecesOf(m.payment.paidCents, m.payment.adjustments))
      entries.push(entry(m.line, p, remarks));
  }
  // Denials: a line paid 0 in all its SVCs with a CARC that is not the patient's share.
  const byLine = new Map<CandidateLine, ServicePayment[]>();
  for (const m of match.lines) byLine.set(m.line, [...(byLine.get(m.line) ?? []), m.payment]);
  for (const [line, svcs] of byLine) {
    if (sumCents(svcs.map((s) => ({ amountCents: s.paidCents }))) !== 0) continue;
    const denying = denyingAdjustment(svcs.flatMap((s) => s.adjustments));
    if (denying) denials.push(denial(line, denying, [...remarksOfClaim, ...svcs.flatMap(lineRemarks)]));
  }

  // Claim-level money: CLP04 when no SVC came back, and claim CAS, spread over our lines by charge.
  const claimPieces = piecesOf(
    payment.serviceLines.length === 0 ? payment.paidCents : 0,
    payment.adjustments,
  );
  if (claimPieces.length > 0) {
    const targets = payment.serviceLines.length === 0 ? [...match.claim.lines] : [...byLine.keys()];
    if (targets.length === 0)
      problems.push(
        remitProblem(
          'REMIT_NO_SERVICE_LINE',
          `Claim ${payment.patientControlNumber}: ${claimPieces.length} claim-level amounts have no service line of ours to be posted against.`,
          where,
        ),
      );
    else {
      const shares = allocate(
        claimPieces.map((p) => p.amountCents),
        targets.map((l) => l.chargeCents),
        payment.serviceLines.length === 0 ? payment.chargeCents : undefined,
      );
      claimPieces.forEach((p, k) =>
        targets.forEach((line, i) => {
          const amountCents = shares[k]?.[i] ?? 0;
          if (amountCents !== 0) entries.push(entry(line, { ...p, amountCents }, remarksOfClaim));
        }),
      );
      if (payment.serviceLines.length === 0 && (status === 'denied' || payment.paidCents === 0)) {
        const denying = denyingAdjustment(payment.adjustments);
        if (denying) for (const line of targets) denials.push(denial(line, denying, remarksOfClaim));
      }
    }
  }
  return { status, entries, denials, problems };
}

function denial(line: CandidateLine, a: Adjustment, remarks: string[]): DenialIntent {
  return {
    serviceLineId: line.serviceLineId,
    claimLineId: line.id,
    groupCode: a.group,
    reasonCode: a.reason,
    remarkCodes: [...new Set(remarks)],
    deniedCents: a.amountCents,
  };
}

/**
 * CLP02 22: the payer takes back what it paid. Each entry posted earlier from remittances for the
 * claim, not itself a reversal and not yet reversed, gets its negation; the 835's own figures must
 * add up to the same (−CLP04 paid, −(CLP03 − CLP04) adjusted), else the poster is told.
 */
function reverse(
  payment: ClaimPayment,
  previous: readonly PostedRemitEntry[],
  base: EntryBase,
  problems: RemitProblem[],
  where: { transaction: string; patientControlNumber: string },
): Pick<PostingPlan, 'entries' | 'problems'> {
  const reversed = new Set(previous.map((e) => e.reversesEntryId).filter((id) => id != null));
  const open = previous.filter(
    (e) => e.reversesEntryId == null && !reversed.has(e.id) && e.kind !== 'payer_adjustment',
  );
  const entries: PlannedEntry[] = open.map((e) =>
    plannedEntry(
      base,
      e.serviceLineId,
      {
        account: e.account,
        kind: e.kind as EntryKind,
        amountCents: -e.amountCents,
        ...(e.groupCode ? { groupCode: e.groupCode as GroupCode } : {}),
        ...(e.reasonCode ? { reasonCode: e.reasonCode } : {}),
      },
      e.remarkCodes?.length ? [...e.remarkCodes] : null,
      e.id,
    ),
  );
  const paid = sumCents(open.filter((e) => e.kind === 'insurance_payment'));
  const all = sumCents(open);
  if (paid !== -payment.paidCents || all !== -payment.chargeCents)
    problems.push(
      remitProblem(
        'REMIT_REVERSAL_MISMATCH',
        `Claim ${payment.patientControlNumber}: the reversal takes back ${formatUsd(-payment.paidCents)} paid of ${formatUsd(-payment.chargeCents)}, but ${formatUsd(paid)} paid of ${formatUsd(all)} was posted.`,
        {
          ...where,
          segmentId: 'CLP',
          element: 'CLP04',
          loop: '2100',
          expectedCents: paid,
          foundCents: -payment.paidCents,
        },
      ),
    );
  return { entries, problems };
}
