/**
 * The alphabetic indexes as a coder reads them: main terms in alphabetical order, each with its
 * subterms indented beneath (ICD-10-CM Official Guidelines I.A.1 and I.B.1: locate the term in the
 * Alphabetic Index, then verify the code in the Tabular List). Pure: built from the records the
 * importers yield, in file order (a term always follows its parent).
 */
import type { IndexKind, IndexTerm } from '../icd10cm/alphabeticIndex.ts';
import type { PcsIndexTerm } from '../icd10pcs/pcsIndex.ts';
import type { Release } from '../release/release.ts';

/** Which book: the Index to Diseases, the Table of Drugs, the Neoplasm Table, the External Cause index (ICD-10-CM), or the ICD-10-PCS Index. */
export type IndexTable = 'index' | 'drug' | 'neoplasm' | 'external-cause';
export const INDEX_TABLES: readonly IndexTable[] = ['index', 'drug', 'neoplasm', 'external-cause'];

export const INDEX_TABLE_TITLES: Record<IndexTable, string> = {
  index: 'Index to Diseases and Injuries',
  drug: 'Table of Drugs and Chemicals',
  neoplasm: 'Table of Neoplasms',
  'external-cause': 'External Cause of Injuries Index',
};

export interface IndexCodeRef {
  /** without the dot or a trailing dash; for ICD-10-PCS a full code, a code prefix or a table */
  code: string;
  /** printed with a trailing "-" (ICD-10-CM) or given as a prefix or table (ICD-10-PCS): complete it */
  partial: boolean;
  /** the drug or neoplasm table column the code sits in */
  column?: string;
  /** a manifestation code, printed in brackets after the etiology code (code it second) */
  manifestation?: true;
  /** "see category T71": the category to complete from the tabular list */
  seeCategory?: true;
}

export interface IndexNode {
  /** empty for an ICD-10-PCS subterm that is only a "see" or "use" */
  title: string;
  /** nonessential modifiers: in parentheses, they do not change the code */
  nonessential: string[];
  codes: IndexCodeRef[];
  see?: string;
  seeAlso?: string;
  /** ICD-10-PCS: the body part or device value to use */
  use?: string;
  children: IndexNode[];
}

export interface IndexBook {
  system: 'ICD-10-CM' | 'ICD-10-PCS';
  table: IndexTable;
  /** the release the index was published with (the PCS index held is an earlier year's) */
  release: Release;
  mainTerms: IndexNode[];
}

const KIND_TABLE: Record<IndexKind, IndexTable> = {
  index: 'index',
  drug: 'drug',
  neoplasm: 'neoplasm',
  'external-cause': 'external-cause',
};

/**
 * Nests flat records by level: each record's parent is the last record one level up. A record
 * that skips a level (a damaged file) goes under the deepest open term rather than being lost.
 */
function nest<T extends { level: number }>(records: Iterable<T>, toNode: (r: T) => IndexNode): IndexNode[] {
  const roots: IndexNode[] = [];
  const open: IndexNode[] = [];
  for (const r of records) {
    const node = toNode(r);
    const depth = Math.min(Math.max(0, r.level), open.length);
    open.length = depth;
    (depth === 0 ? roots : open[depth - 1]!.children).push(node);
    open.push(node);
  }
  return roots;
}

function cmNode(t: IndexTerm): IndexNode {
  const codes: IndexCodeRef[] = [];
  if (t.code) codes.push({ ...t.code });
  if (t.manifestation) codes.push({ ...t.manifestation, manifestation: true });
  for (const c of t.cells ?? []) codes.push({ code: c.code, partial: c.partial, column: c.column });
  if (t.seeCategory && /^[A-Z][0-9A-Z]{2}/.test(t.seeCategory))
    codes.push({ code: t.seeCategory.replace('.', ''), partial: true, seeCategory: true });
  return {
    title: t.title,
    nonessential: t.nonessential,
    codes,
    ...(t.see ? { see: t.see } : {}),
    ...(t.seeAlso ? { seeAlso: t.seeAlso } : {}),
    children: [],
  };
}

export function buildCmIndexBook(release: Release, terms: Iterable<IndexTerm>): IndexBook {
  let table: IndexTable = 'index';
  const mainTerms = nest(terms, (t) => {
    table = KIND_TABLE[t.kind];
    return cmNode(t);
  });
  return { system: 'ICD-10-CM', table, release, mainTerms };
}

function pcsNode(t: PcsIndexTerm): IndexNode {
  const codes: IndexCodeRef[] = [];
  if (t.code) codes.push({ code: t.code, partial: false });
  for (const prefix of [t.codePrefix, t.seeTable]) if (prefix) codes.push({ code: prefix, partial: true });
  return {
    title: t.title,
    nonessential: [],
    codes,
    ...(t.see ? { see: t.see } : {}),
    ...(t.use ? { use: t.use } : {}),
    children: [],
  };
}

export function buildPcsIndexBook(release: Release, terms: Iterable<PcsIndexTerm>): IndexBook {
  return { system: 'ICD-10-PCS', table: 'index', release, mainTerms: nest(terms, pcsNode) };
}

/** What a node is called on screen: its title, or for a bare PCS subterm its "see"/"use". */
export function labelOf(node: IndexNode): string {
  if (node.title) return node.title;
  if (node.see) return `see ${node.see}`;
  return node.use ? `use ${node.use}` : '';
}
