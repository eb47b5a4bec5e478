/**
 * Pure: a note's words with their offsets, normalised the same way as code titles so the two
 * compare, and the clause each word belongs to (negation and history reach no further).
 */
export interface Token {
  /** normalised form (lower case, light plural stem) */
  norm: string;
  /** lower-case surface form, for trigger words */
  lower: string;
  start: number;
  end: number;
  clause: number;
  /** sentence number: a clause break inside a sentence keeps it */
  sentence: number;
}

const WORD = /[A-Za-z0-9]+(?:[/'-][A-Za-z0-9]+)*|[.;:!?\n]|,/g;

/** Plural and possessive endings dropped so "ulcers" meets "ulcer"; -us/-is/-ss words kept whole. */
export function stem(word: string): string {
  const known = stems.get(word);
  if (known !== undefined) return known;
  let w = word.toLowerCase();
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is|ys)$/.test(w)) w = w.slice(0, -1);
  if (stems.size < 100_000) stems.set(word, w);
  return w;
}
/** The vocabulary is small (titles share words), so each word is stemmed once. */
const stems = new Map<string, string>();

/** Words that never decide a match (titles and notes both drop them). */
export const STOP_WORDS = new Set(
  'a an the of in on to and or with for by at as is was be due from this that his her its left-sided'.split(
    ' ',
  ),
);

/** Words that end the reach of "no", "history of" and the like. */
const CLAUSE_BREAKS = new Set(['but', 'however', 'although', 'though', 'except', 'which', 'who', 'whereas']);

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let clause = 0;
  let sentence = 0;
  let lastNewline = -2;
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const at = m.index ?? 0;
    if (raw === '\n') {
      // a blank line or a line that starts a list item ends the sentence too
      if (at === lastNewline + 1 || /^\s*(?:[-*•]|\d+[.)])/.test(text.slice(at + 1, at + 6))) sentence++;
      lastNewline = at;
      clause++;
      continue;
    }
    if (/^[.;:!?]$/.test(raw)) {
      // a decimal point inside a number ("7.2") is not a full stop
      if (raw === '.' && /\d/.test(text[at - 1] ?? '') && /\d/.test(text[at + 1] ?? '')) continue;
      clause++;
      if (raw !== ':') sentence++;
      continue;
    }
    if (raw === ',') continue;
    const lower = raw.toLowerCase();
    if (CLAUSE_BREAKS.has(lower)) clause++;
    out.push({ norm: stem(lower), lower, start: at, end: at + raw.length, clause, sentence });
  }
  return out;
}

/** Pure: a title or term as the set of words that must all be documented. */
export function contentWords(phrase: string): string[] {
  const words = phrase.toLowerCase().match(/[a-z0-9]+(?:[/'-][a-z0-9]+)*/g) ?? [];
  return [...new Set(words.filter((w) => !STOP_WORDS.has(w)).map(stem))];
}
