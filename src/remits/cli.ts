// CLI adapter for `cleanclaim era check FILE [--json]`: read the file, check it, format the answer
// for a payment poster (or as stable JSON). Returns { output, exitCode } like the X12 commands.
import { readFile } from 'node:fs/promises';
import { formatUsd } from '../shared/money.ts';
import { checkEra, type CheckedClaim, type CheckedTransaction, type EraCheckReport } from './check.ts';
import type { RemitProblem } from './problems.ts';
import type { X12Problem } from '../x12/index.ts';

export interface CommandResult {
  output: string;
  exitCode: number;
}

const $ = formatUsd;

const GROUPS: Record<string, string> = {
  CO: 'contractual',
  PR: 'patient responsibility',
  OA: 'other adjustment',
  PI: 'payer initiated reduction',
  CR: 'correction/reversal',
};

/** PR-1/2/3 are what a poster bills the patient for; name them. */
const PR_REASONS: Record<string, string> = { '1': 'deductible', '2': 'coinsurance', '3': 'copay' };

function adjustmentText(a: {
  group: string;
  reason: string;
  amountCents: number;
  lineNumber?: number;
}): string {
  const what = a.group === 'PR' && PR_REASONS[a.reason] ? PR_REASONS[a.reason] : (GROUPS[a.group] ?? a.group);
  return `${a.group}-${a.reason} ${$(a.amountCents)} (${what}${a.lineNumber ? `, line ${a.lineNumber}` : ''})`;
}

function whereText(p: RemitProblem): string {
  return [
    p.claimNumber ? `claim ${p.claimNumber} CLP01 ${p.patientControlNumber}` : '',
    p.lineNumber ? `line ${p.lineNumber}` : '',
    p.segmentNumber ? `segment ${p.segmentNumber}` : '',
    p.element ?? '',
  ]
    .filter((x) => x)
    .join(', ');
}

function claimLines(c: CheckedClaim): string[] {
  const out = [
    `  ${c.balanced ? ' ' : '✗'} claim ${c.patientControlNumber}  ${c.status} ${c.statusName}  charge ${$(c.chargeCents)}  paid ${$(c.paidCents)}  patient owes ${c.patientResponsibilityCents === null ? '-' : $(c.patientResponsibilityCents)}${c.payerClaimControlNumber ? `  payer claim ${c.payerClaimControlNumber}` : ''}`,
  ];
  if (c.patientName) out.push(`      patient ${c.patientName}`);
  for (const a of c.adjustments) out.push(`      ${adjustmentText(a)}`);
  if (c.remarkCodes.length) out.push(`      remarks ${c.remarkCodes.join(' ')}`);
  for (const l of c.lines) {
    const code = [l.procedure, ...l.modifiers].join(':');
    out.push(
      `      line ${l.lineNumber} ${code}${l.originalProcedure ? ` (billed ${l.originalProcedure})` : ''}${l.serviceDate ? ` ${l.serviceDate}` : ''}  charge ${$(l.chargeCents)}  paid ${$(l.paidCents)}${l.remarkCodes.length ? `  remarks ${l.remarkCodes.join(' ')}` : ''}`,
    );
  }
  return out;
}

function transactionLines(t: CheckedTransaction): string[] {
  const p = t.payment;
  const out = [
    `Transaction ST02 ${t.controlNumber}: ${t.balanced ? 'balances' : 'DOES NOT BALANCE'}`,
    `  payer   ${t.payer.name || '-'}${t.payer.id ? ` (${t.payer.id})` : ''}`,
    `  payee   ${t.payee.name || '-'}${t.payee.id ? ` (${t.payee.idQualifier ?? ''} ${t.payee.id})` : ''}`,
    `  payment ${p.methodName} ${p.traceNumber || '-'}  ${$(p.totalPaidCents)}${p.date ? ` on ${p.date}` : ''}  BPR01 ${p.handlingCode}: ${p.handling}`,
    `  totals  ${t.totals.claims} claim${t.totals.claims === 1 ? '' : 's'}  charged ${$(t.totals.chargeCents)}  paid ${$(t.totals.paidCents)}  patient owes ${$(t.totals.patientResponsibilityCents)}  provider adjustments ${$(t.totals.providerAdjustmentCents)}`,
  ];
  for (const a of t.providerAdjustments)
    out.push(
      `  PLB ${a.reason}${a.referenceId ? `:${a.referenceId}` : ''} ${$(a.amountCents)} (provider ${a.providerId})`,
    );
  for (const c of t.claims) out.push(...claimLines(c));
  for (const b of t.balancing) out.push(`  ✗ ${b.code} [${whereText(b)}] ${b.message}`);
  return out;
}

function problemLine(p: X12Problem): string {
  const where = [
    p.segmentNumber !== undefined ? `segment ${p.segmentNumber}` : '',
    p.transaction ? `ST02 ${p.transaction}` : '',
    p.loop ? `loop ${p.loop}` : '',
    p.element ?? p.segmentId ?? '',
  ].filter((x) => x);
  return `  ${p.severity.toUpperCase()} ${p.code} [${where.join(', ')}] ${p.message}`;
}

export function formatEraCheck(file: string, r: EraCheckReport): string {
  const out = [`ERA check of ${file}`];
  if (!r.readable) {
    out.push(`Not readable as an 835: ${r.unreadable ?? 'unknown reason'}`);
    for (const p of r.tr3Problems.filter((x) => x.severity === 'fatal')) out.push(problemLine(p));
    return out.join('\n') + '\n';
  }
  for (const t of r.transactions) out.push(...transactionLines(t), '');
  const shown = r.tr3Problems.filter(
    (p) => p.severity === 'error' || p.severity === 'fatal' || p.severity === 'warning',
  );
  out.push(
    r.tr3Valid
      ? 'TR3 (X221A1): no errors'
      : `TR3 (X221A1): ${shown.filter((p) => p.severity !== 'warning').length} errors`,
  );
  for (const p of shown) out.push(problemLine(p));
  const unbalanced = r.transactions.filter((t) => !t.balanced).length;
  out.push(
    `Result: ${r.transactions.length} transaction${r.transactions.length === 1 ? '' : 's'}, ${unbalanced === 0 ? (r.transactions.length === 1 ? 'it balances' : 'all balance') : `${unbalanced} ${unbalanced === 1 ? 'does' : 'do'} not balance`}${r.tr3Valid ? '' : ', breaks its TR3'} (exit ${r.exitCode})`,
  );
  return out.join('\n') + '\n';
}

export async function eraCheckCommand(file: string, opts: { json?: boolean } = {}): Promise<CommandResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    return { output: `cannot read ${file}: ${(e as Error).message}\n`, exitCode: 2 };
  }
  const report = checkEra(bytes);
  const output = opts.json
    ? JSON.stringify({ file, ...report }, null, 2) + '\n'
    : formatEraCheck(file, report);
  return { output, exitCode: report.exitCode };
}
