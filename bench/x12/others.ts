// The npm X12 readers we compare against, each counting segments from a plain file stream (as their READMEs show).
import { createReadStream } from 'node:fs';
import type { Transform } from 'node:stream';
import { X12Parser } from 'node-x12';
import { X12parser } from 'x12-parser';

function count(file: string, parser: Transform, end?: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let n = 0;
    createReadStream(file, end === undefined ? {} : { end: end - 1 })
      .on('error', reject)
      .pipe(parser)
      .on('data', () => n++)
      .on('error', reject)
      .on('end', () => resolve(n));
  });
}

/** node-x12's streaming X12Parser (tokenize only); `end` reads only the first `end` bytes. */
export const nodeX12Segments = (file: string, end?: number): Promise<number> =>
  count(file, new X12Parser() as unknown as Transform, end);

/** x12-parser's streaming X12parser (tokenize only). */
export const x12ParserSegments = (file: string, end?: number): Promise<number> =>
  count(file, new X12parser() as unknown as Transform, end);
