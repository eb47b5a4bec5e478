/**
 * Pure, in-memory search index over code-set documents. Words are kept in one sorted vocabulary
 * so a query word's prefix is one contiguous range of word ids; each document keeps its sorted
 * word ids (to test "has a word starting with ...") and each word its posting list of documents.
 * Codes are kept sorted too, so a code prefix is a range as well.
 */
import type { SearchDoc } from './documents.ts';
import { words } from './tokenize.ts';
import { byCodeUnits, sortSteps } from '../../shared/sortInSlices.ts';

/** What a search answers from: a document without the text it was indexed by. */
export type IndexedDoc = Omit<SearchDoc, 'text'>;

export interface SearchIndex {
  docs: IndexedDoc[];
  /** sorted unique words */
  vocab: string[];
  /** per document: offsets into docWords (length docs + 1) */
  docWordStart: Int32Array;
  /** word ids of each document, ascending within a document */
  docWords: Int32Array;
  /** per word: offsets into postings (length vocab + 1) */
  postingStart: Int32Array;
  /** document ids of each word, ascending */
  postings: Int32Array;
  /** codes of the description documents, sorted, for code-prefix search */
  codeKeys: string[];
  codeDocs: Int32Array;
  /** per document: the query-independent part of its rank (billable, source, brevity) */
  staticRank: Int32Array;
  /** per document: index into SYSTEMS, for system filters without touching the document */
  systemOf: Uint8Array;
}

export const SYSTEMS = [
  'ICD-10-CM',
  'ICD-10-PCS',
  'HCPCS',
  'CPT',
  'POS',
  'CARC',
  'CLAIM-ADJUSTMENT-GROUP',
  'TYPE-OF-BILL',
  'NUCC-TAXONOMY',
] as const;
const VIA_RANK = { description: 2, 'inclusion term': 1, 'index term': 0 } as const;

/**
 * Billable codes outrank headers; a code's own title outranks inclusion terms, which outrank index
 * terms; shorter titles rank a little higher. The 7th-character phrase of an ICD-10-CM code
 * (", initial encounter ...", ", sequela") does not count, so siblings tie and keep code order.
 */
export function staticRankOf(doc: SearchDoc): number {
  let title = doc.title;
  if (doc.system === 'ICD-10-CM' && doc.code.length === 7 && /[A-Z]$/.test(doc.code) && title.includes(', '))
    title = title.slice(0, title.lastIndexOf(', '));
  return (doc.billable ? 100_000 : 0) + VIA_RANK[doc.via] * 100 - Math.min(50, words(title).length);
}

class IntList {
  data = new Int32Array(1 << 16);
  length = 0;
  push(v: number) {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/**
 * The posting lists (documents per word) from the words per document: a counting sort, so each
 * list comes out in document order. Also how a stored index gets them back (they are not stored).
 */
export function postingsOf(
  docWordStart: Int32Array,
  docWords: Int32Array,
  vocabSize: number,
): { postingStart: Int32Array; postings: Int32Array } {
  const steps = postingsSteps(docWordStart, docWords, vocabSize);
  let next = steps.next();
  while (!next.done) next = steps.next();
  return next.value;
}

/** postingsOf, yielding every few thousand documents. */
function* postingsSteps(
  docWordStart: Int32Array,
  docWords: Int32Array,
  vocabSize: number,
): Generator<void, { postingStart: Int32Array; postings: Int32Array }> {
  const postingStart = new Int32Array(vocabSize + 1);
  for (let i = 0; i < docWords.length; i++) {
    postingStart[(docWords[i] as number) + 1]!++;
    if (i % (SLICE * 64) === 0) yield;
  }
  for (let w = 0; w < vocabSize; w++) postingStart[w + 1]! += postingStart[w] as number;
  const fill = postingStart.slice(0, vocabSize);
  const postings = new Int32Array(docWords.length);
  yield;
  for (let d = 0; d + 1 < docWordStart.length; d++) {
    for (let i = docWordStart[d] as number; i < (docWordStart[d + 1] as number); i++)
      postings[fill[docWords[i] as number]!++] = d;
    if (d % (SLICE * 4) === 0) yield;
  }
  return { postingStart, postings };
}

/** Documents between two pauses of the async build: each slice takes a few milliseconds. */
const SLICE = 4_000;

export function buildSearchIndex(input: Iterable<SearchDoc>): SearchIndex {
  const steps = buildSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same index built in slices with a pause between them, so a server that builds one after an
 * import keeps answering requests (the build takes seconds of CPU on a full release).
 */
export async function buildSearchIndexInSlices(
  input: Iterable<SearchDoc>,
  pause: () => Promise<unknown>,
): Promise<SearchIndex> {
  const steps = buildSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/** The build, yielding after each slice of documents; pure. */
function* buildSteps(input: Iterable<SearchDoc>): Generator<void, SearchIndex> {
  // number documents by static rank (stable), so every posting list runs best-first and a query
  // can stop reading a list once nothing further down can enter its top results
  const numbered: { doc: SearchDoc; i: number; rank: number }[] = [];
  for (const doc of input) {
    numbered.push({ doc, i: numbered.length, rank: staticRankOf(doc) });
    if (numbered.length % SLICE === 0) yield;
  }
  yield;
  // sorted in slices: one sort of a full release set held the event loop for a second under load
  const ranked = yield* sortSteps(numbered, (a, b) => b.rank - a.rank || a.i - b.i);
  yield;
  const docs: IndexedDoc[] = [];
  const ids = new Map<string, number>();
  const raw = new IntList();
  const starts = new IntList();
  for (const { doc } of ranked) {
    starts.push(raw.length);
    // the text is needed only to find the words; dropping it keeps the index (and its stored copy) small
    docs.push({
      system: doc.system,
      code: doc.code,
      display: doc.display,
      title: doc.title,
      billable: doc.billable,
      via: doc.via,
    });
    const seen = new Set<string>(words(doc.text));
    for (const w of seen) {
      let id = ids.get(w);
      if (id === undefined) ids.set(w, (id = ids.size));
      raw.push(id);
    }
    if (docs.length % SLICE === 0) yield;
  }
  starts.push(raw.length);
  yield;
  // renumber words in sorted order so a prefix is a contiguous id range
  const vocab = yield* sortSteps([...ids.keys()], byCodeUnits);
  const remap = new Int32Array(vocab.length);
  vocab.forEach((w, i) => {
    remap[ids.get(w) as number] = i;
  });
  const docWordStart = starts.data.slice(0, starts.length);
  const docWords = raw.data.slice(0, raw.length);
  for (let d = 0; d < docs.length; d++) {
    const from = docWordStart[d] as number;
    const to = docWordStart[d + 1] as number;
    for (let i = from; i < to; i++) docWords[i] = remap[docWords[i] as number] as number;
    docWords.subarray(from, to).sort();
    if (d % (SLICE * 4) === 0) yield;
  }
  yield;
  const { postingStart, postings } = yield* postingsSteps(docWordStart, docWords, vocab.length);
  const described = docs.map((_, i) => i).filter((i) => docs[i]?.via === 'description');
  const key = (i: number) => docs[i]!.code;
  const codeOrder = yield* sortSteps(described, (a, b) => byCodeUnits(key(a), key(b)) || a - b);
  yield;
  return {
    docs,
    vocab,
    docWordStart,
    docWords,
    postingStart,
    postings,
    codeKeys: codeOrder.map(key),
    codeDocs: Int32Array.from(codeOrder),
    staticRank: Int32Array.from(ranked, (r) => r.rank),
    systemOf: Uint8Array.from(docs, (d) => SYSTEMS.indexOf(d.system as (typeof SYSTEMS)[number])),
  };
}
