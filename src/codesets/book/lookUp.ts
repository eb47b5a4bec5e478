/**
 * Index look-up, the way the book is used: main term → subterms → the code, following "see" and
 * "see also", showing nonessential modifiers, flagging codes to complete, and verifying every
 * code against the tabular of the date of service. Pure: the books and tables are passed in.
 */
import { dottedCm } from '../icd10cm/code.ts';
import type { CodeTables } from '../tables/codeTables.ts';
import {
  findTerm,
  mainTermsFor,
  mainTermsStartingWith,
  resolveReference,
  termKey,
  type Walk,
} from './findTerm.ts';
import { labelOf, type IndexBook, type IndexNode, type IndexTable } from './indexBook.ts';
import { verifyIndexCode, type VerifiedCode } from './verifyCode.ts';

export interface IndexRequest {
  system: IndexBook['system'];
  /** which book; ICD-10-PCS has only 'index' */
  table: IndexTable;
  /** the main term (a prefix lists the main terms starting with it) */
  term: string;
  /** subterms beneath the main term, in order */
  path?: readonly string[];
  dos: string;
  /** drug and neoplasm tables: only the columns whose heading contains this text */
  column?: string;
  /** levels of subterms to include beneath the term found (1: its own subterms) */
  depth?: number;
}

export interface TermLabel {
  title: string;
  nonessential: string[];
}

/** Where a "see" or "see also" leads: the book, and the trail of titles found there. */
export interface CrossReference {
  text: string;
  table?: IndexTable;
  trail: string[];
  /** the parts of the reference that name no term (e.g. "by site"): read the entry found */
  unmatched: string[];
}

export interface IndexChild extends TermLabel {
  /** the codes as printed, not verified (verify by looking the subterm up) */
  codes: { display: string; partial: boolean; column?: string }[];
  see?: string;
  seeAlso?: string;
  use?: string;
  childCount: number;
  children?: IndexChild[];
}

export interface IndexEntry extends TermLabel {
  codes: VerifiedCode[];
  see?: CrossReference;
  seeAlso?: CrossReference;
  use?: string;
  children: IndexChild[];
}

export interface IndexLookup {
  system: IndexBook['system'];
  table: IndexTable;
  /** the release the index was published with (none when the book is not imported) */
  release?: string;
  status: 'found' | 'main-terms' | 'not-found' | 'not-imported' | 'no-release';
  /** the books imported for the release: what a coder can switch to */
  available: IndexTable[];
  /** when no main term is named exactly, those starting with the text typed; when several
   * answer ("Fracture": pathological, traumatic), the others than the one found */
  mainTerms: TermLabel[];
  /** main term → … → the entry found */
  trail: TermLabel[];
  /** subterms asked for that are not beneath the entry found */
  unmatched: string[];
  entry?: IndexEntry;
}

const MAX_DEPTH = 40;
const MAIN_TERM_SUGGESTIONS = 50;

const label = (n: IndexNode): TermLabel => ({ title: labelOf(n), nonessential: n.nonessential });

function childView(n: IndexNode, depth: number, dotted: (code: string) => string): IndexChild {
  return {
    ...label(n),
    codes: n.codes.map((c) => ({
      display: dotted(c.code) + (c.partial ? '-' : ''),
      partial: c.partial,
      ...(c.column ? { column: c.column } : {}),
    })),
    ...(n.see ? { see: n.see } : {}),
    ...(n.seeAlso ? { seeAlso: n.seeAlso } : {}),
    ...(n.use ? { use: n.use } : {}),
    childCount: n.children.length,
    ...(depth > 1 ? { children: n.children.map((c) => childView(c, depth - 1, dotted)) } : {}),
  };
}

/** A cross-reference is looked for in its own book first, then in the release's other books. */
function crossReference(text: string, books: readonly IndexBook[]): CrossReference {
  let best: { walk: Walk; table: IndexTable } | undefined;
  for (const book of books) {
    const walk = resolveReference(book, text);
    if (walk && (!best || walk.unmatched.length < best.walk.unmatched.length))
      best = { walk, table: book.table };
    if (best?.walk.unmatched.length === 0) break;
  }
  if (!best) return { text, trail: [], unmatched: [text] };
  return { text, table: best.table, trail: best.walk.trail.map(labelOf), unmatched: best.walk.unmatched };
}

function entryView(
  node: IndexNode,
  books: readonly IndexBook[],
  request: IndexRequest,
  tables: CodeTables,
): IndexEntry {
  const book = books[0]!;
  const column = request.column && termKey(request.column);
  const codes = node.codes.filter((c) => !column || (c.column && termKey(c.column).includes(column)));
  const verified = codes.map((c) => verifyIndexCode(book, c, request.dos, tables));
  const printed = book.system === 'ICD-10-CM' ? dottedCm : (c: string) => c;
  return {
    ...label(node),
    codes: verified,
    ...(node.see ? { see: crossReference(node.see, books) } : {}),
    ...(node.seeAlso ? { seeAlso: crossReference(node.seeAlso, books) } : {}),
    ...(node.use ? { use: node.use } : {}),
    children: node.children.map((c) =>
      childView(c, Math.min(MAX_DEPTH, Math.max(1, request.depth ?? 1)), printed),
    ),
  };
}

/** The answer when no imported release serves the date of service (FY2027 dates today). */
export function noIndexRelease(request: IndexRequest): IndexLookup {
  return {
    system: request.system,
    table: request.table,
    status: 'no-release',
    available: [],
    mainTerms: [],
    trail: [],
    unmatched: [],
  };
}

/**
 * Looks a term up in the book asked for. `books` are every book of the release that serves the
 * date of service: the others answer cross-references that lead out of the book asked for ("see
 * also Neoplasm, by site" in the Index to Diseases leads to the Neoplasm Table).
 */
export function lookUpIndex(
  books: readonly IndexBook[],
  request: IndexRequest,
  tables: CodeTables,
): IndexLookup {
  const available = books.filter((b) => b.system === request.system).map((b) => b.table);
  const book = books.find((b) => b.system === request.system && b.table === request.table);
  const none = { mainTerms: [] as TermLabel[], trail: [] as TermLabel[], unmatched: [] as string[] };
  if (!book)
    return { system: request.system, table: request.table, status: 'not-imported', available, ...none };
  const base = { system: book.system, table: book.table, release: book.release.version, available, ...none };
  const path = request.path ?? [];
  // "Disease, heart" typed as one term reads like a cross-reference: main term, then subterms
  const walk =
    mainTermsFor(book, request.term).length > 0 || path.length > 0
      ? findTerm(book, request.term, path)
      : resolveReference(book, request.term);
  if (!walk) {
    const mainTerms = mainTermsStartingWith(book, request.term, MAIN_TERM_SUGGESTIONS).map(label);
    return { ...base, status: mainTerms.length ? 'main-terms' : 'not-found', mainTerms };
  }
  const node = walk.trail[walk.trail.length - 1]!;
  const answering = mainTermsFor(book, request.term);
  const others = books.filter((b) => b !== book && b.system === book.system);
  return {
    ...base,
    status: 'found',
    mainTerms: answering.filter((m) => m !== walk.trail[0]).map(label),
    trail: walk.trail.map(label),
    unmatched: walk.unmatched,
    entry: entryView(node, [book, ...others], request, tables),
  };
}
