/**
 * Pure: the phrases a note is matched against, built once per ICD-10-CM release from the code-set
 * domain's tables: each code's title, its tabular inclusion terms when the tabular XML was
 * imported, any Alphabetic Index terms handed in, and the common terms of lexicon.ts. A title's
 * default markers ("unspecified", "not intractable") are dropped, and what it says is absent
 * ("without complications") becomes optional words: a note that says them makes the match more
 * specific, a note that does not still matches. Each phrase is filed under its rarest required
 * word so a note only tries the phrases whose rarest word it contains.
 */
import type { CmTable, SearchDoc } from '../../codesets/index.ts';
import { codesUnder } from '../../codesets/index.ts';
import { COMMON_TERMS, NEVER_FROM_TITLE } from './lexicon.ts';
import { contentWords } from './text.ts';

export type PhraseSource = 'common term' | 'inclusion term' | 'index term' | 'title';

export interface Phrase {
  /** the billable code the phrase leads to (a header's default child) */
  code: string;
  words: string[];
  /** words that add specificity when the note says them ("without", "aura") */
  optional: string[];
  source: PhraseSource;
  /** lower wins a tie between phrases matching the same note words */
  rank: number;
}

export interface PhraseIndex {
  table: CmTable;
  byAnchor: Map<string, Phrase[]>;
}

interface TitleWords {
  words: string[];
  optional: string[];
  unspecified: boolean;
}

/**
 * Title wording that marks the default choice rather than something the note must say, and
 * parenthesised nonessential modifiers ("Essential (primary) hypertension"): optional words.
 */
const OPTIONAL_PARTS =
  /,? not intractable|,? uncomplicated|,? initial encounter$|,? site not specified|,? unspecified organism|,? not elsewhere classified|\bwithout [^,()]+|\([^()]*\)/gi;
const UNSPECIFIED = /\bunspecified\b|\bNOS\b/gi;

export function titleWords(title: string): TitleWords {
  const optionalText = [...title.matchAll(OPTIONAL_PARTS)].map((m) => m[0]).join(' ');
  const rest = title.replace(OPTIONAL_PARTS, ' ');
  const words = contentWords(rest.replace(UNSPECIFIED, ' '));
  return {
    words,
    optional: contentWords(optionalText.replace(UNSPECIFIED, ' ')).filter((w) => !words.includes(w)),
    unspecified: /\bunspecified\b|\bNOS\b/i.test(title),
  };
}

/** Title words per code, computed once per table (a header's children are read many times). */
const wordsCache = new WeakMap<CmTable, Map<string, TitleWords>>();
function wordsOf(table: CmTable, code: string, title: string): TitleWords {
  let cache = wordsCache.get(table);
  if (!cache) wordsCache.set(table, (cache = new Map()));
  let words = cache.get(code);
  if (!words) cache.set(code, (words = titleWords(title)));
  return words;
}

/**
 * A header's default billable child: the unspecified one with the fewest further words. strict:
 * only a child that says "unspecified" or names what is absent counts as the default (G89 "Pain,
 * not elsewhere classified" has none, so "pain" alone leads nowhere).
 */
export function defaultCode(table: CmTable, code: string, strict = false): string | undefined {
  const entry = table.codes.get(code);
  if (!entry) return undefined;
  if (entry.billable) return code;
  const own = new Set(wordsOf(table, code, entry.longDescription).words);
  let best: { code: string; score: number } | undefined;
  for (const c of codesUnder(table, code)) {
    const e = table.codes.get(c);
    if (!e?.billable) continue;
    const w = wordsOf(table, c, e.longDescription);
    const isDefault = w.unspecified || w.optional.length > 0;
    if (strict && !isDefault) continue;
    const extra = w.words.filter((x) => !own.has(x)).length;
    const score = extra * 10 + (isDefault ? 0 : 5) + c.length;
    if (!best || score < best.score) best = { code: c, score };
  }
  if (
    strict &&
    best &&
    wordsOf(table, best.code, table.codes.get(best.code)?.longDescription ?? '').words.some(
      (x) => !own.has(x),
    )
  )
    return undefined;
  return best?.code;
}

const SOURCE_RANK: Record<PhraseSource, number> = {
  'common term': 0,
  'inclusion term': 1,
  'index term': 2,
  title: 3,
};

/** How many codes' phrases are made between two yields of phraseIndexSteps. */
const CODES_PER_STEP = 1_000;
/** How many phrases are filed between two yields. */
const PHRASES_PER_STEP = 20_000;

export function buildPhraseIndex(table: CmTable, indexTerms: Iterable<SearchDoc> = []): PhraseIndex {
  const steps = phraseIndexSteps(table, indexTerms);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same build in steps: it yields after every few thousand codes so that a server can build
 * the index in the background and go on answering between steps (see phrase-index-cache.ts).
 */
export function* phraseIndexSteps(
  table: CmTable,
  indexTerms: Iterable<SearchDoc> = [],
): Generator<void, PhraseIndex, void> {
  const phrases: Phrase[] = [];
  const add = (
    code: string,
    source: PhraseSource,
    w: Pick<TitleWords, 'words' | 'optional'>,
    unspecified = false,
  ) => {
    const target = defaultCode(table, code, source === 'title');
    if (!target || w.words.length === 0) return;
    // on a tie: fewer unsaid words, then more required ones ("with aura" is G43.109's word, not
    // G43.009's optional one), then the unspecified (default) code
    const rank =
      SOURCE_RANK[source] * 1000 +
      (w.words.length + w.optional.length) * 4 -
      w.words.length * 2 +
      (unspecified ? 0 : 1);
    phrases.push({ code: target, words: w.words, optional: w.optional, source, rank });
  };
  const plain = (text: string) => ({ words: contentWords(text), optional: [] });
  for (const t of COMMON_TERMS) for (const term of t.terms) add(t.code, 'common term', plain(term));
  let done = 0;
  for (const e of table.codes.values()) {
    if (++done % CODES_PER_STEP === 0) yield;
    if (NEVER_FROM_TITLE.has(e.code) || /^other\b/i.test(e.longDescription)) continue;
    const w = wordsOf(table, e.code, e.longDescription);
    add(e.code, 'title', w, w.unspecified);
    for (const term of table.tabular?.byCode.get(e.code)?.inclusionTerm ?? [])
      add(e.code, 'inclusion term', plain(term));
  }
  for (const d of indexTerms) {
    if (++done % CODES_PER_STEP === 0) yield;
    if (d.system === 'ICD-10-CM' && !d.display.endsWith('-')) add(d.code, 'index term', plain(d.text));
  }
  return { table, byAnchor: yield* fileByRarestWord(phrases) };
}

function* fileByRarestWord(phrases: Phrase[]): Generator<void, Map<string, Phrase[]>, void> {
  const df = new Map<string, number>();
  let done = 0;
  for (const p of phrases) {
    if (++done % PHRASES_PER_STEP === 0) yield;
    for (const w of p.words) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const byAnchor = new Map<string, Phrase[]>();
  for (const p of phrases) {
    if (++done % PHRASES_PER_STEP === 0) yield;
    let anchor = p.words[0] as string;
    for (const w of p.words) if ((df.get(w) ?? 0) < (df.get(anchor) ?? 0)) anchor = w;
    const list = byAnchor.get(anchor);
    if (list) list.push(p);
    else byAnchor.set(anchor, [p]);
  }
  return byAnchor;
}
