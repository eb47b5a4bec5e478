/** Test helpers for the code-set importers (used only by *.test.ts files). */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { CodesetFileError } from './problems.ts';

export async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

let dir: string | undefined;
export async function tempFile(
  name: string,
  content: string,
  opts: { gzip?: boolean; cutBytes?: number } = {},
): Promise<string> {
  dir ??= await mkdtemp(path.join(tmpdir(), 'codesets-'));
  let bytes: Buffer = opts.gzip ? gzipSync(content) : Buffer.from(content);
  if (opts.cutBytes) bytes = bytes.subarray(0, bytes.length - opts.cutBytes);
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return file;
}

export async function expectFileError(it: AsyncIterable<unknown>): Promise<CodesetFileError> {
  try {
    for await (const _ of it) void _;
  } catch (e) {
    if (e instanceof CodesetFileError) return e;
    throw e;
  }
  throw new Error('expected the importer to reject the file');
}
