/**
 * Thin I/O edge: streams an NCCI file (a path or a Readable; gzip is detected by its magic bytes,
 * whatever the name) as batches of lines with 1-based line numbers. Memory is bounded by the
 * chunk size. A read or gunzip failure ends the stream with a `ReadFault`; a last line without
 * its line break is flagged so the importer can report the file as truncated (CMS ends every
 * row of its .txt files with CRLF).
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

export interface Line {
  text: string;
  line: number;
  /** false only for a last line that had no line break */
  terminated: boolean;
}

export type Source = string | Readable;

/** Why the bytes stopped: the stream failed or a gzip member was cut short. */
export class ReadFault extends Error {
  constructor(
    readonly afterLine: number,
    readonly truncated: boolean,
    message: string,
  ) {
    super(message);
  }
}

export function sourceName(source: Source, file?: string): string {
  if (file !== undefined) return file;
  if (typeof source === 'string') return source.slice(source.lastIndexOf('/') + 1);
  return '(stream)';
}

async function* gunzipIfNeeded(input: Readable): AsyncGenerator<Buffer> {
  const it = (input as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return;
  const head = Buffer.from(first.value);
  async function* rest(): AsyncGenerator<Buffer> {
    yield head;
    for (let r = await it.next(); !r.done; r = await it.next()) yield Buffer.from(r.value);
  }
  if (head[0] !== 0x1f || head[1] !== 0x8b) {
    yield* rest();
    return;
  }
  const raw = Readable.from(rest());
  const gunzip = createGunzip();
  raw.on('error', (e) => gunzip.destroy(e));
  yield* raw.pipe(gunzip) as AsyncIterable<Buffer>;
}

export async function* readLineBatches(source: Source): AsyncGenerator<Line[]> {
  const input = typeof source === 'string' ? createReadStream(source, { highWaterMark: 256 * 1024 }) : source;
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  let lineNo = 0;
  try {
    for await (const chunk of gunzipIfNeeded(input)) {
      const text = carry + decoder.decode(chunk, { stream: true });
      const batch: Line[] = [];
      let start = 0;
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
        const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        batch.push({ text: text.slice(start, end), line: ++lineNo, terminated: true });
        start = nl + 1;
      }
      carry = text.slice(start);
      if (batch.length > 0) yield batch;
    }
  } catch (e) {
    const message = (e as Error).message;
    throw new ReadFault(lineNo, /unexpected end of file/i.test(message), message);
  }
  carry += decoder.decode();
  if (carry.length > 0) yield [{ text: carry, line: lineNo + 1, terminated: false }];
}
