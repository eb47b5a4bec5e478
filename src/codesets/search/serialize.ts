/**
 * A search index as bytes, so it is built once at import and stored, not rebuilt at every start.
 * Layout (then Brotli): "CCSI", a format number, the length of a JSON header, the header (section
 * sizes), then the sections: typed arrays as raw little-endian bytes (padded to 4 bytes) and
 * string columns joined by U+001F (unit separator; never in a code-set title, replaced by a space
 * if it ever were). Reading it back is a copy and a split, no tokenising or sorting.
 * Pure; a damaged or foreign blob throws, and the caller rebuilds.
 */
import { promisify } from 'node:util';
import {
  brotliCompress,
  brotliCompressSync,
  brotliDecompress,
  brotliDecompressSync,
  constants,
} from 'node:zlib';
import type { SearchVia } from './documents.ts';
import { pause } from '../../shared/pause.ts';
import { postingsOf, SYSTEMS, type IndexedDoc, type SearchIndex } from './searchIndex.ts';

/** Bump when the layout or the meaning of a section changes: stored indexes of another format are rebuilt. */
export const SEARCH_INDEX_FORMAT = 2;
const MAGIC = 'CCSI';
const VIAS: readonly SearchVia[] = ['description', 'inclusion term', 'index term'];
const INT_SECTIONS = [
  'docWordStart',
  'docWords',
  'postingStart',
  'postings',
  'codeDocs',
  'staticRank',
] as const;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

interface Header {
  docs: number;
  vocab: number;
  sections: { name: string; bytes: number }[];
}

const SEPARATOR = '\u001f';

/** Strings per slice of a text column: each slice is a few milliseconds of joining and encoding. */
const TEXT_SLICE = 16_384;

/**
 * A string column as UTF-8, joined by the separator. Encoded a slice at a time: the separator is
 * one byte, so the slices' bytes joined by it are the bytes of the whole column joined.
 */
function* textSteps(values: readonly string[]): Generator<void, Uint8Array> {
  const slices: Uint8Array[] = [];
  for (let i = 0; i < values.length; i += TEXT_SLICE) {
    const slice = values.slice(i, i + TEXT_SLICE).map((s) => s.replaceAll(SEPARATOR, ' '));
    slices.push(new TextEncoder().encode(slice.join(SEPARATOR)));
    yield;
  }
  const out = new Uint8Array(slices.reduce((n, b) => n + b.length, 0) + Math.max(0, slices.length - 1));
  let at = 0;
  for (const [i, b] of slices.entries()) {
    if (i > 0) out[at++] = SEPARATOR.charCodeAt(0);
    out.set(b, at);
    at += b.length;
  }
  return out;
}

function* columnSteps(index: SearchIndex): Generator<void, Record<string, Uint8Array>> {
  const bytes = (a: Int32Array | Uint8Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const out: Record<string, Uint8Array> = {};
  for (const name of INT_SECTIONS) out[name] = bytes(index[name]);
  out.systemOf = index.systemOf;
  out.billable = Uint8Array.from(index.docs, (d) => (d.billable ? 1 : 0));
  out.via = Uint8Array.from(index.docs, (d) => VIAS.indexOf(d.via));
  yield;
  out.vocab = yield* textSteps(index.vocab);
  out.code = yield* textSteps(index.docs.map((d) => d.code));
  out.display = yield* textSteps(index.docs.map((d) => (d.display === d.code ? '' : d.display)));
  out.title = yield* textSteps(index.docs.map((d) => d.title));
  return out;
}

// quality 5: about half the size of gzip, compressed faster, decompressed as fast
const brotliOptions = (length: number) => ({
  params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: length },
});

export function serializeSearchIndex(index: SearchIndex): Uint8Array {
  const steps = encodeSteps(index);
  let next = steps.next();
  while (!next.done) next = steps.next();
  const raw = next.value;
  return brotliCompressSync(raw, brotliOptions(raw.length));
}

/**
 * As serializeSearchIndex, laid out a slice at a time with a pause between slices and compressed
 * on libuv's thread pool: seconds a server's event loop stays free.
 */
export async function serializeSearchIndexOffThread(index: SearchIndex): Promise<Uint8Array> {
  const steps = encodeSteps(index);
  let next = steps.next();
  while (!next.done) {
    await pause();
    next = steps.next();
  }
  const raw = next.value;
  return promisify(brotliCompress)(raw, brotliOptions(raw.length));
}

function* encodeSteps(index: SearchIndex): Generator<void, Uint8Array> {
  if (!LITTLE_ENDIAN) throw new Error('serializeSearchIndex: big-endian platforms are not supported');
  const cols = Object.entries(yield* columnSteps(index));
  const header: Header = {
    docs: index.docs.length,
    vocab: index.vocab.length,
    sections: cols.map(([name, b]) => ({ name, bytes: b.length })),
  };
  const head = new TextEncoder().encode(JSON.stringify(header));
  const pad = (n: number) => (4 - (n % 4)) % 4;
  const total =
    12 + head.length + pad(head.length) + cols.reduce((n, [, b]) => n + b.length + pad(b.length), 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(4, SEARCH_INDEX_FORMAT, true);
  view.setUint32(8, head.length, true);
  out.set(head, 12);
  let at = 12 + head.length + pad(head.length);
  for (const [, b] of cols) {
    out.set(b, at);
    at += b.length + pad(b.length);
  }
  return out;
}

function sections(raw: Uint8Array): { header: Header; section: (name: string) => Uint8Array } {
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  if (new TextDecoder().decode(raw.subarray(0, 4)) !== MAGIC) throw new Error('not a stored search index');
  const format = view.getUint32(4, true);
  if (format !== SEARCH_INDEX_FORMAT)
    throw new Error(`stored search index format ${format}, expected ${SEARCH_INDEX_FORMAT}`);
  const headLength = view.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(raw.subarray(12, 12 + headLength))) as Header;
  const offsets = new Map<string, [number, number]>();
  let at = 12 + headLength + ((4 - (headLength % 4)) % 4);
  for (const s of header.sections) {
    offsets.set(s.name, [at, s.bytes]);
    at += s.bytes + ((4 - (s.bytes % 4)) % 4);
  }
  if (at > raw.length) throw new Error('stored search index is cut short');
  return {
    header,
    section(name) {
      const o = offsets.get(name);
      if (!o) throw new Error(`stored search index has no ${name} section`);
      return raw.subarray(o[0], o[0] + o[1]);
    },
  };
}

export function deserializeSearchIndex(bytes: Uint8Array): SearchIndex {
  return decode(brotliDecompressSync(bytes));
}

/** As deserializeSearchIndex, decompressed on libuv's thread pool. */
export async function deserializeSearchIndexOffThread(bytes: Uint8Array): Promise<SearchIndex> {
  return decode(await promisify(brotliDecompress)(bytes));
}

function decode(raw: Uint8Array): SearchIndex {
  if (!LITTLE_ENDIAN) throw new Error('deserializeSearchIndex: big-endian platforms are not supported');
  const { header, section } = sections(raw);
  // copy into fresh buffers: aligned, and the decompressed blob can be collected
  const copy = (name: string) => new Uint8Array(section(name)); // a copy, never a view of the blob
  const ints = (name: string) => new Int32Array(copy(name).buffer);
  const strings = (name: string, count: number) =>
    count === 0 ? [] : new TextDecoder().decode(section(name)).split(SEPARATOR);
  const systemOf = copy('systemOf');
  const codeDocs = ints('codeDocs');
  const billable = section('billable');
  const via = section('via');
  const code = strings('code', header.docs);
  const display = strings('display', header.docs);
  const title = strings('title', header.docs);
  if ([code, display, title, via].some((c) => c.length !== header.docs))
    throw new Error('stored search index columns disagree on the number of documents');
  const docs: IndexedDoc[] = new Array(header.docs);
  for (let i = 0; i < header.docs; i++) {
    docs[i] = {
      system: SYSTEMS[systemOf[i]!]!,
      code: code[i]!,
      display: display[i] || code[i]!,
      title: title[i]!,
      billable: billable[i] === 1,
      via: VIAS[via[i]!]!,
    };
  }
  const vocab = strings('vocab', header.vocab);
  const docWordStart = ints('docWordStart');
  const docWords = ints('docWords');
  return {
    docs,
    vocab,
    docWordStart,
    docWords,
    ...postingsOf(docWordStart, docWords, vocab.length),
    codeKeys: Array.from(codeDocs, (d) => code[d]!),
    codeDocs,
    staticRank: ints('staticRank'),
    systemOf,
  };
}
