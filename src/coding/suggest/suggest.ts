/**
 * Pure: ICD-10-CM codes and the office E/M level proposed from a note, each with the words that
 * support it and the reason. Denied and uncertain conditions are set aside (outpatient coding
 * does not code "rule out", Official Guidelines IV.H); conditions in the past or the family become
 * their history Z codes; codes the patient's sex or age rule out are dropped.
 */
import { rulesFor } from '../../codesets/index.ts';
import { assertions, assessmentSpans, type Assertion } from './context.ts';
import { emLevel, emTitle } from './em.ts';
import { historyCode, isChronic } from './history.ts';
import { expand, findMatches, type Match } from './match.ts';
import { readEmFindings } from './mdm.ts';
import { defaultCode, titleWords, type PhraseIndex, type PhraseSource } from './phrases.ts';
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
  const kept = refine(index, text, [...byCode.values()], setAside, input);
  const suggestions = kept.sort((a, b) => (a.evidence[0]?.start ?? 0) - (b.evidence[0]?.start ?? 0));
  const em = officeVisit(input, suggestions);
  return { suggestions: em ? [...suggestions, em] : suggestions, setAside };
}

/**
 * A coder codes what the assessment states, the most specific code a category offers, and a
 * combination code instead of its parts; BMI goes with the weight diagnosis it supports.
 */
function refine(
  index: PhraseIndex,
  text: string,
  found: Suggestion[],
  setAside: SetAside[],
  input: SuggestInput,
): Suggestion[] {
  const aside = (s: Suggestion, why: SetAside['why']) =>
    setAside.push({ code: s.code, title: s.title, evidence: s.evidence, why });
  const spans = assessmentSpans(text);
  const stated = (s: Suggestion) =>
    s.evidence.some((e) => spans.some((x) => e.start >= x.from && e.start < x.to));
  // history, family history, status and encounter reasons (Z codes) are read from the whole note
  const isHistory = (s: Suggestion) => s.code.startsWith('Z');
  let out = found;
  if (found.some((s) => !isHistory(s) && stated(s))) {
    out = found.filter((s) => isHistory(s) || stated(s));
    for (const s of found) if (!out.includes(s)) aside(s, 'not in the assessment');
  }
  const superseded = (s: Suggestion) =>
    out.some((o) => o !== s && o.code.slice(0, 3) === s.code.slice(0, 3) && narrower(o, s)) ||
    (COMBINATIONS[s.code] ?? []).some((c) => out.some((o) => o.code.startsWith(c)));
  const final = out.filter((s) => !superseded(s));
  for (const s of out) if (!final.includes(s)) aside(s, 'a more specific code is documented');
  const bmi = bmiCode(index, text, input, final);
  return bmi ? [...final, bmi] : final;
}

/**
 * Is o a more specific code for what s says? Same category, s a default (unspecified or naming
 * what is absent), o not, and every word of s's title in o's (compared on the first five
 * letters, so "depression" meets "depressive").
 */
function narrower(o: Suggestion, s: Suggestion): boolean {
  const tw = titleWords(s.title);
  const ow = titleWords(o.title);
  const isDefault = (w: typeof tw) => w.unspecified || w.optional.includes('without');
  if (!isDefault(tw) || isDefault(ow)) return false;
  const have = new Set([...ow.words, ...ow.optional].map((w) => w.slice(0, 5)));
  return tw.words.every((w) => have.has(w.slice(0, 5)));
}

/** Combination codes that include a condition (ICD-10-CM I.C.9.a.2: hypertension with CKD is I12). */
const COMBINATIONS: Record<string, string[]> = { I10: ['I11', 'I12', 'I13', 'I15', 'I16'] };

/** Adult BMI (Z68.1-Z68.45), reported only with the weight diagnosis it supports (I.B.14). */
function bmiCode(
  index: PhraseIndex,
  text: string,
  input: SuggestInput,
  found: Suggestion[],
): Suggestion | undefined {
  if ((input.age !== undefined && input.age < 20) || !found.some((s) => /^E66|^E44|^R63/.test(s.code)))
    return undefined;
  const m = /\bBMI(?: of| is|:)? ?(\d{2}(?:\.\d+)?)\b/i.exec(text);
  if (!m) return undefined;
  const bmi = Number(m[1]);
  const code =
    bmi < 20
      ? 'Z681'
      : bmi < 40
        ? `Z68${Math.floor(bmi)}`
        : bmi < 45
          ? 'Z6841'
          : bmi < 50
            ? 'Z6842'
            : bmi < 60
              ? 'Z6843'
              : bmi < 70
                ? 'Z6844'
                : 'Z6845';
  if (!index.table.codes.get(code)?.billable) return undefined;
  return {
    system: 'ICD-10-CM',
    code,
    title: titleOf(index, code),
    evidence: [{ start: m.index, end: m.index + m[0].length, text: m[0] }],
    reason: `BMI ${bmi} documented with a weight diagnosis (adult BMI codes Z68.1-Z68.45)`,
    confidence: 0.8,
  };
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
    ...(f.nurseVisit && !newPatient ? {} : { mdm: f.mdm }),
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
