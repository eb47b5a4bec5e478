// The sandbox payer answering 276s with 277s from what it has done: claims rejected up front (the
// 277CA status again), accepted and waiting for adjudication (P1), adjudicated (F1 paid with the check,
// F2 denied, F4 no payment), or never received (A4 not found). Pure; every 277 is checked by our own
// validator before it is returned (write277).
import {
  parse276,
  validateX12,
  write277,
  type ClaimInquiry,
  type ClaimPayment,
  type ClaimStatusRequest,
  type ClaimStatusResponse,
  type DatePeriod,
  type ProfessionalClaim,
  type StatusDetail,
  type StatusToWrite,
} from '../x12/index.ts';
import { answerNumbers, answerStamp } from './answer-envelope.ts';
import type { SandboxContext, SandboxState } from './respond.ts';

/** What the sandbox remembers of one claim it received (SandboxState.claims). */
export interface ClaimHistory {
  patientControlNumber: string;
  payerClaimControlNumber: string;
  memberId: string;
  chargeCents: number;
  serviceDate?: DatePeriod;
  receivedOn: string;
  /** The 277CA status that rejected it up front. */
  rejection?: StatusToWrite;
  adjudicated?: { on: string; claimStatus: string; paidCents: number; checkNumber: string };
}

type WithHistory = SandboxState & { claims?: ClaimHistory[] };

/** The history list of a state (made on first use, so state files written before it load). */
const historyOf = (state: SandboxState): ClaimHistory[] => ((state as WithHistory).claims ??= []);

/** Records a claim the sandbox received (call from receive837 on the new state). */
export function noteReceived(
  state: SandboxState,
  c: ProfessionalClaim,
  outcome: { payerClaimControlNumber: string; rejection?: StatusToWrite },
  today: string,
): void {
  const dates = c.claim.serviceLines
    .map((l) => l.serviceDate.from)
    .filter(Boolean)
    .sort();
  const h: ClaimHistory = {
    patientControlNumber: c.claim.patientControlNumber,
    payerClaimControlNumber: outcome.payerClaimControlNumber,
    memberId: c.subscriber.id ?? '',
    chargeCents: c.claim.totalChargeCents,
    receivedOn: today,
  };
  const from = dates[0];
  const to = dates.at(-1);
  if (from) h.serviceDate = to && to !== from ? { from, to } : { from };
  if (outcome.rejection) h.rejection = outcome.rejection;
  historyOf(state).push(h);
}

/** Records an adjudication (call from adjudicateDue with the 835's claim payment and check number). */
export function noteAdjudicated(
  state: SandboxState,
  payerClaimControlNumber: string,
  payment: ClaimPayment,
  checkNumber: string,
  today: string,
): void {
  const h = historyOf(state).find((x) => x.payerClaimControlNumber === payerClaimControlNumber);
  if (h)
    h.adjudicated = { on: today, claimStatus: payment.status, paidCents: payment.paidCents, checkNumber };
}

const at = (today: string) => ({ effectiveDate: today, additional: [] });

/** The statuses of one claim asked about, from the history and the pending queue. */
export function statusesOf(
  q: ClaimInquiry,
  state: SandboxState,
  today: string,
): { statuses: StatusDetail[]; known?: ClaimHistory; payerClaim?: string } {
  const matches = (pcn: string, payerClaim: string) =>
    (q.payerClaimControlNumber !== undefined && q.payerClaimControlNumber === payerClaim) ||
    (q.patientControlNumber !== undefined && q.patientControlNumber === pcn);
  // The latest submission of a claim number answers (a rejected claim may have been sent again).
  const h = historyOf(state)
    .filter((x) => matches(x.patientControlNumber, x.payerClaimControlNumber))
    .at(-1);
  const pending = state.pending.find((p) =>
    matches(p.claim.claim.patientControlNumber, p.payerClaimControlNumber),
  );
  if (h?.rejection && !pending) {
    const r = h.rejection;
    const s: StatusDetail = {
      ...at(today),
      category: r.category,
      code: r.code,
      outcome: 'rejected',
      chargeCents: h.chargeCents,
    };
    if (r.entity) s.entity = r.entity;
    return { statuses: [s], known: h };
  }
  if (h?.adjudicated) {
    const a = h.adjudicated;
    const base = { ...at(today), chargeCents: h.chargeCents, paidCents: a.paidCents, adjudicatedDate: a.on };
    if (a.paidCents > 0)
      return {
        statuses: [
          {
            ...base,
            category: 'F1',
            code: '65',
            outcome: 'other',
            checkDate: a.on,
            checkNumber: a.checkNumber,
          },
        ],
        known: h,
      };
    const denied = a.claimStatus === '4';
    return { statuses: [{ ...base, category: denied ? 'F2' : 'F4', code: '1', outcome: 'other' }], known: h };
  }
  if (pending || h)
    return {
      statuses: [
        {
          ...at(today),
          category: 'P1',
          code: '20',
          outcome: 'pending',
          chargeCents: pending?.claim.claim.totalChargeCents ?? h?.chargeCents ?? 0,
        },
      ],
      ...(h ? { known: h } : {}),
      ...(pending ? { payerClaim: pending.payerClaimControlNumber } : {}),
    };
  return { statuses: [{ ...at(today), category: 'A4', code: '35', outcome: 'other' }] };
}

/** The 277 answer to one member's 276. */
export function statusAnswer(
  r: ClaimStatusRequest,
  state: SandboxState,
  today: string,
  time: string,
): ClaimStatusResponse {
  const { relationship: _r, ...subscriber } = r.subscriber;
  const out: ClaimStatusResponse = {
    referenceId: r.referenceId,
    date: today,
    time,
    payer: r.payer,
    receiver: r.receiver,
    provider: r.provider,
    subscriber,
    claims: r.claims.map((q) => {
      const { statuses, known, payerClaim: pendingClaim } = statusesOf(q, state, today);
      const c: ClaimStatusResponse['claims'][number] = { traceNumber: q.traceNumber, statuses, lines: [] };
      const payerClaim =
        q.payerClaimControlNumber ??
        pendingClaim ??
        (known && !known.rejection ? known.payerClaimControlNumber : undefined);
      if (payerClaim) c.payerClaimControlNumber = payerClaim;
      if (q.patientControlNumber) c.patientControlNumber = q.patientControlNumber;
      const dates = q.serviceDate ?? known?.serviceDate;
      if (dates) c.serviceDate = dates;
      return c;
    }),
  };
  if (r.dependent) {
    const { birthDate: _b, gender: _g, relationship: _x, ...dependent } = r.dependent;
    out.dependent = dependent;
  }
  return out;
}

/** Answers every 276 in an interchange with one 277 interchange (one transaction set per member). */
export async function answer276(
  text: string,
  state: SandboxState,
  ctx: SandboxContext,
): Promise<{ files: { kind: '277'; text: string }[]; state: SandboxState; answered: number }> {
  const next: SandboxState = structuredClone(state);
  const v = validateX12(text);
  const isa = v.document.interchanges[0]?.isa;
  if (!isa) throw new Error('not an X12 interchange (no ISA): nothing to answer');
  const { requests } = parse276(v);
  if (requests.length === 0) return { files: [], state: next, answered: 0 };
  const { date, time } = answerStamp(ctx.now);
  const answers = requests.map((r) => statusAnswer(r, next, ctx.now.slice(0, 10), time));
  const out = await write277(answers, {
    senderId: (isa.el[8] ?? '').trim() || 'SANDBOX',
    receiverId: (isa.el[6] ?? '').trim() || 'SUBMITTER',
    numbers: answerNumbers(next).numbers,
    date,
    time,
  });
  return {
    files: [{ kind: '277', text: out }],
    state: next,
    answered: answers.reduce((n, a) => n + a.claims.length, 0),
  };
}
