// The npm X12 readers we compare against, each counting segments from a file stream.
import { createReadStream } from 'node:fs';
import { X12Parser } from 'node-x12';
import { X12parser } from 'x12-parser';

export function nodeX12Segments(file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let n = 0;
    createReadStream(file)
      .on('error', reject)
      .pipe(new X12Parser())
      .on('data', () => n++)
      .on('error', reject)
      .on('end', () => resolve(n));
  });
}

export function x12ParserSegments(file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let n = 0;
    createReadStream(file)
      .on('error', reject)
      .pipe(new X12parser())
      .on('data', () => n++)
      .on('error', reject)
      .on('end', () => resolve(n));
  });
}
