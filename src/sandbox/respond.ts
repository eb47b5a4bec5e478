// The sandbox as a clearinghouse and payers, pure: an 837 in, its 999 and 277CA out, accepted claims
// queued; later, the due claims adjudicated into 835s. Time ("now"), the seed and the state are
// passed in and the new state handed back; every file is checked by our validator before it is
// returned (a file that fails is a bug here, so it throws rather than reach a biller).
import {
  generate999,
  parse837,
  formatSegment,
  validateX12,
  writeInterchange,
  write277CA,
  write835,
  type Acknowledgment277CA,
  type ClaimAckToWrite,
  type ClaimPayment,
  type ProfessionalClaim,
  type Remittance,
  type SegmentFields,
  type StatusToWrite,
  type X12Problem,
} from '../x12/index.ts';
import { WRITE_DELIMITERS } from '../x12/engine/writer.ts';
import { balanceRemittance } from '../remits/index.ts';
import { adjudicate, payerOf, type Accumulator } from './adjudicate.ts';
import type { Scenario } from './scenario.ts';
import { noteAdjudicated, noteReceived } from './status.ts';
import { answerNumbers as numbersFrom, answerStamp as stamp } from './answer-envelope.ts';

export interface PendingClaim {
  /** ISO date-time after which the claim is adjudicated. */
  dueAt: string;
  claim: ProfessionalClaim;
  payerClaimControlNumber: string;
  /** ISA06 of the 837: the 835 goes back to it. */
  submitterId: string;
}

export interface SandboxState {
  version: 1;
  /** Control numbers used so far (ISA13/GS06/ST02 of every file written). */
  sequence: number;
  accumulators: Record<string, Accumulator>;
  /** Duplicate keys of adjudicated service lines. */
  seen: string[];
  pending: PendingClaim[];
}

export const emptyState = (): SandboxState => ({
  version: 1,
  sequence: 0,
  accumulators: {},
  seen: [],
  pending: [],
});

export interface SandboxFile {
  kind: 'TA1' | '999' | '277CA' | '835' | '271' | '277';
  text: string;
}

export interface SandboxContext {
  scenario: Scenario;
  seed: number;
  /** ISO date-time, e.g. 2026-12-03T13:40:00Z. */
  now: string;
  /** Optional code-set check: why a diagnosis is refused on a date (invalid, not billable), or undefined. */
  diagnosisProblem?: (code: string, date: string) => string | undefined;
}

/** FNV-1a: the same seed and claim give the same payer claim and check numbers. */
function hashDigits(text: string, n: number): string {
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  let out = '';
  while (out.length < n) {
    h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 0;
    out += String(h % 10);
  }
  return out;
}

function mustValidate(kind: string, text: string): void {
  const v = validateX12(text);
  if (!v.valid) {
    const first = v.problems.slice(0, 3).map((p) => `${p.code} ${p.segmentId ?? ''} ${p.message}`);
    throw new Error(`the sandbox wrote an invalid ${kind}: ${first.join('; ')}`);
  }
}

/**
 * TA1 Interchange Acknowledgment: sent when the envelope (ISA/IEA) has errors (TA104 R, TA105 the
 * note code of the first) or when ISA14 asks for one (TA104 A). A rejected interchange is not read further.
 */
async function interchangeAck(
  problems: readonly X12Problem[],
  isa: readonly string[],
  state: SandboxState,
  when: { date: string; time: string },
): Promise<{ text: string; accepted: boolean } | undefined> {
  const errors = problems.filter((p) => p.ta1 && (p.severity === 'error' || p.severity === 'fatal'));
  if (errors.length === 0 && (isa[14] ?? '').trim() !== '1') return undefined;
  const sender = (isa[6] ?? '').trim() || 'UNKNOWN';
  const receiver = (isa[8] ?? '').trim() || 'UNKNOWN';
  const empty = await writeInterchange(
    [],
    { senderId: receiver, receiverId: sender, ...when },
    numbersFrom(state).numbers,
  );
  const end = empty.indexOf('~') + 1;
  const ta1: SegmentFields = [
    'TA1',
    (isa[13] ?? '').trim(),
    (isa[9] ?? '').trim(),
    (isa[10] ?? '').trim(),
    errors.length ? 'R' : 'A',
    errors[0]?.ta1 ?? '000',
  ];
  const text = `${empty.slice(0, end)}${formatSegment(ta1, WRITE_DELIMITERS)}${empty.slice(end)}`;
  mustValidate('TA1', text);
  return { text, accepted: errors.length === 0 };
}

/** The 277CA front-end edits: a status that rejects the claim, or none. */
export function frontEndRejection(
  c: ProfessionalClaim,
  ctx: Pick<SandboxContext, 'scenario' | 'diagnosisProblem'>,
): StatusToWrite | undefined {
  const s = ctx.scenario;
  const memberId = c.subscriber.id ?? '';
  if (!memberId || s.unknownMembers.includes(memberId)) return { category: 'A3', code: '33', entity: 'IL' };
  const date = c.claim.serviceLines[0]?.serviceDate.from ?? '';
  const norm = (d: string) => d.replace('.', '').toUpperCase();
  const bad = s.invalidDiagnoses.map(norm);
  if (c.claim.diagnoses.some((d) => bad.includes(norm(d)) || ctx.diagnosisProblem?.(d, date)))
    return { category: 'A7', code: '255' };
  const payer = payerOf(s, c.payer.id);
  const rendering = [c.claim.renderingProvider, ...c.claim.serviceLines.map((l) => l.renderingProvider)];
  const hasNpi = rendering.some((p) => p?.idQualifier === 'XX' && p.id);
  if (payer.requireRenderingNpi && !hasNpi) return { category: 'A7', code: '562', entity: '82' };
  return undefined;
}

function claimAck(
  c: ProfessionalClaim,
  rejection: StatusToWrite | undefined,
  payerClaim: string,
): ClaimAckToWrite {
  const who = c.patient ?? c.subscriber;
  const dates = c.claim.serviceLines
    .map((l) => l.serviceDate.from)
    .filter(Boolean)
    .sort();
  const from = dates[0];
  const to = dates.at(-1);
  return {
    patient: {
      lastName: who.lastOrOrganizationName,
      firstName: who.firstName,
      memberId: c.subscriber.id ?? '',
    },
    patientControlNumber: c.claim.patientControlNumber,
    chargeCents: c.claim.totalChargeCents,
    accepted: !rejection,
    statuses: [rejection ?? { category: 'A2', code: '20' }],
    ...(rejection ? {} : { payerClaimControlNumber: payerClaim }),
    ...(from ? { serviceDate: to && to !== from ? { from, to } : { from } } : {}),
  };
}

/** An 837 received: its 999, a 277CA for the claims of accepted transaction sets, claims queued. */
export async function receive837(
  text: string,
  state: SandboxState,
  ctx: SandboxContext,
): Promise<{ files: SandboxFile[]; state: SandboxState; accepted: number; rejected: number }> {
  const next: SandboxState = structuredClone(state);
  const v = validateX12(text);
  const when = stamp(ctx.now);
  const files: SandboxFile[] = [];
  const isa0 = v.document.interchanges[0]?.isa;
  if (!isa0) throw new Error('not an X12 interchange (no ISA): nothing to answer');
  const ta1 = await interchangeAck(v.document.problems, isa0.el, next, when);
  if (ta1) {
    files.push({ kind: 'TA1', text: ta1.text });
    if (!ta1.accepted) return { files, state: next, accepted: 0, rejected: 0 };
  }
  const ack = await generate999(v, { numbers: numbersFrom(next).numbers, ...when });
  mustValidate('999', ack);
  files.push({ kind: '999', text: ack });
  const isa = v.document.interchanges[0]?.isa;
  const submitterId = (isa?.el[6] ?? '').trim() || 'SUBMITTER';
  const receiverId = (isa?.el[8] ?? '').trim() || 'SANDBOX';
  const parsed = parse837(v);
  const acceptedSets = new Set(v.transactions.filter((t) => t.accepted).map((t) => t.tx.controlNumber));
  let accepted = 0;
  let rejected = 0;
  const acks: Acknowledgment277CA[] = [];
  const dueAt = new Date(Date.parse(ctx.now) + ctx.scenario.adjudicationDelaySeconds * 1000).toISOString();
  for (const t of parsed.transactions) {
    if (!acceptedSets.has(t.controlNumber)) continue;
    const providers = new Map<string, Acknowledgment277CA['providers'][number]>();
    for (const c of t.claims) {
      const rejection = frontEndRejection(c, ctx);
      const payerClaim = `SBX${hashDigits(`${ctx.seed}|${c.claim.patientControlNumber}|${next.sequence}`, 11)}`;
      const npi = c.billingProvider.id ?? '';
      const p = providers.get(npi) ?? { name: c.billingProvider.lastOrOrganizationName, npi, claims: [] };
      providers.set(npi, p);
      p.claims.push(claimAck(c, rejection, payerClaim));
      // What a 276 later asks about (status.ts answers from it).
      noteReceived(next, c, { payerClaimControlNumber: payerClaim, rejection }, ctx.now.slice(0, 10));
      if (rejection) rejected++;
      else {
        accepted++;
        next.pending.push({ dueAt, claim: c, payerClaimControlNumber: payerClaim, submitterId });
      }
    }
    const payerName = t.receiver.name || 'SANDBOX CLEARINGHOUSE';
    acks.push({
      informationSource: { name: payerName, idQualifier: '46', id: t.receiver.id || receiverId },
      receiver: { name: t.submitter.name, id: t.submitter.id },
      batchTrace: t.controlNumber,
      receiverTrace: t.header.referenceId || t.controlNumber,
      receiptDate: ctx.now.slice(0, 10),
      processDate: ctx.now.slice(0, 10),
      providers: [...providers.values()],
    });
  }
  if (acks.length > 0) {
    const out = await write277CA(acks, {
      senderId: receiverId,
      receiverId: submitterId,
      numbers: numbersFrom(next).numbers,
      ...when,
    });
    mustValidate('277CA', out);
    files.push({ kind: '277CA', text: out });
  }
  return { files, state: next, accepted, rejected };
}

const SANDBOX_PAYER_ADDRESS = { line1: 'PO BOX 1000', city: 'SPRINGFIELD', state: 'IL', postalCode: '62701' };

function remittanceFor(
  payerId: string,
  claims: PendingClaim[],
  payments: ClaimPayment[],
  ctx: SandboxContext,
  n: number,
): Remittance {
  const rule = payerOf(ctx.scenario, payerId);
  const total = payments.reduce((t, p) => t + p.paidCents, 0);
  const billing = claims[0]!.claim.billingProvider;
  const today = ctx.now.slice(0, 10);
  return {
    controlNumber: String(n).padStart(4, '0'),
    payment: {
      handlingCode: total > 0 ? 'I' : 'H',
      totalPaidCents: total,
      creditDebit: 'C',
      method: total > 0 ? 'CHK' : 'NON',
      date: today,
    },
    trace: {
      type: '1',
      checkOrEftNumber: `SBX${hashDigits(`${ctx.seed}|${payerId}|${n}`, 9)}`,
      payerId: `1${hashDigits(payerId, 9)}`,
    },
    productionDate: today,
    payer: {
      name: claims[0]!.claim.payer.lastOrOrganizationName || rule.name,
      address: SANDBOX_PAYER_ADDRESS,
      additionalIds: [{ qualifier: '2U', value: payerId }],
      contacts: [
        { function: 'BL', name: 'SANDBOX EDI', numbers: [{ qualifier: 'TE', number: '8005550100' }] },
      ],
    },
    payee: {
      name: billing.lastOrOrganizationName,
      idQualifier: 'XX',
      id: billing.id ?? '',
      additionalIds: [],
    },
    claims: payments,
    providerAdjustments: [],
  };
}

/** Adjudicates the claims due by `now`: one 835 per submitter, payer and billing provider. */
export async function adjudicateDue(
  state: SandboxState,
  ctx: SandboxContext,
): Promise<{ files: SandboxFile[]; state: SandboxState; adjudicated: number }> {
  const next: SandboxState = structuredClone(state);
  const due = next.pending.filter((p) => p.dueAt <= ctx.now);
  next.pending = next.pending.filter((p) => p.dueAt > ctx.now);
  const seen = new Set(next.seen);
  const groups = new Map<string, { claims: PendingClaim[]; payments: ClaimPayment[] }>();
  const today = ctx.now.slice(0, 10);
  for (const p of due) {
    const memberId = p.claim.subscriber.id ?? '';
    const r = adjudicate({
      claim: p.claim,
      scenario: ctx.scenario,
      today,
      accumulator: next.accumulators[memberId],
      seen,
      payerClaimControlNumber: p.payerClaimControlNumber,
      draw: Number(hashDigits(`${ctx.seed}|${p.claim.claim.patientControlNumber}|eligibility`, 4)) / 100,
    });
    next.accumulators[memberId] = r.accumulator;
    for (const k of r.duplicateKeys) seen.add(k);
    const key = [p.submitterId, p.claim.payer.id ?? '', p.claim.billingProvider.id ?? ''].join('|');
    const g = groups.get(key) ?? { claims: [], payments: [] };
    groups.set(key, g);
    g.claims.push(p);
    g.payments.push(r.payment);
  }
  next.seen = [...seen];
  const files: SandboxFile[] = [];
  for (const [key, g] of groups) {
    const [submitterId, payerId] = key.split('|') as [string, string];
    const { numbers, next: n } = numbersFrom(next);
    const remittance = remittanceFor(payerId, g.claims, g.payments, ctx, n());
    for (const [i, p] of g.claims.entries())
      noteAdjudicated(
        next,
        p.payerClaimControlNumber,
        g.payments[i]!,
        remittance.trace.checkOrEftNumber,
        today,
      );
    const balance = balanceRemittance(remittance);
    if (!balance.balanced)
      throw new Error(`the sandbox built an unbalanced 835: ${balance.problems[0]?.message}`);
    const text = await write835([remittance], {
      senderId: payerId.slice(0, 15) || 'SANDBOX',
      receiverId: submitterId,
      numbers,
      ...stamp(ctx.now),
    });
    mustValidate('835', text);
    files.push({ kind: '835', text });
  }
  return { files, state: next, adjudicated: due.length };
}
