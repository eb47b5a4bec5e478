/** The I/O edge of the CPT data-file reader: read the file, decode it, parse it whole. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { CodesetFileError } from '../problems.ts';
import { decodeCptBytes, parseCptText, type CptParse, type CptRecord } from './cptFile.ts';

/** Parses a CPT data file, returning every problem (for the CLI and upload to show them all). */
export async function readCptFile(file: string): Promise<CptParse> {
  return parseCptText(decodeCptBytes(await readFile(file)), basename(file));
}

/** Reads a CPT data file; a file with any problem is refused whole, naming the first. */
export async function* importCptFile(file: string): AsyncGenerator<CptRecord> {
  const parsed = await readCptFile(file);
  const [first, ...more] = parsed.problems;
  if (first)
    throw new CodesetFileError({
      ...first,
      message: more.length ? `${first.message} (and ${more.length} more problems)` : first.message,
    });
  yield* parsed.records;
}
