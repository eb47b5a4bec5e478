import type { Cents } from '../../shared/money.ts';
import { addDays } from '../../shared/dates.ts';
import { ageBalances, STATEMENT_BUCKETS, type AgingRow } from '../ar/aging.ts';

// A patient statement as plain data, pure: what the patient owes after insurance, visit by visit,
// and who it is mailed to. The PDF (statement-pdf.ts) only draws this.

export interface StatementAddress {
  address1: string;
  address2?: string | null;
  city: string;
  state: string;
  zip: string;
}

export interface StatementPractice extends StatementAddress {
  name: string;
  phone?: string | null;
  /** Where payments are mailed when not the practice address (837 loop 2010AB). */
  payToAddress1?: string | null;
  payToCity?: string | null;
  payToState?: string | null;
  payToZip?: string | null;
}

export interface StatementPatient extends StatementAddress {
  id: number;
  accountNumber: string;
  firstName: string;
  lastName: string;
  middleName?: string | null;
  guarantorRelationship: string;
  guarantorFirstName?: string | null;
  guarantorLastName?: string | null;
}

/** One service line with its ledger balances (cents). */
export interface StatementLineInput {
  serviceLineId: number;
  encounterId: number;
  serviceDate: string;
  procedureCode: string;
  modifiers: string[];
  /** Only public descriptions (HCPCS Level II short descriptions); never a CPT description (AMA copyright). */
  description?: string | null;
  chargeCents: Cents;
  insurancePaidCents: Cents;
  insuranceAdjustedCents: Cents;
  /** Still with insurance: not yet the patient's to pay. */
  insuranceBalanceCents: Cents;
  patientResponsibilityCents: Cents;
  patientPaidCents: Cents;
  patientBalanceCents: Cents;
}

export interface StatementInput {
  statementDate: string;
  practice: StatementPractice;
  patient: StatementPatient;
  lines: StatementLineInput[];
  /** Unapplied patient credit (a payment not yet applied to a line), positive cents. */
  creditCents: Cents;
  /** How to pay, from the statement settings. */
  howToPay: string;
  /** Payment is due this many days after the statement date. */
  dueInDays: number;
}

export interface StatementVisit {
  encounterId: number;
  serviceDate: string;
  lines: StatementLineInput[];
}

export interface StatementTotals {
  chargeCents: Cents;
  insurancePaidCents: Cents;
  insuranceAdjustedCents: Cents;
  insuranceBalanceCents: Cents;
  patientResponsibilityCents: Cents;
  patientPaidCents: Cents;
  patientBalanceCents: Cents;
}

export interface Statement {
  statementDate: string;
  dueDate: string;
  practice: StatementPractice;
  patient: StatementPatient;
  /** Who the statement is addressed to: the guarantor when the patient is not their own. */
  mailTo: { name: string } & StatementAddress;
  patientName: string;
  visits: StatementVisit[];
  totals: StatementTotals;
  creditCents: Cents;
  /** What the patient owes now: the lines' patient balances less any unapplied credit. */
  amountDueCents: Cents;
  /** The patient balance aged from the date of service: current, 31–60, 61–90, over 90. */
  aging: { labels: string[]; row: AgingRow };
  howToPay: string;
}

export const personName = (p: { firstName: string; lastName: string; middleName?: string | null }) =>
  [p.firstName, p.middleName, p.lastName].filter(Boolean).join(' ');

/** The statement for one patient: the visits that still hold a patient balance, oldest first. */
export function buildStatement(input: StatementInput): Statement {
  const open = new Set(input.lines.filter((l) => l.patientBalanceCents !== 0).map((l) => l.encounterId));
  const byVisit = new Map<number, StatementLineInput[]>();
  for (const line of input.lines) {
    if (!open.has(line.encounterId)) continue;
    byVisit.set(line.encounterId, [...(byVisit.get(line.encounterId) ?? []), line]);
  }
  const visits = [...byVisit.entries()]
    .map(([encounterId, lines]) => {
      const sorted = [...lines].sort((a, b) => a.serviceDate.localeCompare(b.serviceDate));
      return { encounterId, serviceDate: sorted[0]!.serviceDate, lines: sorted };
    })
    .sort((a, b) => a.serviceDate.localeCompare(b.serviceDate) || a.encounterId - b.encounterId);
  const shown = visits.flatMap((v) => v.lines);
  const totals = sumLines(shown);
  const patientName = personName(input.patient);
  const aging = ageBalances(
    shown.map((l) => ({
      key: 'patient',
      label: patientName,
      serviceDate: l.serviceDate,
      cents: l.patientBalanceCents,
    })),
    input.statementDate,
    STATEMENT_BUCKETS,
  );
  return {
    statementDate: input.statementDate,
    dueDate: addDays(input.statementDate, input.dueInDays),
    practice: input.practice,
    patient: input.patient,
    mailTo: mailTo(input.patient),
    patientName,
    visits,
    totals,
    creditCents: input.creditCents,
    amountDueCents: totals.patientBalanceCents - input.creditCents,
    aging: { labels: STATEMENT_BUCKETS.map((b) => b.label), row: aging.totals },
    howToPay: input.howToPay,
  };
}

function mailTo(p: StatementPatient): Statement['mailTo'] {
  const address = { address1: p.address1, address2: p.address2, city: p.city, state: p.state, zip: p.zip };
  const guarantor =
    p.guarantorRelationship !== 'self' && p.guarantorLastName
      ? personName({ firstName: p.guarantorFirstName ?? '', lastName: p.guarantorLastName })
      : undefined;
  return { name: guarantor ?? personName(p), ...address };
}

function sumLines(lines: StatementLineInput[]): StatementTotals {
  const totals: StatementTotals = {
    chargeCents: 0,
    insurancePaidCents: 0,
    insuranceAdjustedCents: 0,
    insuranceBalanceCents: 0,
    patientResponsibilityCents: 0,
    patientPaidCents: 0,
    patientBalanceCents: 0,
  };
  for (const l of lines) for (const k of Object.keys(totals) as (keyof StatementTotals)[]) totals[k] += l[k];
  return totals;
}

/** Statement rules, from the practice's statement settings. */
export interface StatementRules {
  minimumBalanceCents: Cents;
  daysBetweenStatements: number;
}

/**
 * Whether a patient gets a statement today: they owe at least the minimum (and something), and
 * their last statement, if any, is at least the set number of days old and not from today (with
 * no days between, still one statement a day). Pure; "today" is given.
 */
export function isDueForStatement(
  amountDueCents: Cents,
  lastStatementDate: string | null,
  rules: StatementRules,
  today: string,
): boolean {
  if (amountDueCents <= 0 || amountDueCents < rules.minimumBalanceCents) return false;
  if (lastStatementDate === null) return true;
  return lastStatementDate < today && addDays(lastStatementDate, rules.daysBetweenStatements) <= today;
}
