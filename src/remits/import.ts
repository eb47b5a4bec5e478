// Importing an 835: read it, balance it, store the file with its remittances and claim payments
// (matched to our claims) in one transaction, then post them a chunk per transaction. The same
// payment (payer, TRN02, BPR02) imported again is found stored and only what is still pending posts.
import { createHash } from 'node:crypto';
import { recordAudit, type AuditActor } from '../audit/index.ts';
import type { ClaimLookups } from '../claims/index.ts';
import type { Db, Executor } from '../db/connection.ts';
import { invalid } from '../shared/problem.ts';
import { parse835, type ClaimPayment, type Remittance } from '../x12/index.ts';
import { balanceRemittance, type RemittanceBalance } from './balance.ts';
import { candidatesByControlNumber, candidatesByPatient, type StoredCandidate } from './candidates.ts';
import { matchClaimPayment, type ClaimMatch } from './match.ts';
import { postRemittance } from './post-remittance.ts';
import {
  insertEraFile,
  insertRemittance,
  insertRemittanceClaims,
  releaseBalancedHeld,
  setEraFileStatus,
  setRemittance,
  type NewRemittanceClaim,
  type RemittanceClaimRow,
  type RemittanceRow,
} from './store.ts';

export interface ImportOptions {
  userId: number | null;
  userEmail?: string | null;
  ip?: string | null;
  /** Post the claims that balance of a transaction that does not. */
  postUnbalanced?: boolean;
  /** YYYY-MM-DD: the posting date when the 835 gives no payment date. */
  today?: string;
  /** Chunks of claim payments posted side by side (each in its own transaction); 1 on PGlite. */
  concurrency?: number;
  /** false: store, balance and match only; the claim payments wait pending for a post. */
  post?: boolean;
  /** Code sets and NCCI tables the secondary claims a posting creates are scrubbed against. */
  lookups?: ClaimLookups | undefined;
}

export interface RemittanceOutcome {
  id: number;
  controlNumber: string;
  payerName: string;
  traceNumber: string;
  paymentCents: number;
  balanced: boolean;
  balancing: RemittanceBalance['problems'];
  /** False when this payment was stored before (the same 835 imported again). */
  new: boolean;
  posted: number;
  alreadyPosted: number;
  unmatched: number;
  held: number;
  providerAdjustments: 'posted' | 'already_posted' | 'no_payer' | 'held';
}

export interface ImportOutcome {
  eraFileId: number;
  fileName: string;
  /** Every remittance in it was stored before and nothing was left to post. */
  duplicate: boolean;
  message: string;
  remittances: RemittanceOutcome[];
}

const actorOf = (o: ImportOptions): AuditActor => ({
  userId: o.userId,
  userEmail: o.userEmail ?? null,
  ip: o.ip ?? null,
});

/** The payer's identifier: TRN03 (payer's EIN with a prefix), else the payer's N1*PR id, else its name. */
const payerIdentifierOf = (r: Remittance) => r.trace.payerId || r.payer.id || r.payer.name;

const matchedByOf = (m: ClaimMatch) =>
  m.how === 'patient_date_procedure'
    ? 'patient_date_procedure'
    : m.lines.some((l) => l.how === 'line_control_number')
      ? 'line_control_number'
      : 'control_number';

async function matchPayments(
  tx: Executor,
  practiceId: number,
  claims: readonly ClaimPayment[],
): Promise<{ match: ClaimMatch; candidate?: StoredCandidate }[]> {
  const byPcn = await candidatesByControlNumber(tx, practiceId, claims);
  const out: { match: ClaimMatch; candidate?: StoredCandidate }[] = [];
  for (const c of claims) {
    let candidates = byPcn.get(c.patientControlNumber) ?? [];
    let m = matchClaimPayment(c, candidates);
    if (!m.claim && m.reason !== 'ambiguous') {
      candidates = await candidatesByPatient(tx, practiceId, c);
      m = matchClaimPayment(c, candidates);
    }
    const candidate = m.claim ? candidates.find((x) => x.id === m.claim?.id) : undefined;
    out.push(candidate ? { match: m, candidate } : { match: m });
  }
  return out;
}

function claimRow(
  practiceId: number,
  remittanceId: number,
  c: ClaimPayment,
  sequence: number,
  balanced: boolean,
  held: boolean,
  found: { match: ClaimMatch; candidate?: StoredCandidate },
): NewRemittanceClaim {
  const m = found.match;
  // a claim matched but with an 835 line none of ours answers would post only part of its money
  const partial = m.claim && m.unmatchedLines.length > 0;
  const matched = m.claim && !partial;
  const lineMatches = c.serviceLines.map((_, i) => m.lines.find((l) => l.index === i)?.line.id ?? null);
  return {
    practiceId,
    remittanceId,
    sequence,
    patientControlNumber: c.patientControlNumber,
    status: c.status,
    chargeCents: c.chargeCents,
    paidCents: c.paidCents,
    patientResponsibilityCents: c.patientResponsibilityCents ?? 0,
    payerClaimNumber: c.payerClaimControlNumber ?? null,
    balanced,
    claimId: matched ? (m.claim?.id ?? null) : null,
    matchedBy: matched ? matchedByOf(m) : null,
    lineMatches,
    state: held ? 'held' : matched ? 'pending' : 'unmatched',
    note: partial
      ? `matched claim ${m.claim?.id}, but service lines ${m.unmatchedLines.map((l) => l.index + 1).join(', ')} answer none of its lines`
      : !held && !matched
        ? (m.reason ?? 'no matching claim')
        : held
          ? 'the transaction does not balance'
          : null,
    payment: c,
  };
}

interface Stored {
  remit: RemittanceRow;
  parsed: Remittance;
  balance: RemittanceBalance;
  created: boolean;
  candidates: Map<number, StoredCandidate>;
  /** The claim payments stored now, by id (none when the remittance was stored before). */
  payments: Map<number, RemittanceClaimRow>;
}

/** Stores the file, its new remittances and their matched claim payments, in one transaction. */
async function store(
  db: Db,
  practiceId: number,
  fileName: string,
  text: string,
  remittances: Remittance[],
  opts: ImportOptions,
): Promise<{ eraFileId: number; stored: Stored[] }> {
  return db.transaction(async (tx) => {
    const file = await insertEraFile(tx, {
      practiceId,
      fileName,
      sha256: createHash('sha256').update(text).digest('hex'),
      rawText: text,
      userId: opts.userId,
    });
    const stored: Stored[] = [];
    for (const r of remittances) {
      const balance = balanceRemittance(r);
      const { row, created } = await insertRemittance(tx, {
        practiceId,
        eraFileId: file.id,
        controlNumber: r.controlNumber,
        payerName: r.payer.name,
        payerIdentifier: payerIdentifierOf(r),
        traceNumber: r.trace.checkOrEftNumber,
        paymentCents: r.payment.totalPaidCents,
        paymentMethod: r.payment.method,
        paymentDate: r.payment.date ?? null,
        balanced: balance.balanced,
        balancing: balance.problems,
        providerAdjustments: r.providerAdjustments,
        state: balance.balanced ? 'unposted' : 'held',
      });
      const candidates = new Map<number, StoredCandidate>();
      const payments = new Map<number, RemittanceClaimRow>();
      if (created) {
        const matches = await matchPayments(tx, practiceId, r.claims);
        const rows = r.claims.map((c, i) => {
          const found = matches[i] as { match: ClaimMatch; candidate?: StoredCandidate };
          if (found.candidate) candidates.set(found.candidate.id, found.candidate);
          const claimBalanced = balance.claims[i]?.balanced ?? false;
          const held = !balance.balanced && !(opts.postUnbalanced && claimBalanced);
          return claimRow(practiceId, row.id, c, i + 1, claimBalanced, held, found);
        });
        for (const p of await insertRemittanceClaims(tx, rows)) payments.set(p.id, p);
        const payerIds = [...candidates.values()].map((c) => c.payerId);
        // our payer is the one the matched claims were billed to (the 835 names it in its own words)
        if (payerIds.length) {
          row.payerId = mostCommon(payerIds);
          await setRemittance(tx, row.id, { payerId: row.payerId });
        }
      } else if (opts.postUnbalanced) await releaseBalancedHeld(tx, row.id);
      stored.push({ remit: row, parsed: r, balance, created, candidates, payments });
    }
    await recordAudit(tx, actorOf(opts), {
      practiceId,
      action: 'create',
      entity: 'era_file',
      entityId: file.id,
      detail: {
        fileName,
        remittances: stored.map((s) => ({
          id: s.remit.id,
          traceNumber: s.remit.traceNumber,
          paymentCents: s.remit.paymentCents,
          new: s.created,
        })),
      },
    });
    return { eraFileId: file.id, stored };
  });
}

function mostCommon(xs: number[]): number {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

/**
 * Imports one 835 file for a practice: stored whole, each transaction balanced and matched, then
 * posted a chunk of claim payments at a time. Nothing of a transaction that does not balance is posted unless
 * `postUnbalanced` (then its claims that balance on their own are).
 */
export async function importEra(
  db: Db,
  practiceId: number,
  fileName: string,
  text: string,
  opts: ImportOptions,
): Promise<ImportOutcome> {
  const parsed = parse835(text);
  if (parsed.remittances.length === 0) {
    const why = parsed.problems.find((p) => p.severity === 'fatal' || p.severity === 'error');
    throw invalid([
      { pointer: '/content', detail: `${fileName} holds no 835 transaction${why ? `: ${why.message}` : ''}` },
    ]);
  }
  const { eraFileId, stored } = await store(db, practiceId, fileName, text, parsed.remittances, opts);
  const remittances: RemittanceOutcome[] = [];
  for (const s of stored) {
    const result =
      opts.post === false
        ? { posted: 0, alreadyPosted: 0, unmatched: 0, held: 0, providerAdjustments: 'held' as const }
        : await postRemittance(db, s.remit, s.parsed, {
            ...opts,
            candidates: s.candidates,
            payments: s.payments,
          });
    remittances.push({
      id: s.remit.id,
      controlNumber: s.remit.controlNumber,
      payerName: s.remit.payerName,
      traceNumber: s.remit.traceNumber,
      paymentCents: s.remit.paymentCents,
      balanced: s.balance.balanced,
      balancing: s.balance.problems,
      new: s.created,
      ...result,
    });
  }
  const duplicate = remittances.every((r) => !r.new && r.posted === 0);
  const posted = remittances.reduce((n, r) => n + r.posted, 0);
  const waiting = remittances.reduce((n, r) => n + r.unmatched + r.held, 0);
  await setEraFileStatus(db, eraFileId, duplicate ? 'duplicate' : waiting ? 'partly_posted' : 'posted');
  const message = duplicate
    ? `${fileName} was imported before (same payer, trace number and amount): nothing posted`
    : `${posted} claim payments posted${waiting ? `, ${waiting} waiting (unmatched or unbalanced)` : ''}`;
  return { eraFileId, fileName, duplicate, message, remittances };
}
