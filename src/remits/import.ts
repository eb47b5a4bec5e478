// Importing an 835: read it, balance it, store the file with its remittances in one transaction,
// then store, match and post their claim payments a chunk per transaction (post-remittance.ts).
// The same payment (payer, TRN02, BPR02) imported again is found stored, and only what is not
// stored yet (a posting stopped part-way) or still pending posts.
import { createHash } from 'node:crypto';
import { recordAudit, type AuditActor } from '../audit/index.ts';
import type { ClaimLookups } from '../claims/index.ts';
import type { Db } from '../db/connection.ts';
import { invalid } from '../shared/problem.ts';
import { parse835Async, type Remittance } from '../x12/index.ts';
import { balanceRemittance, type RemittanceBalance } from './balance.ts';
import { postRemittance } from './post-remittance.ts';
import {
  insertEraFile,
  insertRemittance,
  releaseBalancedHeld,
  setEraFileStatus,
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

interface Stored {
  remit: RemittanceRow;
  parsed: Remittance;
  balance: RemittanceBalance;
  created: boolean;
}

/**
 * Reads the 835 and stores the file and its new remittances in one transaction (their claim
 * payments come after). The file is sent to the database first and stored while it is read: for a
 * 50,000-claim 835 that is 14 MB the database compresses and writes while the reading goes on.
 */
async function readAndStore(
  db: Db,
  practiceId: number,
  fileName: string,
  text: string,
  opts: ImportOptions,
): Promise<{ eraFileId: number; stored: Stored[] }> {
  return db.transaction(async (tx) => {
    const storing = insertEraFile(tx, {
      practiceId,
      fileName,
      sha256: createHash('sha256').update(text).digest('hex'),
      rawText: text,
      userId: opts.userId,
    });
    // awaited below; a failure is not unhandled while the 835 is read
    storing.catch(() => undefined);
    const { remittances, problems } = await parse835Async(text);
    if (remittances.length === 0) {
      const why = problems.find((p) => p.severity === 'fatal' || p.severity === 'error');
      throw invalid([
        {
          pointer: '/content',
          detail: `${fileName} holds no 835 transaction${why ? `: ${why.message}` : ''}`,
        },
      ]);
    }
    const file = await storing;
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
        claimCount: r.claims.length,
        state: balance.balanced ? 'unposted' : 'held',
      });
      if (!created && opts.postUnbalanced) await releaseBalancedHeld(tx, row.id);
      stored.push({ remit: row, parsed: r, balance, created });
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

/**
 * Imports one 835 file for a practice: the file and each transaction (balanced) stored, then its
 * claim payments stored, matched and posted a chunk at a time. Nothing of a transaction that does
 * not balance is posted unless `postUnbalanced` (then its claims that balance on their own are).
 */
export async function importEra(
  db: Db,
  practiceId: number,
  fileName: string,
  text: string,
  opts: ImportOptions,
): Promise<ImportOutcome> {
  const { eraFileId, stored } = await readAndStore(db, practiceId, fileName, text, opts);
  const remittances: RemittanceOutcome[] = [];
  for (const s of stored) {
    const result = await postRemittance(db, s.remit, { ...s.parsed, balance: s.balance }, opts);
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
