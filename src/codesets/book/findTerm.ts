/**
 * Finding a term the way a coder does: the main term first (the condition, drug or procedure),
 * then subterms indented beneath it. Matching forgives what the printed index leaves implicit:
 * nonessential modifiers in parentheses, the alternative forms after a comma ("Asthma,
 * asthmatic"), and a connecting word such as "with" written together with the subterm below it
 * ("with exacerbation" for with → exacerbation). Pure.
 */
import { labelOf, type IndexBook, type IndexNode } from './indexBook.ts';

/** Lower case, parenthesised modifiers dropped, spacing collapsed. */
export function termKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9,'\-/ ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/ ,/g, ',')
    .trim();
}

/** The forms a title answers to: the whole title and each comma-separated alternative (kept per node: an index is scanned often). */
const formsOf = new WeakMap<IndexNode, string[]>();
function forms(node: IndexNode): string[] {
  let f = formsOf.get(node);
  if (!f) {
    const whole = termKey(labelOf(node).replace(/^(see|use) /, ''));
    const parts = whole.split(',').map((p) => p.trim());
    formsOf.set(node, (f = parts.length > 1 ? [whole, ...parts] : [whole]));
  }
  return f;
}

/** 2 for the whole title, 1 for one alternative form, 0 for no match. */
export function matchStrength(node: IndexNode, text: string): number {
  // a bare PCS subterm is shown (and may be asked for) as "see Excision, Appendix"
  const key = termKey(text.replace(/^(see|use) /i, ''));
  const f = forms(node);
  if (f[0] === key) return 2;
  return f.slice(1).includes(key) ? 1 : 0;
}

export interface Walk {
  /** the nodes from the main term down to the last one matched */
  trail: IndexNode[];
  /** path segments that matched no subterm (the walk stopped before them) */
  unmatched: string[];
}

function bestChild(node: IndexNode, segment: string): IndexNode | undefined {
  let best: IndexNode | undefined;
  let strength = 0;
  for (const c of node.children) {
    const s = matchStrength(c, segment);
    if (s > strength) [best, strength] = [c, s];
  }
  return best;
}

/** A connective subterm ("with", "in", "due to") whose title starts the segment: the rest lies beneath it. */
function viaConnective(node: IndexNode, segment: string): { child: IndexNode; rest: string } | undefined {
  const key = termKey(segment);
  for (const c of node.children) {
    const title = termKey(c.title);
    if (title && key.startsWith(`${title} `) && c.children.length > 0)
      return { child: c, rest: key.slice(title.length + 1) };
  }
  return undefined;
}

/**
 * One step down: a run of segments naming a child's whole title (a cross-reference split at its
 * commas: "amyloidosis, familial"), else one segment naming a child, else a connective then a child.
 */
function step(
  here: IndexNode,
  path: readonly string[],
  i: number,
): { nodes: IndexNode[]; used: number } | undefined {
  for (let j = path.length; j > i + 1; j--) {
    const joined = path.slice(i, j).join(', ');
    const child = here.children.find((c) => matchStrength(c, joined) === 2);
    if (child) return { nodes: [child], used: j - i };
  }
  const segment = path[i]!;
  const direct = bestChild(here, segment);
  if (direct) return { nodes: [direct], used: 1 };
  const via = viaConnective(here, segment);
  const below = via && bestChild(via.child, via.rest);
  return via && below ? { nodes: [via.child, below], used: 1 } : undefined;
}

/** Walks subterm segments down from a main term, as far as they match. */
export function walkPath(main: IndexNode, path: readonly string[]): Walk {
  const trail = [main];
  for (let i = 0; i < path.length;) {
    const next = step(trail[trail.length - 1]!, path, i);
    if (!next) return { trail, unmatched: path.slice(i) };
    trail.push(...next.nodes);
    i += next.used;
  }
  return { trail, unmatched: [] };
}

/** Main terms answering to the text: the whole title first, then those with it as one alternative. */
export function mainTermsFor(book: IndexBook, text: string): IndexNode[] {
  const whole: IndexNode[] = [];
  const part: IndexNode[] = [];
  for (const m of book.mainTerms) {
    const s = matchStrength(m, text);
    if (s === 2) whole.push(m);
    else if (s === 1) part.push(m);
  }
  return [...whole, ...part];
}

/** Main terms starting with the typed text, in index order (for suggestions). */
export function mainTermsStartingWith(book: IndexBook, text: string, limit: number): IndexNode[] {
  const key = termKey(text);
  if (!key) return [];
  const out: IndexNode[] = [];
  for (const m of book.mainTerms) {
    if (forms(m)[0]!.startsWith(key)) out.push(m);
    if (out.length >= limit) break;
  }
  return out;
}

/**
 * Finds a main term and walks the subterm path beneath it. When several main terms answer
 * ("Fracture" → "Fracture, pathological" and "Fracture, traumatic"), the one under which the
 * path goes deepest wins; ties go to the whole-title match, then to index order.
 */
export function findTerm(book: IndexBook, term: string, path: readonly string[]): Walk | undefined {
  let best: Walk | undefined;
  for (const main of mainTermsFor(book, term)) {
    const walk = walkPath(main, path);
    if (!best || walk.unmatched.length < best.unmatched.length) best = walk;
  }
  return best;
}

/**
 * Resolves a cross-reference ("see Disease, heart", "see also Fracture, radius, lower end"):
 * the main term may itself hold commas, so the longest leading run of segments that names a
 * main term is taken, and the rest is walked as subterms.
 */
export function resolveReference(book: IndexBook, text: string): Walk | undefined {
  const segments = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  let best: Walk | undefined;
  for (let k = segments.length; k >= 1; k--) {
    const walk = findTerm(book, segments.slice(0, k).join(', '), segments.slice(k));
    if (walk && (!best || walk.unmatched.length < best.unmatched.length)) best = walk;
    if (best && best.unmatched.length === 0) break;
  }
  return best;
}
