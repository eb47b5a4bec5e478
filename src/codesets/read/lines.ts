/**
 * Thin I/O edge: streams a text file (gzip when the name ends in `.gz`) as batches of lines with
 * their 1-based line numbers. Memory is bounded by the stream's chunk size. A corrupt or cut-short
 * gzip stream becomes FILE_UNREADABLE; a last line without its line break is flagged so the
 * importer can report FILE_TRUNCATED (every official file ends each record with CRLF).
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { fileError } from '../problems.ts';

export interface Line {
  text: string;
  line: number;
  /** false only for a last line that had no line break */
  terminated: boolean;
}

export function openStream(file: string): Readable {
  const raw = createReadStream(file, { highWaterMark: 256 * 1024 });
  if (!file.endsWith('.gz')) return raw;
  const gunzip = createGunzip();
  raw.on('error', (e) => gunzip.destroy(e));
  return raw.pipe(gunzip);
}

export function displayName(file: string): string {
  const i = file.lastIndexOf('/codesets/');
  return i >= 0 ? file.slice(i + '/codesets/'.length) : file;
}

export async function* readLineBatches(file: string): AsyncGenerator<Line[]> {
  const name = displayName(file);
  const decoder = new TextDecoder('utf-8', { fatal: true }); // every official file is UTF-8 (or ASCII); bad bytes mean corruption
  let carry = '';
  let lineNo = 0;
  const stream = openStream(file);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = carry + decoder.decode(chunk, { stream: true });
      const batch: Line[] = [];
      let start = 0;
      for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
        const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        batch.push({ text: text.slice(start, end), line: ++lineNo, terminated: true });
        start = nl + 1;
      }
      carry = text.slice(start);
      if (batch.length > 0) yield batch;
    }
  } catch (e) {
    throw fileError(
      'FILE_UNREADABLE',
      { file: name, line: lineNo + 1 },
      `cannot read past line ${lineNo}: ${(e as Error).message}`,
    );
  }
  carry += decoder.decode();
  if (carry.length > 0) yield [{ text: carry, line: lineNo + 1, terminated: false }];
}

export async function* readLines(file: string): AsyncGenerator<Line> {
  for await (const batch of readLineBatches(file)) yield* batch;
}
