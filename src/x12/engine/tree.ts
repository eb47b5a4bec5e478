import type { Segment } from './types.ts';

/** One loop instance as read: its own segments in order and its child loops in order. */
export interface LoopNode {
  /** TR3 loop id (2300) or the transaction root "ST". */
  id: string;
  name: string;
  segments: Segment[];
  loops: LoopNode[];
  /** Segments the guide does not expect here (kept so no data is lost). */
  stray: Segment[];
}

export const newNode = (id: string, name: string): LoopNode => ({
  id,
  name,
  segments: [],
  loops: [],
  stray: [],
});

/** First segment with this id (and first element value, when given). */
export function first(node: LoopNode, id: string, el1?: string | readonly string[]): Segment | undefined {
  return node.segments.find((s) => s.id === id && matches(s, el1));
}

export function all(node: LoopNode, id: string, el1?: string | readonly string[]): Segment[] {
  return node.segments.filter((s) => s.id === id && matches(s, el1));
}

function matches(s: Segment, el1: string | readonly string[] | undefined): boolean {
  if (el1 === undefined) return true;
  const v = s.el[1] ?? '';
  return typeof el1 === 'string' ? v === el1 : el1.includes(v);
}

export const loopsOf = (node: LoopNode, id: string): LoopNode[] => node.loops.filter((l) => l.id === id);
export const loopOf = (node: LoopNode, id: string): LoopNode | undefined =>
  node.loops.find((l) => l.id === id);

/** Depth-first walk over every loop instance. */
export function* walkLoops(node: LoopNode): Generator<LoopNode> {
  yield node;
  for (const l of node.loops) yield* walkLoops(l);
}
