import { detectDelimiters, HEADER_LIMIT } from './delimiters.ts';
import { RawSegment } from './segment.ts';
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
    if (!this.delimiters) {
      this.rest = this.rest.length === 0 ? text : this.rest + text;
      if (!this.detect(false)) return;
      text = this.rest;
      this.rest = '';
    }
    this.drain(text, out);
  }

  end(out: Segment[]): void {
    if (this.dead) return;
    if (!this.delimiters) {
      if (!this.detect(true)) return;
      const s = this.rest;
      this.rest = '';
      this.drain(s, out);
      if (this.dead) return;
    }
    const s = this.rest;
    this.rest = '';
    this.emit(s, 0, s.length, out);
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

  /**
   * Emits the segments ended in `text`, the next chunk after the unfinished tail `rest` (which holds no
   * terminator). The chunk is scanned in place: only the segment that spans the two is joined.
   */
  private drain(text: string, out: Segment[]): void {
    const t = (this.delimiters as Delimiters).segment;
    let k = text.indexOf(t);
    if (k < 0) {
      this.rest = this.rest.length === 0 ? text : this.rest + text;
      if (this.rest.length > MAX_SEGMENT)
        this.fail('X12_SEGMENT_TOO_LONG', `No segment terminator '${t}' within ${MAX_SEGMENT} characters.`);
      return;
    }
    const lf = t === '\n';
    let a = 0;
    if (this.rest.length > 0) {
      const first = this.rest + text.slice(0, k);
      this.rest = '';
      this.emit(first, 0, first.length, out);
      if (lf) this.line++;
      a = k + 1;
      k = text.indexOf(t, a);
    }
    // indexOf on the latin1 chunk text is a native scan; each segment costs one slice and one object.
    while (k >= 0) {
      this.emit(text, a, k, out);
      if (lf) this.line++;
      a = k + 1;
      k = text.indexOf(t, a);
    }
    this.rest = a === text.length ? '' : text.slice(a);
  }

  /** Emits s[a, b) as one segment, less leading blanks and trailing CR/LF (unless they are separators). */
  private emit(s: string, a: number, b: number, out: Segment[]): void {
    const skip = this.skip;
    while (a < b) {
      const c = s.charCodeAt(a);
      if (skip[c] !== 1) break;
      if (c === 10) this.line++;
      a++;
    }
    while (b > a) {
      const c = s.charCodeAt(b - 1);
      if ((c !== 13 && c !== 10) || skip[c] !== 1) break;
      b--;
    }
    if (a >= b) return;
    const raw = a === 0 && b === s.length ? s : s.slice(a, b);
    out.push(new RawSegment(raw, (this.delimiters as Delimiters).element, ++this.n, this.line));
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
