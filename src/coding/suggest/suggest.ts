/**
 * Pure: ICD-10-CM codes and the office E/M level proposed from a note, each with the words that
 * support it and the reason. Denied and uncertain conditions are set aside (outpatient coding
 * does not code "rule out", Official Guidelines IV.H); conditions in the past or the family become
 * their history Z codes; codes the patient's sex or age rule out are dropped.
 */
import { rulesFor } from '../../codesets/index.ts';
import { assertions, type Assertion } from './context.ts';
import { emLevel, emTitle } from './em.ts';
import { historyCode, isChronic } from './history.ts';
import { expand, findMatches, type Match } from './match.ts';
import { readEmFindings } from './mdm.ts';
import { defaultCode, type PhraseIndex, type PhraseSource } from './phrases.ts';
import { STOP_WORDS, tokenize, type Token } from './text.ts';
import type { Evidence, SetAside, Suggestion } from './types.ts';

export interface SuggestInput {
  text: string;
  /** YYYY-MM-DD */
  dateOfService: string;
  sex?: 'F' | 'M' | 'U';
  /** age in years on the date of service */
  age?: number;
  /** when the schedule knows; otherwise read from the note ("new patient") */
  newPatient?: boolean;
}

export interface SuggestResult {
  suggestions: Suggestion[];
  setAside: SetAside[];
}

const CONFIDENCE: Record<PhraseSource, number> = {
  'common term': 0.9,
  'inclusion term': 0.85,
  'index term': 0.85,
  title: 0.75,
};

export function suggestCodes(index: PhraseIndex, input: SuggestInput): SuggestResult {
  const { text } = input;
  const noteTokens = tokenize(text);
  const asserted = assertions(text, noteTokens);
  const { tokens, origin } = expand(noteTokens);
  const byCode = new Map<string, Suggestion>();
  const setAside: SetAside[] = [];
  for (const m of findMatches(index, tokens)) {
    const evidence = evidenceOf(text, m, tokens);
    const assertion = asserted[origin[m.tokens[0] as number] as number] as Assertion;
    const title = titleOf(index, m.phrase.code);
    if (assertion === 'negated' || assertion === 'uncertain') {
      setAside.push({ code: m.phrase.code, title, evidence, why: assertion });
      continue;
    }
    const s = diagnosis(index, m, assertion, evidence);
    if (!s || !allowedFor(s.code, input)) continue;
    const had = byCode.get(s.code);
    if (!had) byCode.set(s.code, s);
    else {
      had.evidence.push(...s.evidence);
      had.confidence = Math.max(had.confidence, s.confidence);
    }
  }
  const suggestions = [...byCode.values()].sort(
    (a, b) => (a.evidence[0]?.start ?? 0) - (b.evidence[0]?.start ?? 0),
  );
  const em = officeVisit(input, suggestions);
  return { suggestions: em ? [...suggestions, em] : suggestions, setAside };
}

function titleOf(index: PhraseIndex, code: string): string {
  return index.table.codes.get(code)?.longDescription ?? code;
}

function diagnosis(
  index: PhraseIndex,
  m: Match,
  assertion: Assertion,
  evidence: Evidence[],
): Suggestion | undefined {
  const { code, source } = m.phrase;
  const said = evidence.map((e) => e.text).join(' … ');
  const matched = `"${said}" matches the ${source === 'title' ? 'code title' : source}`;
  if (assertion === 'present')
    return {
      system: 'ICD-10-CM',
      code,
      title: titleOf(index, code),
      evidence,
      reason: matched,
      confidence: CONFIDENCE[source],
    };
  if (assertion === 'history' && isChronic(code))
    return {
      system: 'ICD-10-CM',
      code,
      title: titleOf(index, code),
      evidence,
      reason: `${matched}; written as history, but a chronic condition like this is usually still treated: confirm it is current`,
      confidence: 0.5,
    };
  const z = historyCode(code, assertion === 'family' ? 'family' : 'history');
  const target = z && defaultCode(index.table, z);
  if (!target) return undefined;
  const whose = assertion === 'family' ? 'family history' : 'personal history';
  return {
    system: 'ICD-10-CM',
    code: target,
    title: titleOf(index, target),
    evidence,
    reason: `${matched} (${code}) and the note places it in the ${whose}: the ${whose} code stands instead`,
    confidence: 0.8,
  };
}

/** The note's words a match rests on, adjacent words joined into one highlight. */
function evidenceOf(text: string, m: Match, tokens: readonly Token[]): Evidence[] {
  const spans = [...new Map(m.tokens.map((i) => [tokens[i]?.start, tokens[i] as Token])).values()].sort(
    (a, b) => a.start - b.start,
  );
  const out: Evidence[] = [];
  for (const t of spans) {
    const last = out[out.length - 1];
    if (last && joins(text.slice(last.end, t.start))) last.end = t.end;
    else out.push({ start: t.start, end: t.end, text: '' });
  }
  for (const e of out) e.text = text.slice(e.start, e.end);
  return out;
}

/** Only spaces, commas and words that never decide a match lie between two highlighted words. */
function joins(gap: string): boolean {
  return (
    gap.length < 20 &&
    (gap.match(/[A-Za-z0-9]+|[^\s,-]/g) ?? []).every((w) => STOP_WORDS.has(w.toLowerCase()))
  );
}

/** Codes the MCE limits to one sex or an age range (rulesFor) are dropped when the patient falls outside. */
function allowedFor(code: string, input: SuggestInput): boolean {
  return rulesFor(code).every(
    (r) =>
      (!r.sex || !input.sex || input.sex === 'U' || r.sex === input.sex) &&
      (input.age === undefined ||
        ((r.minAge === undefined || input.age >= r.minAge) &&
          (r.maxAge === undefined || input.age <= r.maxAge))),
  );
}

function officeVisit(input: SuggestInput, diagnoses: readonly Suggestion[]): Suggestion | undefined {
  const current = diagnoses.filter((d) => !d.code.startsWith('Z') && d.confidence > 0.5);
  const chronic = current.filter((d) => isChronic(d.code)).length;
  const f = readEmFindings(input.text, chronic, current.length - chronic);
  if (f.preventive) return undefined;
  const newPatient = input.newPatient ?? f.newPatient;
  const level = emLevel({
    newPatient,
    ...(f.totalMinutes !== undefined ? { totalMinutes: f.totalMinutes } : {}),
    mdm: f.mdm,
    nurseVisit: f.nurseVisit,
    dateOfService: input.dateOfService,
  });
  if (!level) return undefined;
  const assumed =
    input.newPatient === undefined && !f.newPatientStated
      ? ' (the note does not say new or established: established assumed)'
      : '';
  return {
    system: 'CPT',
    code: level.code,
    title: emTitle(level.code),
    evidence: f.evidence,
    reason: `${level.reason}${assumed}; ${f.notes.join('; ')}`,
    confidence: level.basis === 'time' ? 0.9 : 0.6,
  };
}
