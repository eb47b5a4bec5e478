/** Test helpers for the code-set importers (used only by *.test.ts files). */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
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

const shared = path.join(process.cwd(), '../shared/codesets');

/**
 * A small release folder in the official layouts, in a temporary directory: the first lines of the
 * FY2026 ICD-10-CM order file (cut inside the last record when `truncate`), the POS code system,
 * and any other files: `copies` maps a path in the folder to the file copied there.
 */
export function writeReleaseFolder(
  orderLines: number,
  options: { truncate?: boolean; copies?: Record<string, string> } = {},
): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'codesets-'));
  const put = (rel: string, content: Buffer | string) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  };
  const lines = gunzipSync(readFileSync(`${shared}/icd10cm/2026/icd10cm_order_2026.txt.gz`))
    .toString('latin1')
    .split('\n')
    .slice(0, orderLines);
  let order = `${lines.join('\n')}\n`;
  if (options.truncate) order = order.slice(0, order.length - 70);
  put('icd10cm/2026/icd10cm_order_2026.txt', Buffer.from(order, 'latin1'));
  const pos = 'place_of_service/cms-bfd-2026-08-22/CodeSystem-CLM-POS-CD.fsh';
  put(pos, readFileSync(`${shared}/${pos}`));
  for (const [rel, from] of Object.entries(options.copies ?? {})) put(rel, readFileSync(from));
  return dir;
}

/**
 * A release folder of order files holding only these codes' lines from the publisher's files held
 * in ../shared/codesets (the same path plus .gz), renumbered because the importer wants
 * consecutive order numbers: e.g. { 'icd10pcs/2026/icd10pcs_order_2026.txt': ['0SRC0J9'] }.
 */
export function writeOrderSubsets(files: Record<string, string[]>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'codesets-'));
  for (const [rel, codes] of Object.entries(files)) {
    const wanted = new Set(codes);
    const lines = gunzipSync(readFileSync(`${shared}/${rel}.gz`))
      .toString('latin1')
      .split(/\r?\n/)
      .filter((l) => wanted.has(l.slice(6, 13).trim()));
    const text = lines.map((l, i) => `${String(i + 1).padStart(5, '0')}${l.slice(5)}\n`).join('');
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), Buffer.from(text, 'latin1'));
  }
  return dir;
}
