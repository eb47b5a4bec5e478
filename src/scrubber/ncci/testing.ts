/** Test helpers for the NCCI importers (used only by *.test.ts files). */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { NcciProblem } from './problems.ts';
import type { ImportBatch } from './read/tabFile.ts';

export const FIXTURES = path.resolve(import.meta.dirname, 'fixtures');

export async function drain<T>(
  it: AsyncIterable<ImportBatch<T>>,
): Promise<{ rows: T[]; problems: NcciProblem[] }> {
  const rows: T[] = [];
  const problems: NcciProblem[] = [];
  for await (const b of it) {
    rows.push(...b.rows);
    problems.push(...b.problems);
  }
  return { rows, problems };
}

let dir: string | undefined;
export async function tempFile(
  name: string,
  content: string | Buffer,
  opts: { gzip?: boolean; cutBytes?: number } = {},
): Promise<string> {
  dir ??= await mkdtemp(path.join(tmpdir(), 'ncci-'));
  let bytes: Buffer = typeof content === 'string' ? Buffer.from(content) : content;
  if (opts.gzip) bytes = gzipSync(bytes);
  if (opts.cutBytes) bytes = bytes.subarray(0, bytes.length - opts.cutBytes);
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return file;
}
