// `cleanclaim eligibility parse FILE` and `cleanclaim status parse FILE`: any payer's 271 or 277
// (X212) read into what a front desk or a biller acts on; nothing stored, no database. Exit 0 read
// and keeps its TR3, 1 read but breaks its TR3 (what could be read is still shown), 2 not readable
// as X12 or not the transaction asked for.
import { readFile } from 'node:fs/promises';
import { formatUsd } from '../shared/money.ts';
import {
  BENEFIT_CODES,
  SERVICE_TYPES,
  parse271,
  parse277,
  statusInWords,
  summarize271,
  summarize277,
  validateX12,
  type Accumulators,
  type Benefit,
  type ClaimStatusSummary,
  type CostShare,
  type EligibilitySummary,
  type IsoDate,
  type Party,
  type StatusDetail,
  type StatusLine,
  type ValidationResult,
  type X12Problem,
} from '../x12/index.ts';
import { formatProblem, type CommandResult } from '../x12/cli.ts';

const $ = formatUsd;

/** What each parse command reads, and where the other transaction sets go instead. */
const ELSEWHERE: Record<string, string> = {
  '270': 'a 270 eligibility inquiry (the question, not the answer)',
  '271': 'a 271 eligibility answer: read it with `cleanclaim eligibility parse FILE`',
  '276': 'a 276 claim status inquiry (the question, not the answer)',
  '277': 'a 277 claim status answer: read it with `cleanclaim status parse FILE`',
  '277CA':
    'a 277CA claim acknowledgment (X214), not a claim status answer (X212): read it with `cleanclaim x12 to-json FILE`',
  '835': 'an 835 remittance: check it with `cleanclaim era check FILE`',
  '837': 'an 837 claim file: scrub it with `cleanclaim scrub FILE`',
  '999': 'a 999 acknowledgment: read it with `cleanclaim x12 to-json FILE`',
};

const setOf = (t: ValidationResult['transactions'][number]) =>
  t.guide === '005010X214' || t.tx.implementationRef?.startsWith('005010X214') ? '277CA' : t.tx.setId;

const partyName = (p: Pick<Party, 'lastOrOrganizationName' | 'firstName'>) =>
  [p.firstName, p.lastOrOrganizationName].filter(Boolean).join(' ');

const party = (p: Party) => (p.id ? { name: partyName(p), id: p.id } : { name: partyName(p) });

interface Read {
  file: string;
  v?: ValidationResult;
  /** Set when the exit code is 2. */
  unreadable?: string;
  problems: X12Problem[];
}

/** The file read and validated, or why it is not a file of `wanted` (exit 2). */
async function readAnswer(file: string, wanted: '271' | '277'): Promise<Read> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    return { file, unreadable: `cannot read ${file}: ${(e as Error).message}`, problems: [] };
  }
  const v = validateX12(bytes);
  if (v.problems.some((p) => p.severity === 'fatal'))
    return { file, unreadable: 'not readable as X12', problems: v.problems };
  const sets = [...new Set(v.transactions.map(setOf))];
  if (!sets.includes(wanted)) {
    const what = sets.map((s) => ELSEWHERE[s] ?? `ST01 ${s}`).join('; ');
    return {
      file,
      unreadable: `the file is X12 but holds no ${wanted} transaction set${what ? `: it is ${what}` : ''}`,
      problems: v.problems,
    };
  }
  return { file, v, problems: v.problems };
}

const isError = (p: X12Problem) => p.severity === 'error' || p.severity === 'fatal';

interface Outcome {
  file: string;
  exitCode: 0 | 1 | 2;
  valid: boolean;
  unreadable?: string;
  problems: X12Problem[];
}

/** What every report says first: the file, its exit code and validity, why it is unreadable (exit 2). */
function outcomeOf(r: Read, parsed: { valid: boolean; problems: X12Problem[] } | undefined): Outcome {
  const valid = parsed?.valid ?? false;
  const o: Outcome = {
    file: r.file,
    exitCode: r.unreadable ? 2 : valid ? 0 : 1,
    valid,
    problems: r.problems,
  };
  if (r.unreadable) o.unreadable = r.unreadable;
  if (parsed) o.problems = parsed.problems;
  return o;
}

/** Problems worth a line (errors and warnings), each with where: file, segment, element; then the result. */
function closing(r: Outcome, counted: string): string[] {
  const lines = r.problems.filter((p) => p.severity !== 'info').map((p) => `${r.file}: ${formatProblem(p)}`);
  if (r.unreadable) return [...lines, `${r.file}: ${r.unreadable} (exit 2)`];
  const errors = r.problems.filter(isError).length;
  return [
    ...lines,
    `${r.file}: ${counted}; ${r.valid ? 'keeps its TR3' : `breaks its TR3 (${errors} error${errors === 1 ? '' : 's'})`} (exit ${r.exitCode})`,
  ];
}

// ---------------------------------------------------------------- 271

/** EB06 Time Period Qualifiers a benefit is most often given for; others are shown as codes. */
const TIME_PERIODS: Record<string, string> = {
  '6': 'per hour',
  '7': 'per day',
  '13': 'per 24 hours',
  '21': 'per year',
  '22': 'service year',
  '23': 'calendar year',
  '24': 'year to date',
  '25': 'contract',
  '26': 'per episode',
  '27': 'per visit',
  '29': 'remaining',
  '32': 'lifetime',
  '33': 'lifetime remaining',
  '34': 'per month',
  '36': 'per admission',
};

const NETWORK = { inNetwork: 'in network', outOfNetwork: 'out of network', unspecified: '' } as const;

const serviceTypes = (codes: readonly string[]) =>
  codes.length === 0 ? 'all services' : codes.map((t) => SERVICE_TYPES[t] ?? `service type ${t}`).join(', ');

const period = (code: string | undefined) => (code ? (TIME_PERIODS[code] ?? `time period ${code}`) : '');

function costShare(c: CostShare): string {
  const what =
    c.percent !== undefined ? `${c.percent}%` : c.amountCents !== undefined ? $(c.amountCents) : '-';
  const how = [NETWORK[c.network], period(c.timePeriod)].filter(Boolean).join(', ');
  return `${what} ${serviceTypes(c.serviceTypes)}${how ? ` (${how})` : ''}`;
}

function accumulators(label: string, a: Accumulators): string[] {
  const out: string[] = [];
  for (const level of ['individual', 'family'] as const)
    for (const [network, x] of Object.entries(a[level])) {
      const parts = [
        x.amountCents !== undefined ? `${$(x.amountCents)}` : '',
        x.remainingCents !== undefined ? `${$(x.remainingCents)} remaining` : '',
        x.metCents !== undefined ? `${$(x.metCents)} met` : '',
      ].filter(Boolean);
      const net = NETWORK[network as keyof typeof NETWORK];
      out.push(`  ${label} (${level}${net ? `, ${net}` : ''}): ${parts.join(', ')}`);
    }
  return out;
}

function otherBenefit(b: Benefit): string {
  const parts = [
    b.coverageLevel ? `level ${b.coverageLevel}` : '',
    b.amountCents !== undefined ? $(b.amountCents) : '',
    b.percent !== undefined ? `${Math.round(Number(b.percent) * 10_000) / 100}%` : '',
    b.quantity !== undefined ? `${b.quantity} ${b.quantityQualifier ?? ''}`.trim() : '',
    period(b.timePeriod),
    b.inNetwork === 'Y' ? 'in network' : b.inNetwork === 'N' ? 'out of network' : '',
    b.procedure ? `procedure ${b.procedure.code}` : '',
    b.planDescription ?? '',
  ].filter(Boolean);
  const name = BENEFIT_CODES[b.code] ?? 'unknown benefit code';
  const messages = (b.messages ?? []).length > 0 ? ` — ${(b.messages ?? []).join(' / ')}` : '';
  return `  EB01 ${b.code} ${name}: ${serviceTypes(b.serviceTypes)}${parts.length ? ` (${parts.join(', ')})` : ''}${messages}`;
}

/** One 271 answer as it is handed to the JSON: who, for what, and the front-desk summary. */
export interface EligibilityAnswer {
  /** BHT03 and BHT04/BHT05 of the transaction set. */
  referenceId: string;
  date: IsoDate;
  time: string;
  /** TRN02 of the patient's level: the trace of the 270 this answers. */
  traceNumbers: string[];
  payer: { name: string; id?: string };
  provider: { name: string; id?: string };
  summary: EligibilitySummary;
}

export interface EligibilityParseReport extends Outcome {
  transaction: '271';
  answers: EligibilityAnswer[];
}

function parseEligibility(r: Read, dateOfService?: IsoDate): EligibilityParseReport {
  const parsed = r.v ? parse271(r.v) : undefined;
  const answers = (parsed?.responses ?? []).map((x) => {
    const patient = x.dependent ?? x.subscriber;
    return {
      referenceId: x.referenceId,
      date: x.date,
      time: x.time,
      traceNumbers: patient.traces.map((t) => t.number),
      payer: party(x.payer),
      provider: party(x.provider),
      summary: summarize271(x, dateOfService),
    };
  });
  const { problems, ...head } = outcomeOf(r, parsed);
  return { ...head, transaction: '271', answers, problems };
}

function answerLines(a: EligibilityAnswer): string[] {
  const s = a.summary;
  const patient = partyName({ lastOrOrganizationName: s.patient.lastName, firstName: s.patient.firstName });
  const subscriber = partyName({
    lastOrOrganizationName: s.subscriber.lastName,
    firstName: s.subscriber.firstName,
  });
  const out = [
    `Patient ${patient || '-'}${s.isDependent ? ` (dependent of ${subscriber})` : ''}${s.patient.memberId ? `, member ID ${s.patient.memberId}` : ''}${s.patient.birthDate ? `, born ${s.patient.birthDate}` : ''}`,
    `  payer ${s.payer.name || '-'}${s.payer.id ? ` (${s.payer.id})` : ''}; asked by ${a.provider.name || '-'}${a.provider.id ? ` (${a.provider.id})` : ''}; answered ${a.date}${a.traceNumbers.length ? `; trace ${a.traceNumbers.join(', ')}` : ''}`,
    `  ${s.status.toUpperCase()}: ${s.statusText}${s.statusCode ? ` (EB01 ${s.statusCode})` : ''}`,
  ];
  const plan = [
    s.planName ? `plan ${s.planName}` : '',
    s.insuranceType ? `insurance type ${s.insuranceType}` : '',
    s.groupNumber ? `group ${s.groupNumber}${s.groupName ? ` ${s.groupName}` : ''}` : '',
  ].filter(Boolean);
  if (plan.length) out.push(`  ${plan.join('; ')}`);
  const c = s.coverage;
  const dates = [
    c.begins || c.ends ? `coverage ${c.begins ?? '?'} to ${c.ends ?? 'open'}` : '',
    c.planBegins || c.planEnds ? `plan year ${c.planBegins ?? '?'} to ${c.planEnds ?? 'open'}` : '',
  ].filter(Boolean);
  if (dates.length) out.push(`  ${dates.join('; ')}`);
  out.push(...accumulators('deductible', s.deductible), ...accumulators('out of pocket', s.outOfPocket));
  for (const x of s.coinsurance) out.push(`  coinsurance ${costShare(x)}`);
  for (const x of s.copays) out.push(`  copay ${costShare(x)}`);
  if (s.authorizationRequired.length)
    out.push(`  authorization or referral required: ${s.authorizationRequired.join('; ')}`);
  for (const p of s.otherPayers)
    out.push(
      `  other payer ${p.name}${p.id ? ` (${p.id})` : ''}${p.insuranceType ? `, insurance type ${p.insuranceType}` : ''} for ${serviceTypes(p.serviceTypes)}`,
    );
  if (s.primaryCareProvider)
    out.push(
      `  primary care provider ${s.primaryCareProvider.name}${s.primaryCareProvider.id ? ` (${s.primaryCareProvider.id})` : ''}`,
    );
  for (const x of s.rejections)
    out.push(
      `  REJECTED (AAA03 ${x.code}, ${x.level}): ${x.says}. What to do: ${x.todo}${x.followUp ? ` (payer says: ${x.followUp})` : ''}`,
    );
  for (const w of s.warnings) out.push(`  ! ${w}`);
  // EB*L is the primary care provider shown above.
  for (const b of s.otherBenefits) if (!(b.code === 'L' && s.primaryCareProvider)) out.push(otherBenefit(b));
  for (const m of s.messages) out.push(`  message: ${m}`);
  if (s.unknownCodes.length)
    out.push(`  codes without words here (kept as sent): ${s.unknownCodes.join(', ')}`);
  return out;
}

export function formatEligibility(report: EligibilityParseReport): string {
  const out: string[] = [];
  for (const a of report.answers) out.push(...answerLines(a), '');
  const n = report.answers.length;
  out.push(...closing(report, `${n} patient${n === 1 ? '' : 's'} answered`));
  return out.join('\n') + '\n';
}

export async function eligibilityParseCommand(
  file: string,
  opts: { json?: boolean; dos?: IsoDate } = {},
): Promise<CommandResult> {
  const r = await readAnswer(file, '271');
  const report = parseEligibility(r, opts.dos);
  const output = opts.json ? JSON.stringify(report, null, 2) + '\n' : formatEligibility(report);
  return { output, exitCode: report.exitCode };
}

// ---------------------------------------------------------------- 277

export type StatusInWords = StatusDetail & { says: string };

/** One claim of a 277 answer: summarize277's summary with the payer, each STC in words and the lines. */
export interface ClaimStatusAnswer extends ClaimStatusSummary {
  referenceId: string;
  date: IsoDate;
  payer: { name: string; id?: string };
  provider: { name: string; id?: string };
  statuses: StatusInWords[];
  lines: (StatusLine & { statuses: StatusInWords[] })[];
}

export interface StatusParseReport extends Outcome {
  transaction: '277';
  claims: ClaimStatusAnswer[];
}

const said = (s: StatusDetail): StatusInWords => ({ ...s, says: statusInWords(s) });

function parseStatus(r: Read): StatusParseReport {
  const parsed = r.v ? parse277(r.v) : undefined;
  const claims = (parsed?.responses ?? []).flatMap((x) => {
    const summaries = summarize277(x);
    return x.claims.map((c, i): ClaimStatusAnswer => ({
      ...(summaries[i] as ClaimStatusSummary),
      referenceId: x.referenceId,
      date: x.date,
      payer: party(x.payer),
      provider: party(x.provider),
      statuses: c.statuses.map(said),
      lines: c.lines.map((l) => ({ ...l, statuses: l.statuses.map(said) })),
    }));
  });
  const { problems, ...head } = outcomeOf(r, parsed);
  return { ...head, transaction: '277', claims, problems };
}

function statusLine(s: StatusInWords, indent: string): string {
  const money = [
    s.chargeCents !== undefined ? `charged ${$(s.chargeCents)}` : '',
    s.paidCents !== undefined ? `paid ${$(s.paidCents)}` : '',
    s.adjudicatedDate ? `adjudicated ${s.adjudicatedDate}` : '',
    s.paymentMethod ? `by ${s.paymentMethod}` : '',
    s.checkNumber ? `check/EFT ${s.checkNumber}` : '',
    s.checkDate ? `on ${s.checkDate}` : '',
    s.effectiveDate ? `as of ${s.effectiveDate}` : '',
  ].filter(Boolean);
  const code = [s.category, s.code, s.entity].filter(Boolean).join(':');
  return `${indent}${code} ${s.says}${money.length ? ` — ${money.join(', ')}` : ''}`;
}

function claimLines(c: ClaimStatusAnswer): string[] {
  const patient = partyName({ lastOrOrganizationName: c.patient.lastName, firstName: c.patient.firstName });
  const ids = [
    c.patientControlNumber ? `patient control number ${c.patientControlNumber}` : '',
    c.payerClaimControlNumber ? `payer claim number ${c.payerClaimControlNumber}` : '',
  ].filter(Boolean);
  const out = [
    `Claim trace ${c.traceNumber || '-'}${ids.length ? ` (${ids.join(', ')})` : ''}`,
    `  patient ${patient || '-'}${c.patient.memberId ? `, member ID ${c.patient.memberId}` : ''}; payer ${c.payer.name || '-'}${c.payer.id ? ` (${c.payer.id})` : ''}; provider ${c.provider.name || '-'}; answered ${c.date}`,
    `  ${c.family.toUpperCase()}${c.needsAction ? ` — NEEDS ACTION: ${c.reason ?? ''}` : ''}`,
    ...c.statuses.map((s) => statusLine(s, '  ')),
  ];
  const paid = [
    c.chargeCents !== undefined ? `charged ${$(c.chargeCents)}` : '',
    c.paidCents !== undefined ? `paid ${$(c.paidCents)}` : '',
    c.checkNumber ? `check/EFT ${c.checkNumber}${c.checkDate ? ` dated ${c.checkDate}` : ''}` : '',
  ].filter(Boolean);
  if (paid.length) out.push(`  claim: ${paid.join(', ')}`);
  for (const l of c.lines) {
    const code = [l.procedure.code, ...l.procedure.modifiers].join(':');
    out.push(
      `  line ${code}${l.serviceDate ? ` ${l.serviceDate.from}` : ''}  charged ${$(l.chargeCents)}${l.paidCents !== undefined ? `  paid ${$(l.paidCents)}` : ''}`,
      ...l.statuses.map((s) => statusLine(s, '    ')),
    );
  }
  return out;
}

export function formatStatus(report: StatusParseReport): string {
  const out: string[] = [];
  for (const c of report.claims) out.push(...claimLines(c), '');
  const n = report.claims.length;
  const acting = report.claims.filter((c) => c.needsAction).length;
  out.push(...closing(report, `${n} claim${n === 1 ? '' : 's'} answered, ${acting} need action`));
  return out.join('\n') + '\n';
}

export async function statusParseCommand(
  file: string,
  opts: { json?: boolean } = {},
): Promise<CommandResult> {
  const r = await readAnswer(file, '277');
  const report = parseStatus(r);
  const output = opts.json ? JSON.stringify(report, null, 2) + '\n' : formatStatus(report);
  return { output, exitCode: report.exitCode };
}
