import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const ORDER_FILE = fileURLToPath(
  new URL('../../../shared/codesets/icd10cm/2026/icd10cm_order_2026.txt.gz', import.meta.url),
);

/** A small ICD-10-CM 2026 release (the first lines of the CMS order file, chapter 1) in a temp folder. */
export function writeSmallCodeSets(lines = 2000): string {
  const dir = mkdtempSync(join(tmpdir(), 'cleanclaim-e2e-codesets-'));
  const text = gunzipSync(readFileSync(ORDER_FILE)).toString('latin1');
  const head = text.split('\n').slice(0, lines).join('\n') + '\n';
  mkdirSync(join(dir, 'icd10cm', '2026'), { recursive: true });
  writeFileSync(join(dir, 'icd10cm', '2026', 'icd10cm_order_2026.txt'), head, 'latin1');
  return dir;
}

/**
 * The codes (as the order file writes them, without the dot) of an order file in ../shared/codesets
 * that start with any of these prefixes: whole families of codes for writeOrderSubsets, so a search
 * still has near neighbours to rank against and a header keeps its children.
 */
export function codesStartingWith(rel: string, prefixes: string[]): string[] {
  const file = fileURLToPath(new URL(`../../../shared/codesets/${rel}.gz`, import.meta.url));
  return gunzipSync(readFileSync(file))
    .toString('latin1')
    .split(/\r?\n/)
    .map((l) => l.slice(6, 13).trim())
    .filter((code) => prefixes.some((p) => code.startsWith(p)));
}
