import { createReadStream } from 'node:fs';
import { SegmentSplitter, toText } from './tokenizer.ts';
import type { Segment } from './types.ts';
import type { ProblemList } from '../problems.ts';

export type ByteSource = AsyncIterable<Uint8Array | string>;

/** Segments in batches (one per input chunk): the fast path for large files. */
export async function* streamSegmentBatches(
  source: ByteSource,
  splitter = new SegmentSplitter(),
): AsyncGenerator<Segment[]> {
  for await (const chunk of source) {
    const out: Segment[] = [];
    splitter.push(toText(chunk), out);
    if (out.length > 0) yield out;
  }
  const out: Segment[] = [];
  splitter.end(out);
  if (out.length > 0) yield out;
}

/**
 * Lazily reads segments from a file path, a Node Readable or any async iterable of bytes. Memory stays flat:
 * only the unfinished tail of a chunk is kept. Problems (unreadable header) go to `problems`.
 */
export async function* streamSegments(
  source: ByteSource | string,
  problems?: ProblemList,
): AsyncGenerator<Segment> {
  const bytes = typeof source === 'string' ? fileSource(source) : source;
  for await (const batch of streamSegmentBatches(bytes, new SegmentSplitter(problems))) yield* batch;
}

/** File edge: a byte source for a path (64 KiB reads keep each segment batch young for the GC). */
export function fileSource(path: string): ByteSource {
  return createReadStream(path, { highWaterMark: 1 << 16 });
}
