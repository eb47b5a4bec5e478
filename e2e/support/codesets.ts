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
