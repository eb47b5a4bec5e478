import { DEFAULT_DELIMITERS } from '../engine/types.ts';
import { asValidation, type X12Input } from '../engine/validate.ts';
import { ProblemList, type X12Problem } from '../problems.ts';
import { formatCents } from '../engine/money.ts';
import { claimsFromTree, headerOf, receiverOf, submitterOf } from './837-parse.ts';
import type { ProfessionalClaim, Receiver, Submitter, TransactionHeader } from './837-types.ts';

export interface Parsed837Transaction {
  /** ST02. */
  controlNumber: string;
  guide: string | null;
  /** BHT of the set. */
  header: TransactionHeader;
  submitter: Submitter;
  receiver: Receiver;
  claims: ProfessionalClaim[];
}

export interface Parse837Result {
  transactions: Parsed837Transaction[];
  /** All claims of all transaction sets, in file order. */
  claims: ProfessionalClaim[];
  /** Envelope and guide problems (the same list validateX12 gives). */
  problems: X12Problem[];
  valid: boolean;
}

/**
 * Reads 837P (X222A1) and 837I (X223A2) claims from X12 text, bytes or a validation result: every
 * loop and segment use the guide maps define for a claim (segments the guide does not expect stay
 * in the loop tree only).
 */
export function parse837(input: X12Input): Parse837Result {
  const v = asValidation(input);
  const extra = new ProblemList();
  const d = v.document.delimiters ?? DEFAULT_DELIMITERS;
  const transactions: Parsed837Transaction[] = [];
  for (const t of v.transactions) {
    if (t.tx.setId !== '837' || !t.tree) continue;
    const ctx = { d, problems: extra, transaction: t.tx.controlNumber };
    transactions.push({
      controlNumber: t.tx.controlNumber,
      guide: t.guide,
      header: headerOf(t.tree),
      submitter: submitterOf(t.tree),
      receiver: receiverOf(t.tree),
      claims: claimsFromTree(t.tree, ctx),
    });
  }
  for (const t of transactions) for (const c of t.claims) checkClaimBalance(c, t.controlNumber, extra);
  return {
    transactions,
    claims: transactions.flatMap((t) => t.claims),
    problems: [...v.problems, ...extra.toArray()],
    valid: v.valid && extra.items.length === 0,
  };
}

/** TR3 2300 CLM02: the total claim charge must equal the sum of the service line charges. */
function checkClaimBalance(c: ProfessionalClaim, transaction: string, problems: ProblemList): void {
  const lines = c.claim.serviceLines.reduce((sum, l) => sum + l.chargeCents, 0);
  if (lines !== c.claim.totalChargeCents) {
    problems.add(
      'X12_CLAIM_UNBALANCED',
      `Claim ${c.claim.patientControlNumber}: CLM02 ${formatCents(c.claim.totalChargeCents)} but service lines total ${formatCents(lines)}.`,
      { segmentId: 'CLM', element: 'CLM02', loop: '2300', transaction },
    );
  }
}
