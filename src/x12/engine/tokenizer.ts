import { detectDelimiters, HEADER_LIMIT } from './delimiters.ts';
import type { Delimiters, Segment } from './types.ts';
import { ProblemList, type ProblemCode } from '../problems.ts';

/** Longest segment accepted before the input is declared unreadable (X12 segments are a few hundred bytes). */
export const MAX_SEGMENT = 1 << 20;

/**
 * Splits X12 text into segments chunk by chunk. Holds only the unfinished tail of the last chunk,
 * so memory stays flat whatever the file size. Never throws on input; unreadable input ends as a
 * fatal problem in `problems`.
 */
export class SegmentSplitter {
  delimiters: Delimiters | null = null;
  enveloped = true;
  readonly problems: ProblemList;
  private rest = '';
  private scanned = 0;
  private dead = false;
  private n = 0;
  private line = 1;
  /** skip[c] === 1 for blank characters that are not separators (space, tab, CR, LF). */
  private skip = new Uint8Array(256);

  constructor(problems?: ProblemList) {
    this.problems = problems ?? new ProblemList();
  }

  push(text: string, out: Segment[]): void {
    if (this.dead) return;
    this.rest = this.rest.length === 0 ? text : this.rest + text;
    if (!this.delimiters && !this.detect(false)) return;
    this.drain(out);
  }

  end(out: Segment[]): void {
    if (this.dead) return;
    if (!this.delimiters && !this.detect(true)) return;
    this.drain(out);
    const s = this.rest;
    this.rest = '';
    this.emit(s, out);
  }

  private detect(final: boolean): boolean {
    const d = detectDelimiters(this.rest, final);
    if (d.kind === 'more') {
      if (this.rest.length <= HEADER_LIMIT) return false;
      this.fail('X12_BAD_ISA', 'No complete ISA header in the first 64 KB.');
      return false;
    }
    if (d.kind === 'fail') {
      this.fail(d.code, d.message);
      return false;
    }
    this.delimiters = d.delimiters;
    this.enveloped = d.enveloped;
    if (!d.enveloped)
      this.problems.add('X12_NO_ENVELOPE', 'No ISA/GS envelope: read as a bare transaction set.');
    for (const c of [32, 9, 10, 13]) this.skip[c] = 1;
    for (const c of Object.values(d.delimiters))
      if (c && c.charCodeAt(0) < 256) this.skip[c.charCodeAt(0)] = 0;
    this.line += countLf(this.rest, 0, d.start);
    this.rest = this.rest.slice(d.start);
    return true;
  }

  private fail(code: ProblemCode, message: string): void {
    this.dead = true;
    this.rest = '';
    const where =
      code === 'X12_SEGMENT_TOO_LONG'
        ? { segmentNumber: this.n + 1, line: this.line }
        : { segmentNumber: 1, segmentId: 'ISA', line: this.line };
    this.problems.add(code, message, where);
  }

  private drain(out: Segment[]): void {
    const s = this.rest;
    const t = (this.delimiters as Delimiters).segment;
    // Resume the search where the last chunk's scan stopped, so a long tail is not rescanned (no O(n²)).
    const lastEnd = s.lastIndexOf(t);
    if (lastEnd < this.scanned) {
      this.scanned = s.length;
      if (s.length > MAX_SEGMENT)
        this.fail('X12_SEGMENT_TOO_LONG', `No segment terminator '${t}' within ${MAX_SEGMENT} characters.`);
      return;
    }
    // One native split per chunk is much faster than an indexOf/slice loop.
    const parts = s.slice(0, lastEnd).split(t);
    for (const raw of parts) {
      this.emit(raw, out);
      if (t === '\n') this.line++;
    }
    this.rest = s.slice(lastEnd + 1);
    this.scanned = this.rest.length;
  }

  private emit(raw: string, out: Segment[]): void {
    let a = 0;
    let b = raw.length;
    const skip = this.skip;
    while (a < b && skip[raw.charCodeAt(a)] === 1) {
      if (raw.charCodeAt(a) === 10) this.line++;
      a++;
    }
    while (
      b > a &&
      (raw.charCodeAt(b - 1) === 13 || raw.charCodeAt(b - 1) === 10) &&
      skip[raw.charCodeAt(b - 1)] === 1
    )
      b--;
    if (a >= b) return;
    const el = (a === 0 && b === raw.length ? raw : raw.slice(a, b)).split(
      (this.delimiters as Delimiters).element,
    );
    out.push({ id: el[0] as string, el, n: ++this.n, line: this.line });
  }
}

function countLf(s: string, a: number, b: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', a); i >= 0 && i < b; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** Decodes bytes 1:1 (latin1) so separators and lengths are byte-exact; X12 text is ASCII. */
export function toText(input: string | Uint8Array): string {
  return typeof input === 'string'
    ? input
    : Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('latin1');
}

export interface Tokenized {
  segments: Segment[];
  delimiters: Delimiters | null;
  enveloped: boolean;
  problems: ProblemList;
}

/** Whole-input tokenizer for data already in memory. */
export function tokenize(input: string | Uint8Array, problems?: ProblemList): Tokenized {
  const sp = new SegmentSplitter(problems);
  const segments: Segment[] = [];
  sp.push(toText(input), segments);
  sp.end(segments);
  return { segments, delimiters: sp.delimiters, enveloped: sp.enveloped, problems: sp.problems };
}
