// `cleanclaim era check`: what an 835 says and whether it balances, from any payer, nothing stored.
// Pure: bytes in, a report out; the CLI (src/remits/cli.ts) formats it.
import {
  parse835,
  type Adjustment,
  type ClaimPayment,
  type Remittance,
  type X12Problem,
} from '../x12/index.ts';
import { balanceRemittance } from './balance.ts';
import type { RemitProblem, RemitProblemCode } from './problems.ts';

export interface CheckedAdjustment {
  group: string;
  reason: string;
  amountCents: number;
  /** Absent for a claim-level CAS; the 1-based SVC number for a line's. */
  lineNumber?: number;
}

export interface CheckedLine {
  lineNumber: number;
  procedure: string;
  modifiers: string[];
  /** SVC06 when the payer changed or bundled the billed code. */
  originalProcedure?: string;
  lineControlNumber?: string;
  serviceDate?: string;
  chargeCents: number;
  paidCents: number;
  adjustments: CheckedAdjustment[];
  remarkCodes: string[];
}

export interface CheckedClaim {
  /** CLP01 Patient Control Number. */
  patientControlNumber: string;
  /** CLP02 Claim Status Code and its TR3 name. */
  status: string;
  statusName: string;
  /** CLP03, CLP04, CLP05. */
  chargeCents: number;
  paidCents: number;
  patientResponsibilityCents: number | null;
  /** CLP07 Payer Claim Control Number. */
  payerClaimControlNumber: string | null;
  patientName: string | null;
  /** Claim CAS, then each line's, in file order. */
  adjustments: CheckedAdjustment[];
  remarkCodes: string[];
  lines: CheckedLine[];
  balanced: boolean;
}

export interface CheckedTransaction {
  /** ST02. */
  controlNumber: string;
  payer: { name: string; id: string | null };
  payee: { name: string; idQualifier: string | null; id: string | null };
  payment: {
    /** BPR01 and its name: I remittance only, C payment with remittance, H notification only… */
    handlingCode: string;
    handling: string;
    /** BPR04: ACH, CHK, BOP, FWT, NON. */
    method: string;
    methodName: string;
    totalPaidCents: number;
    creditDebit: string;
    date: string | null;
    /** TRN02 check or EFT trace number; TRN03 payer id. */
    traceNumber: string;
    payerTraceId: string | null;
  };
  productionDate: string | null;
  totals: {
    claims: number;
    chargeCents: number;
    paidCents: number;
    patientResponsibilityCents: number;
    providerAdjustmentCents: number;
  };
  providerAdjustments: {
    providerId: string;
    reason: string;
    referenceId: string | null;
    amountCents: number;
  }[];
  balanced: boolean;
  /** Balancing failures with where and the figures. */
  balancing: RemitProblem[];
  claims: CheckedClaim[];
}

export interface EraCheckReport {
  /** 0 every transaction balances and the file keeps its TR3, 1 one does not, 2 not readable as X12. */
  exitCode: 0 | 1 | 2;
  readable: boolean;
  balanced: boolean;
  /** No TR3 error (our validator, X221A1). */
  tr3Valid: boolean;
  transactions: CheckedTransaction[];
  /** Errors and warnings from the validator (TR3, envelope). */
  tr3Problems: X12Problem[];
  /** Why the file could not be read, when exitCode is 2. */
  unreadable?: string;
  unreadableCode?: Extract<RemitProblemCode, 'REMIT_UNREADABLE' | 'REMIT_NOT_835'>;
}

export const CLAIM_STATUS: Record<string, string> = {
  '1': 'processed as primary',
  '2': 'processed as secondary',
  '3': 'processed as tertiary',
  '4': 'denied',
  '19': 'processed as primary, forwarded to additional payer(s)',
  '20': 'processed as secondary, forwarded to additional payer(s)',
  '21': 'processed as tertiary, forwarded to additional payer(s)',
  '22': 'reversal of previous payment',
  '23': 'not our claim, forwarded to additional payer(s)',
  '25': 'predetermination pricing only, no payment',
};

export const HANDLING: Record<string, string> = {
  C: 'payment with remittance advice',
  D: 'payment only',
  H: 'notification only (no payment)',
  I: 'remittance information only',
  P: 'prenotification of future transfer',
  U: 'split payment and remittance',
  X: "handling party's option to split payment and remittance",
};

export const METHODS: Record<string, string> = {
  ACH: 'EFT (ACH)',
  BOP: "financial institution's option",
  CHK: 'check',
  FWT: 'wire transfer',
  NON: 'no payment',
};

const nameOf = (c: ClaimPayment): string | null => {
  const p = c.patient ?? c.insured;
  if (!p) return null;
  return [p.lastOrOrganizationName, p.firstName].filter((x) => x).join(', ') || null;
};

const adjustmentsOf = (xs: readonly Adjustment[], lineNumber?: number): CheckedAdjustment[] =>
  xs.map((a) => ({
    group: a.group,
    reason: a.reason,
    amountCents: a.amountCents,
    ...(lineNumber !== undefined ? { lineNumber } : {}),
  }));

function checkedClaim(c: ClaimPayment, balanced: boolean): CheckedClaim {
  const lines: CheckedLine[] = c.serviceLines.map((l, i) => {
    const line: CheckedLine = {
      lineNumber: i + 1,
      procedure: l.procedure.code,
      modifiers: l.procedure.modifiers,
      chargeCents: l.chargeCents,
      paidCents: l.paidCents,
      adjustments: adjustmentsOf(l.adjustments, i + 1),
      remarkCodes: l.remarks.map((r) => r.code),
    };
    if (l.originalProcedure) line.originalProcedure = l.originalProcedure.code;
    if (l.lineControlNumber) line.lineControlNumber = l.lineControlNumber;
    const date = l.dates.find((d) => d.qualifier === '472' || d.qualifier === '150')?.date;
    if (date) line.serviceDate = date;
    return line;
  });
  return {
    patientControlNumber: c.patientControlNumber,
    status: c.status,
    statusName: CLAIM_STATUS[c.status] ?? 'unknown status',
    chargeCents: c.chargeCents,
    paidCents: c.paidCents,
    patientResponsibilityCents: c.patientResponsibilityCents ?? null,
    payerClaimControlNumber: c.payerClaimControlNumber ?? null,
    patientName: nameOf(c),
    adjustments: [...adjustmentsOf(c.adjustments), ...lines.flatMap((l) => l.adjustments)],
    remarkCodes: [...(c.outpatient?.remarkCodes ?? []), ...(c.inpatient?.remarkCodes ?? [])],
    lines,
    balanced,
  };
}

function checkedTransaction(r: Remittance): CheckedTransaction {
  const b = balanceRemittance(r);
  return {
    controlNumber: r.controlNumber,
    payer: { name: r.payer.name, id: r.trace.payerId ?? r.payer.id ?? null },
    payee: { name: r.payee.name, idQualifier: r.payee.idQualifier ?? null, id: r.payee.id ?? null },
    payment: {
      handlingCode: r.payment.handlingCode,
      handling: HANDLING[r.payment.handlingCode] ?? 'unknown',
      method: r.payment.method,
      methodName: METHODS[r.payment.method] ?? 'unknown',
      totalPaidCents: r.payment.totalPaidCents,
      creditDebit: r.payment.creditDebit,
      date: r.payment.date ?? null,
      traceNumber: r.trace.checkOrEftNumber,
      payerTraceId: r.trace.payerId ?? null,
    },
    productionDate: r.productionDate ?? null,
    totals: {
      claims: r.claims.length,
      chargeCents: r.claims.reduce((s, c) => s + c.chargeCents, 0),
      paidCents: b.claimsPaidCents,
      patientResponsibilityCents: r.claims.reduce((s, c) => s + (c.patientResponsibilityCents ?? 0), 0),
      providerAdjustmentCents: b.providerAdjustmentCents,
    },
    providerAdjustments: r.providerAdjustments.flatMap((p) =>
      p.adjustments.map((a) => ({
        providerId: p.providerId,
        reason: a.reason,
        referenceId: a.referenceId ?? null,
        amountCents: a.amountCents,
      })),
    ),
    balanced: b.balanced,
    balancing: b.problems,
    claims: r.claims.map((c, i) => checkedClaim(c, b.claims[i]?.balanced ?? false)),
  };
}

const isError = (p: X12Problem) => p.severity === 'error' || p.severity === 'fatal';

/** Reads and balances every 835 transaction set in the input. */
export function checkEra(input: Uint8Array | string): EraCheckReport {
  const parsed = parse835(input);
  const fatal = parsed.problems.find((p) => p.severity === 'fatal');
  const tr3Problems = parsed.problems.filter((p) => p.severity !== 'info');
  if (fatal)
    return {
      exitCode: 2,
      readable: false,
      balanced: false,
      tr3Valid: false,
      transactions: [],
      tr3Problems,
      unreadable: fatal.message,
      unreadableCode: 'REMIT_UNREADABLE',
    };
  const transactions = parsed.remittances.map(checkedTransaction);
  if (transactions.length === 0)
    return {
      exitCode: 2,
      readable: false,
      balanced: false,
      tr3Valid: !tr3Problems.some(isError),
      transactions,
      tr3Problems,
      unreadable: 'the file is X12 but holds no 835 transaction set (ST01 835)',
      unreadableCode: 'REMIT_NOT_835',
    };
  const balanced = transactions.every((t) => t.balanced);
  const tr3Valid = !tr3Problems.some(isError);
  return {
    exitCode: balanced && tr3Valid ? 0 : 1,
    readable: true,
    balanced,
    tr3Valid,
    transactions,
    tr3Problems,
  };
}
