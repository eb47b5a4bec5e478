/**
 * Pure: the phrases a note is matched against, built once per ICD-10-CM release from the code-set
 * domain's tables: each code's title (with the words that only mark a default dropped), its
 * tabular inclusion terms when the tabular XML was imported, any Alphabetic Index terms handed in,
 * and the common terms of lexicon.ts. Each phrase is filed under its rarest word so a note only
 * tries the phrases whose rarest word it contains.
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
  source: PhraseSource;
  /** lower wins a tie between phrases with the same words */
  rank: number;
}

export interface PhraseIndex {
  table: CmTable;
  byAnchor: Map<string, Phrase[]>;
}

/** Title wording that marks the default choice rather than something the note must say. */
const DEFAULT_MARKERS =
  /,? not intractable|,? without status migrainosus|,? uncomplicated|,? initial encounter$|,? site not specified|,? unspecified organism|,? not elsewhere classified|\bunspecified\b|\bNOS\b/gi;

export function titleWords(title: string): string[] {
  let t = title.replace(DEFAULT_MARKERS, ' ');
  // a trailing "without ..." names what is absent: the default, not a word the note must say
  const without = t.lastIndexOf(' without ');
  if (without > 0 && !/[,(]/.test(t.slice(without))) t = t.slice(0, without);
  return contentWords(t);
}

/** Title words per code, computed once per table (a header's children are read many times). */
const wordsCache = new WeakMap<CmTable, Map<string, string[]>>();
function wordsOf(table: CmTable, code: string, title: string): string[] {
  let cache = wordsCache.get(table);
  if (!cache) wordsCache.set(table, (cache = new Map()));
  let words = cache.get(code);
  if (!words) cache.set(code, (words = titleWords(title)));
  return words;
}

/** A header's default billable child: the unspecified one with the fewest further words. */
export function defaultCode(table: CmTable, code: string): string | undefined {
  const entry = table.codes.get(code);
  if (!entry) return undefined;
  if (entry.billable) return code;
  const own = new Set(wordsOf(table, code, entry.longDescription));
  let best: { code: string; score: number } | undefined;
  for (const c of codesUnder(table, code)) {
    const e = table.codes.get(c);
    if (!e?.billable) continue;
    const extra = wordsOf(table, c, e.longDescription).filter((w) => !own.has(w)).length;
    const score = extra * 10 + (/unspecified/i.test(e.longDescription) ? 0 : 5) + c.length;
    if (!best || score < best.score) best = { code: c, score };
  }
  return best?.code;
}

const SOURCE_RANK: Record<PhraseSource, number> = {
  'common term': 0,
  'inclusion term': 1,
  'index term': 2,
  title: 3,
};

export function buildPhraseIndex(table: CmTable, indexTerms: Iterable<SearchDoc> = []): PhraseIndex {
  const phrases: Phrase[] = [];
  const add = (code: string, text: string, source: PhraseSource, words = contentWords(text)) => {
    const target = defaultCode(table, code);
    if (!target || words.length === 0) return;
    phrases.push({ code: target, words, source, rank: SOURCE_RANK[source] * 100 + words.length });
  };
  for (const t of COMMON_TERMS) for (const term of t.terms) add(t.code, term, 'common term');
  for (const e of table.codes.values()) {
    if (NEVER_FROM_TITLE.has(e.code) || /^other\b/i.test(e.longDescription)) continue;
    add(e.code, e.longDescription, 'title', wordsOf(table, e.code, e.longDescription));
    for (const term of table.tabular?.byCode.get(e.code)?.inclusionTerm ?? [])
      add(e.code, term, 'inclusion term');
  }
  for (const d of indexTerms)
    if (d.system === 'ICD-10-CM' && !d.display.endsWith('-')) add(d.code, d.text, 'index term');
  return { table, byAnchor: fileByRarestWord(phrases) };
}

function fileByRarestWord(phrases: Phrase[]): Map<string, Phrase[]> {
  const df = new Map<string, number>();
  for (const p of phrases) for (const w of p.words) df.set(w, (df.get(w) ?? 0) + 1);
  const byAnchor = new Map<string, Phrase[]>();
  for (const p of phrases) {
    let anchor = p.words[0] as string;
    for (const w of p.words) if ((df.get(w) ?? 0) < (df.get(anchor) ?? 0)) anchor = w;
    const list = byAnchor.get(anchor);
    if (list) list.push(p);
    else byAnchor.set(anchor, [p]);
  }
  return byAnchor;
}
