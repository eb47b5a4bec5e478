/**
 * Pure search over a SearchIndex, ranked as a coder expects: an exact code first, then codes
 * starting with the query, then text matches where every query word matches the start of a word.
 * Among text matches: billable codes before headers, more whole-word matches, a code's own title
 * before inclusion terms before index terms, shorter titles first.
 */
import type { CodeSystem } from '../release/release.ts';
import type { SearchDoc } from './documents.ts';
import type { IndexedDoc, SearchIndex } from './searchIndex.ts';
import { SYSTEMS } from './searchIndex.ts';
import { codeQuery, words } from './tokenize.ts';

export interface SearchHit {
  system: CodeSystem;
  code: string;
  display: string;
  title: string;
  billable: boolean;
  via: SearchDoc['via'] | 'code';
  score: number;
}

export interface SearchOptions {
  limit?: number;
  systems?: readonly CodeSystem[];
}

function lowerBound(arr: readonly string[], key: string): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((arr[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Does the ascending slice a[from, to) hold a value in [lo, hi)? */
function hasIn(a: Int32Array, from: number, to: number, lo: number, hi: number): boolean {
  let l = from;
  let h = to;
  while (l < h) {
    const mid = (l + h) >>> 1;
    if ((a[mid] as number) < lo) l = mid + 1;
    else h = mid;
  }
  return l < to && (a[l] as number) < hi;
}

/** Per-index scratch marks for de-duplicating candidates without allocating per query. */
const marks = new WeakMap<SearchIndex, { stamp: Uint32Array; gen: number }>();
function nextMarks(index: SearchIndex) {
  let m = marks.get(index);
  if (!m || m.gen >= 0xfffffffe)
    marks.set(index, (m = { stamp: new Uint32Array(index.docs.length), gen: 0 }));
  m.gen++;
  return m;
}

function hit(doc: IndexedDoc, score: number, via: SearchHit['via']): SearchHit {
  return {
    system: doc.system,
    code: doc.code,
    display: doc.display,
    title: doc.title,
    billable: doc.billable,
    via,
    score,
  };
}

export function search(index: SearchIndex, query: string, options: SearchOptions = {}): SearchHit[] {
  const limit = options.limit ?? 20;
  const allowed = options.systems ? new Set(options.systems) : undefined;
  const out: SearchHit[] = [];
  const taken = new Set<string>();
  const take = (h: SearchHit) => {
    const k = `${h.system}|${h.code}`;
    if (taken.has(k) || (allowed && !allowed.has(h.system))) return;
    taken.add(k);
    out.push(h);
  };
  const cq = codeQuery(query);
  if (cq) for (const h of codeHits(index, cq, limit)) take(h);
  if (out.length < limit)
    for (const h of textHits(index, query, limit * 3, allowed)) if (out.length < limit) take(h);
  return out.slice(0, limit);
}

/**
 * Code-prefix hits: the exact code first; then codes under the prefix, those of the exact code's
 * system before other systems (E11 → ICD-10-CM E11.x before HCPCS E1100), billable before
 * headers, shorter codes first, then code order.
 */
function codeHits(index: SearchIndex, prefix: string, limit: number): SearchHit[] {
  const start = lowerBound(index.codeKeys, prefix);
  const exact: SearchHit[] = [];
  let i = start;
  for (; i < index.codeKeys.length && index.codeKeys[i] === prefix; i++)
    exact.push(hit(index.docs[index.codeDocs[i] as number] as IndexedDoc, 3e6, 'code'));
  const preferred = new Set(exact.map((h) => h.system));
  const buckets: SearchHit[][] = [[], [], [], []];
  const end = Math.min(index.codeKeys.length, start + 20_000);
  for (; i < end; i++) {
    const key = index.codeKeys[i] as string;
    if (!key.startsWith(prefix)) break;
    const doc = index.docs[index.codeDocs[i] as number] as IndexedDoc;
    const b = (preferred.size === 0 || preferred.has(doc.system) ? 0 : 2) + (doc.billable ? 0 : 1);
    const bucket = buckets[b] as SearchHit[];
    if (bucket.length < limit) bucket.push(hit(doc, 2e6 - b * 1e5 - key.length, 'code'));
  }
  return [...exact, ...buckets.flat().sort((a, b) => b.score - a.score)];
}

/** A query word of one character matches only that word; longer ones match as prefixes. */
function wordRange(vocab: readonly string[], w: string) {
  const lo = lowerBound(vocab, w);
  const exact = vocab[lo] === w ? lo : -1;
  if (w.length === 1) return { lo, hi: exact >= 0 ? lo + 1 : lo, exact };
  return { lo, hi: lowerBound(vocab, `${w}\uffff`), exact };
}

function textHits(index: SearchIndex, query: string, k: number, allowed?: Set<CodeSystem>): SearchHit[] {
  const qs = [...new Set(words(query))];
  if (qs.length === 0) return [];
  const { vocab, postingStart, postings, docWordStart, docWords, staticRank, systemOf } = index;
  const ranges = qs.map((w) => {
    const r = wordRange(vocab, w);
    return { ...r, size: (postingStart[r.hi] as number) - (postingStart[r.lo] as number) };
  });
  if (ranges.some((r) => r.size === 0)) return [];
  ranges.sort((a, b) => a.size - b.size);
  const [driver, ...rest] = ranges as [(typeof ranges)[number], ...typeof ranges];
  let systemMask = 0;
  for (const s of allowed ?? SYSTEMS) systemMask |= 1 << SYSTEMS.indexOf(s as (typeof SYSTEMS)[number]);
  const bestDoc = new Int32Array(k);
  const bestScore = new Int32Array(k);
  let n = 0;
  const { stamp, gen } = nextMarks(index);
  const maxBonus = 1_000 * ranges.filter((r) => r.exact >= 0).length;
  for (let w = driver.lo; w < driver.hi; w++) {
    const pEnd = postingStart[w + 1] as number;
    for (let p = postingStart[w] as number; p < pEnd; p++) {
      const d = postings[p] as number;
      // postings run in static-rank order: stop once no later document can enter the top k
      if (n === k && (staticRank[d] as number) + maxBonus <= (bestScore[k - 1] as number)) break;
      if (stamp[d] === gen) continue;
      stamp[d] = gen;
      if (((1 << (systemOf[d] as number)) & systemMask) === 0) continue;
      const from = docWordStart[d] as number;
      const to = docWordStart[d + 1] as number;
      let ok = true;
      for (const r of rest) {
        if (!hasIn(docWords, from, to, r.lo, r.hi)) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      let score = staticRank[d] as number;
      for (const r of ranges)
        if (r.exact >= 0 && hasIn(docWords, from, to, r.exact, r.exact + 1)) score += 1_000;
      if (n === k && score <= (bestScore[k - 1] as number)) continue;
      let i = n < k ? n++ : k - 1;
      while (i > 0 && (bestScore[i - 1] as number) < score) {
        bestScore[i] = bestScore[i - 1] as number;
        bestDoc[i] = bestDoc[i - 1] as number;
        i--;
      }
      bestScore[i] = score;
      bestDoc[i] = d;
    }
  }
  const order = Array.from({ length: n }, (_, i) => i);
  // equal scores keep document (code) order whatever list they were read from
  order.sort(
    (a, b) =>
      (bestScore[b] as number) - (bestScore[a] as number) || (bestDoc[a] as number) - (bestDoc[b] as number),
  );
  return order.map((i) => {
    const doc = index.docs[bestDoc[i] as number] as IndexedDoc;
    return hit(doc, bestScore[i] as number, doc.via);
  });
}
