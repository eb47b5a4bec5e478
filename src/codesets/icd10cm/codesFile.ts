/**
 * ICD-10-CM codes file (icd10cm_codes_YYYY.txt): billable codes only, code in cols 1-7 (no dot,
 * left-justified), a blank in col 8, the long title from col 9. The order file carries the same
 * codes plus the headers and is the authority; this file is a cross-check.
 */
import { fileError } from '../problems.ts';
import { displayName, readLineBatches } from '../read/lines.ts';

export interface CodesFileRecord {
  code: string;
  description: string;
}

export async function* importCmCodesFile(file: string): AsyncGenerator<CodesFileRecord> {
  const name = displayName(file);
  let count = 0;
  for await (const batch of readLineBatches(file)) {
    for (const l of batch) {
      if (l.text === '' && l.terminated) continue;
      const where = { file: name, line: l.line };
      if (!l.terminated)
        throw fileError('FILE_TRUNCATED', where, 'last record has no line break: the file was cut short');
      const code = l.text.slice(0, 7).trimEnd();
      const description = l.text.slice(8).trim();
      if (!/^[A-Z][0-9A-Z]{2,6}$/.test(code) || l.text[7] !== ' ' || description === '') {
        throw fileError(
          'RECORD_MALFORMED',
          where,
          `not a codes-file record (code in cols 1-7, title from col 9): "${l.text.slice(0, 40)}"`,
        );
      }
      count++;
      yield { code, description };
    }
  }
  if (count === 0) throw fileError('FILE_TRUNCATED', { file: name, line: 1 }, 'the file holds no codes');
}
