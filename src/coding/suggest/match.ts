/**
 * Pure: find the phrases a note documents. A phrase matches when all its words occur in one
 * sentence within a short window (word order free, so "knee pain" meets "Pain in knee"); where
 * one match's words contain another's, the more specific one stands ("type 2 diabetes with
 * hyperglycemia" is E11.65, not E11.9 and R73.9).
 */
import { ABBREVIATIONS } from './lexicon.ts';
import type { Phrase, PhraseIndex } from './phrases.ts';
import { stem, STOP_WORDS, type Token } from './text.ts';

export interface Match {
  phrase: Phrase;
  /** indexes into the expanded token list */
  tokens: number[];
}

const NEGATORS = new Set(['without', 'not']);

/** Extra words a phrase may spread over beyond its own ("pain in the left knee"). */
const SLACK = 4;

/**
 * Pure: note tokens with shorthand read as title words ("HTN" → hypertension); origin[i] is the
 * index of the note token tokens[i] came from.
 */
export function expand(noteTokens: readonly Token[]): { tokens: Token[]; origin: number[] } {
  const tokens: Token[] = [];
  const origin: number[] = [];
  const push = (tok: Token, i: number) => {
    tokens.push(tok);
    origin.push(i);
  };
  for (let i = 0; i < noteTokens.length; i++) {
    const tok = noteTokens[i] as Token;
    if (STOP_WORDS.has(tok.lower)) continue;
    const prev = noteTokens[i - 1]?.lower;
    if (prev === 'type' && (tok.lower === 'ii' || tok.lower === 'i')) {
      push({ ...tok, norm: tok.lower === 'ii' ? '2' : '1' }, i);
      continue;
    }
    const long = ABBREVIATIONS[tok.lower];
    if (!long) push(tok, i);
    else for (const w of long.split(' ')) push({ ...tok, norm: stem(w) }, i);
  }
  return { tokens, origin };
}

export function findMatches(index: PhraseIndex, tokens: readonly Token[]): Match[] {
  const where = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    const list = where.get(t.norm);
    if (list) list.push(i);
    else where.set(t.norm, [i]);
  });
  const found: Match[] = [];
  for (const [word, at] of where) {
    for (const phrase of index.byAnchor.get(word) ?? [])
      for (const i of at) {
        const m = matchAt(phrase, i, tokens, where);
        if (m) found.push(m);
      }
  }
  return mostSpecific(found);
}

function matchAt(
  phrase: Phrase,
  anchor: number,
  tokens: readonly Token[],
  where: Map<string, number[]>,
): Match | undefined {
  const sentence = (tokens[anchor] as Token).sentence;
  const picked: number[] = [];
  for (const w of phrase.words) {
    let best = -1;
    for (const j of where.get(w) ?? []) {
      if ((tokens[j] as Token).sentence !== sentence) continue;
      if (best < 0 || Math.abs(j - anchor) < Math.abs(best - anchor)) best = j;
    }
    if (best < 0) return undefined;
    picked.push(best);
  }
  const lo = Math.min(...picked);
  const hi = Math.max(...picked);
  // expanded shorthand shares one note word, so count distinct note words for the window
  const span = new Set(tokens.slice(lo, hi + 1).map((t) => t.start)).size;
  if (span > new Set(picked.map((j) => (tokens[j] as Token).start)).size + SLACK) return undefined;
  for (const w of phrase.optional) {
    const near = (where.get(w) ?? []).find(
      (j) =>
        j >= lo - SLACK &&
        j <= hi + SLACK &&
        (tokens[j] as Token).sentence === sentence &&
        // "without"/"not" count only before a word of the same optional part ("without aura")
        (!NEGATORS.has(w) || phrase.optional.includes(tokens[j + 1]?.norm ?? '')),
    );
    if (near !== undefined) picked.push(near);
  }
  return { phrase, tokens: [...new Set(picked)].sort((a, b) => a - b) };
}

/** Keep, per set of note words, the best phrase; drop matches whose words another match covers. */
function mostSpecific(found: Match[]): Match[] {
  const byWords = new Map<string, Match>();
  for (const m of found) {
    const key = m.tokens.join(',');
    const had = byWords.get(key);
    if (!had || better(m, had)) byWords.set(key, m);
  }
  const kept = [...byWords.values()];
  // a match inside a longer one, or sharing half its words with it ("infection, viral" beside
  // "acute upper respiratory infection"), is the same condition said less fully
  return kept.filter(
    (m) =>
      !kept.some(
        (o) =>
          o !== m &&
          o.tokens.length > m.tokens.length &&
          m.tokens.filter((t) => o.tokens.includes(t)).length * 2 >= m.tokens.length,
      ),
  );
}

function better(a: Match, b: Match): boolean {
  if (a.phrase.rank !== b.phrase.rank) return a.phrase.rank < b.phrase.rank;
  return a.phrase.code < b.phrase.code;
}
