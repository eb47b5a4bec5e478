/**
 * Pure: what the note says about each word's condition — denied, uncertain, in the patient's
 * past, or in the family — from trigger phrases (after NegEx, Chapman et al. 2001) and section
 * headings. A trigger reaches to the end of its clause; a heading to the next heading.
 */
import type { Token } from './text.ts';

export type Assertion = 'present' | 'negated' | 'uncertain' | 'history' | 'family';

export interface Trigger {
  words: string[];
  assertion: Exclude<Assertion, 'present'>;
  /** 'after': the trigger follows the condition ("... was ruled out") */
  direction?: 'after';
}

const t = (phrase: string, assertion: Trigger['assertion'], direction?: 'after'): Trigger => ({
  words: phrase.split(' '),
  assertion,
  ...(direction ? { direction } : {}),
});

/** Longer triggers first so "no history of" is not read as "no". */
export const TRIGGERS: readonly Trigger[] = [
  t('no family history of', 'negated'),
  t('no history of', 'negated'),
  t('no personal history of', 'negated'),
  t('family history of', 'family'),
  t('family history significant for', 'family'),
  t('family history positive for', 'family'),
  t('family hx of', 'family'),
  t('fhx of', 'family'),
  t('fh of', 'family'),
  t('mother had', 'family'),
  t('mother with', 'family'),
  t('father had', 'family'),
  t('father with', 'family'),
  t('sister had', 'family'),
  t('sister with', 'family'),
  t('brother had', 'family'),
  t('brother with', 'family'),
  t('personal history of', 'history'),
  t('past history of', 'history'),
  t('history of', 'history'),
  t('hx of', 'history'),
  t('h/o', 'history'),
  t('negative for', 'negated'),
  t('denies', 'negated'),
  t('denied', 'negated'),
  t('deny', 'negated'),
  t('no evidence of', 'negated'),
  t('no signs of', 'negated'),
  t('free of', 'negated'),
  t('absence of', 'negated'),
  t('without', 'negated'),
  t('no', 'negated'),
  t('not', 'negated'),
  t('rule out', 'uncertain'),
  t('r/o', 'uncertain'),
  t('possible', 'uncertain'),
  t('probable', 'uncertain'),
  t('suspected', 'uncertain'),
  t('suspect', 'uncertain'),
  t('likely', 'uncertain'),
  t('questionable', 'uncertain'),
  t('concern for', 'uncertain'),
  t('versus', 'uncertain'),
  t('if', 'uncertain'),
  t('return precautions for', 'uncertain'),
  t('vs', 'uncertain'),
  t('was ruled out', 'negated', 'after'),
  t('ruled out', 'negated', 'after'),
  t('has resolved', 'history', 'after'),
  t('resolved', 'history', 'after'),
];

/** Words after "no" that do not deny a condition ("no change in", "not only"). */
const PSEUDO = new Set([
  'change',
  'changes',
  'increase',
  'only',
  'longer',
  'further',
  'improvement',
  'acute',
]);

/** Section headings that set the assertion of everything under them. */
const HEADINGS: readonly [RegExp, Assertion][] = [
  [/^\s*(?:family history|family hx|fhx|fh)\s*:/i, 'family'],
  [
    /^\s*(?:mother|father|sister|brother|sibling|son|daughter|(?:maternal|paternal) [a-z]+|grand(?:mother|father))\b[^:]{0,20}:/i,
    'family',
  ],
  [/^\s*(?:past surgical history|psh|surgical history)\s*:/i, 'history'],
  [/^\s*[A-Za-z][A-Za-z /&]{1,40}:/, 'present'],
];

/** Pure: the assertion for each token (same order as tokens). */
export function assertions(text: string, tokens: readonly Token[]): Assertion[] {
  const out: Assertion[] = tokens.map(() => 'present');
  applyHeadings(text, tokens, out);
  for (let i = 0; i < tokens.length; i++) {
    const trig = triggerAt(tokens, i);
    if (!trig) continue;
    const clause = (tokens[i] as Token).clause;
    if (trig.direction === 'after') {
      for (let j = i - 1; j >= 0 && (tokens[j] as Token).clause === clause; j--) out[j] = trig.assertion;
    } else {
      const after = tokens[i + trig.words.length];
      if (trig.assertion === 'negated' && after && PSEUDO.has(after.lower)) continue;
      for (let j = i + trig.words.length; j < tokens.length && (tokens[j] as Token).clause === clause; j++)
        out[j] = trig.assertion;
    }
    i += trig.words.length - 1;
  }
  return out;
}

function triggerAt(tokens: readonly Token[], i: number): Trigger | undefined {
  return TRIGGERS.find((trig) => trig.words.every((w, k) => tokens[i + k]?.lower === w));
}

/** Headings (a line starting "Family history:") reach every token up to the next heading. */
function applyHeadings(text: string, tokens: readonly Token[], out: Assertion[]): void {
  let offset = 0;
  const spans: { from: number; assertion: Assertion }[] = [];
  for (const line of text.split('\n')) {
    const hit = HEADINGS.find(([re]) => re.test(line));
    if (hit) spans.push({ from: offset, assertion: hit[1] });
    offset += line.length + 1;
  }
  let s = -1;
  for (let i = 0; i < tokens.length; i++) {
    while (
      s + 1 < spans.length &&
      (spans[s + 1] as (typeof spans)[number]).from <= (tokens[i] as Token).start
    )
      s++;
    const span = spans[s];
    if (span && span.assertion !== 'present') out[i] = span.assertion;
  }
}

const ASSESSMENT =
  /^\s*(?:assessment(?: and plan)?|impression|diagnos[ie]s|a\/p|final diagnos[ie]s)\b[^:\n]{0,20}:/i;
const ANY_HEADING = /^\s*[A-Za-z][A-Za-z /&]{1,40}:/;

/**
 * Pure: the offset ranges of the note's assessment (Assessment, Impression, Diagnoses): where the
 * provider states what was treated, which a coder codes from.
 */
export function assessmentSpans(text: string): { from: number; to: number }[] {
  const spans: { from: number; to: number }[] = [];
  let offset = 0;
  let open: { from: number; to: number } | undefined;
  for (const line of text.split('\n')) {
    const end = offset + line.length + 1;
    if (ASSESSMENT.test(line)) {
      open = { from: offset, to: end };
      spans.push(open);
      // "Assessment: ... Plan: ..." on one line: the plan is not the assessment
      const plan = /\bplan\s*:/i.exec(line.slice(line.indexOf(':') + 1));
      if (plan) {
        open.to = offset + line.indexOf(':') + 1 + plan.index;
        open = undefined;
      }
    } else if (open && ANY_HEADING.test(line)) open = undefined;
    else if (open) open.to = end;
    offset = end;
  }
  return spans;
}
