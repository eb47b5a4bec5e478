// CLI adapters for `cleanclaim x12 inspect|validate|to-json|from-json`: read the file, call the core,
// format the answer. Each returns { output, exitCode } so the CLI owner can wire them in.
import { readFile } from 'node:fs/promises';
import { parseX12, transactionsOf } from './engine/parse.ts';
import { validateX12 } from './engine/validate.ts';
import { MemoryControlNumbers } from './engine/writer.ts';
import type { X12Problem } from './problems.ts';
import { parse837 } from './transactions/837.ts';
import { write837, type Guide, type Transaction837 } from './transactions/837-generate.ts';
import type { ProfessionalClaim, Receiver, Submitter } from './transactions/837-types.ts';
import { parse835 } from './transactions/835.ts';
import { parse999 } from './transactions/999.ts';
import { parse277CA } from './transactions/277ca.ts';
import { parseTA1 } from './transactions/ta1.ts';
import { parse270 } from './transactions/270.ts';
import { parse271 } from './transactions/271.ts';
import { parse276 } from './transactions/276.ts';
import { parse277 } from './transactions/277.ts';
import { summarize271 } from './eligibility-summary.ts';
import { summarize277 } from './claim-status-summary.ts';

export interface CommandResult {
  output: string;
  /** 0 ok, 1 problems found, 2 unreadable input. */
  exitCode: number;
}

async function load(file: string): Promise<Buffer | CommandResult> {
  try {
    return await readFile(file);
  } catch (e) {
    return { output: `cannot read ${file}: ${(e as Error).message}\n`, exitCode: 2 };
  }
}

export function formatProblem(p: X12Problem): string {
  const where = [
    p.segmentNumber !== undefined ? `segment ${p.segmentNumber}` : '',
    p.line !== undefined ? `line ${p.line}` : '',
    p.transaction ? `ST02 ${p.transaction}` : '',
    p.loop ? `loop ${p.loop}` : '',
    p.element ?? p.segmentId ?? '',
  ].filter((x) => x);
  const ack = [
    p.ik3 ? `IK304=${p.ik3}` : '',
    p.ik4 ? `IK403=${p.ik4}` : '',
    p.ta1 ? `TA105=${p.ta1}` : '',
  ].filter((x) => x);
  return `${p.severity.toUpperCase()} ${p.code} [${where.join(', ')}] ${p.message}${ack.length ? ` (${ack.join(' ')})` : ''}`;
}

const fatal = (ps: X12Problem[]): boolean => ps.some((p) => p.severity === 'fatal');

export async function inspectCommand(file: string): Promise<CommandResult> {
  const buf = await load(file);
  if (!Buffer.isBuffer(buf)) return buf;
  const doc = parseX12(buf);
  const lines: string[] = [`file: ${file}`, `separators: ${JSON.stringify(doc.delimiters)}`];
  for (const ic of doc.interchanges) {
    lines.push(
      `interchange ISA13=${ic.isa?.el[13] ?? '-'} from ${ic.isa?.el[6]?.trim() ?? '-'} to ${ic.isa?.el[8]?.trim() ?? '-'} (TA1: ${ic.ta1.length})`,
    );
    for (const g of ic.groups) {
      lines.push(`  group GS01=${g.gs?.el[1] ?? '-'} GS06=${g.gs?.el[6] ?? '-'} GS08=${g.gs?.el[8] ?? '-'}`);
      for (const tx of g.transactions) {
        lines.push(
          `    transaction ST01=${tx.setId} ST02=${tx.controlNumber} ST03=${tx.implementationRef || '-'} segments=${tx.segmentCount}`,
        );
      }
    }
  }
  lines.push(`transactions: ${[...transactionsOf(doc)].length}`, `problems: ${doc.problems.length}`);
  for (const p of doc.problems) lines.push(formatProblem(p));
  return { output: lines.join('\n') + '\n', exitCode: fatal(doc.problems) ? 2 : 0 };
}

export async function validateCommand(file: string, opts: { json?: boolean } = {}): Promise<CommandResult> {
  const buf = await load(file);
  if (!Buffer.isBuffer(buf)) return buf;
  const v = validateX12(buf);
  const exitCode = fatal(v.problems) ? 2 : v.valid ? 0 : 1;
  if (opts.json) {
    const body = {
      valid: v.valid,
      transactions: v.transactions.map((t) => ({
        controlNumber: t.tx.controlNumber,
        setId: t.tx.setId,
        guide: t.guide,
        accepted: t.accepted,
      })),
      problems: v.problems,
    };
    return { output: JSON.stringify(body, null, 2) + '\n', exitCode };
  }
  const head = v.valid
    ? `${file}: valid`
    : `${file}: ${v.problems.filter((p) => p.severity === 'error' || p.severity === 'fatal').length} errors`;
  return { output: [head, ...v.problems.map(formatProblem)].join('\n') + '\n', exitCode };
}

export async function toJsonCommand(file: string): Promise<CommandResult> {
  const buf = await load(file);
  if (!Buffer.isBuffer(buf)) return buf;
  const v = validateX12(buf);
  const sets = new Set(v.transactions.map((t) => (t.guide === '005010X214' ? '277CA' : t.tx.setId)));
  const withSummaries = <R, S>(responses: R[], summarize: (r: R) => S) =>
    responses.map((r) => ({ ...r, summary: summarize(r) }));
  const out: Record<string, unknown> = { valid: v.valid };
  if (sets.has('837')) out['837'] = parse837(v).transactions;
  if (sets.has('835')) out['835'] = parse835(v).remittances;
  if (sets.has('999')) out['999'] = parse999(v).acknowledgments;
  if (sets.has('277CA')) out['277CA'] = parse277CA(v).acknowledgments;
  if (sets.has('270')) out['270'] = parse270(v).requests;
  if (sets.has('271')) out['271'] = withSummaries(parse271(v).responses, (r) => summarize271(r));
  if (sets.has('276')) out['276'] = parse276(v).requests;
  if (sets.has('277')) out['277'] = withSummaries(parse277(v).responses, summarize277);
  const ta1 = parseTA1(v.document).acknowledgments;
  if (ta1.length > 0) out.TA1 = ta1;
  out.problems = v.problems;
  return { output: JSON.stringify(out, null, 2) + '\n', exitCode: fatal(v.problems) ? 2 : 0 };
}

/**
 * JSON input for from-json: either claims plus envelope details, or what `to-json` gives for an 837
 * (its "837" transaction sets, each with its guide, BHT, submitter, receiver and claims).
 */
export interface ClaimFile {
  submitter?: Submitter;
  receiver?: Receiver;
  senderId?: string;
  receiverId?: string;
  usage?: 'P' | 'T';
  /** CCYYMMDD / HHMM; default now (the CLI is the edge that may read the clock). */
  date?: string;
  time?: string;
  /** 005010X222A1 (837P, default) or 005010X223A2 (837I). */
  guide?: Guide;
  /** First interchange/group/transaction control numbers (default 1, or the first set's ST02). */
  controlNumbers?: { interchange?: number; group?: number; transaction?: number };
  claims?: ProfessionalClaim[];
  '837'?: (Transaction837 & { controlNumber?: string; guide?: string | null })[];
}

const GUIDES: readonly string[] = ['005010X222A1', '005010X223A2'];

/** The transaction sets a ClaimFile asks for, or why it cannot be written. */
function setsOf(input: ClaimFile): Transaction837[] | string {
  if (Array.isArray(input['837'])) {
    if (input['837'].some((t) => !t?.submitter || !t.receiver || !Array.isArray(t.claims)))
      return 'each "837" transaction set needs submitter, receiver and claims\n';
    const bad = input['837'].find((t) => t.guide && !GUIDES.includes(t.guide));
    if (bad) return `no 837 writer for guide ${String(bad.guide)} (only ${GUIDES.join(', ')})\n`;
    return input['837'].map(({ guide, header, submitter, receiver, claims }) => ({
      ...(guide ? { guide: guide as Guide } : {}),
      ...(header ? { header } : {}),
      submitter,
      receiver,
      claims,
    }));
  }
  if (!Array.isArray(input.claims) || !input.submitter || !input.receiver)
    return 'expected { submitter, receiver, senderId, receiverId, claims: [...] } or the output of x12 to-json\n';
  const { submitter, receiver, claims, guide = '005010X222A1' } = input;
  return [{ submitter, receiver, claims, guide }];
}

export async function fromJsonCommand(file: string): Promise<CommandResult> {
  const buf = await load(file);
  if (!Buffer.isBuffer(buf)) return buf;
  let input: ClaimFile;
  try {
    input = JSON.parse(buf.toString('utf8')) as ClaimFile;
  } catch (e) {
    return { output: `not JSON: ${(e as Error).message}\n`, exitCode: 2 };
  }
  const sets = setsOf(input);
  if (typeof sets === 'string' || sets.length === 0)
    return { output: typeof sets === 'string' ? sets : 'no transaction sets to write\n', exitCode: 2 };
  const first = sets[0] as Transaction837;
  const firstSt02 = Number(input['837']?.[0]?.controlNumber);
  const now = new Date().toISOString();
  let text: string;
  try {
    text = await write837(sets, {
      senderId: input.senderId ?? first.submitter.id,
      receiverId: input.receiverId ?? first.receiver.id,
      usage: input.usage ?? 'T',
      date: input.date ?? now.slice(0, 10).replace(/-/g, ''),
      time: input.time ?? now.slice(11, 16).replace(':', ''),
      numbers: new MemoryControlNumbers(
        input.controlNumbers ?? (firstSt02 > 0 ? { transaction: firstSt02 } : {}),
      ),
      lineBreaks: true,
    });
  } catch (e) {
    return { output: `cannot write: ${(e as Error).message}\n`, exitCode: 2 };
  }
  const check = validateX12(text);
  return { output: text, exitCode: check.valid ? 0 : 1 };
}
