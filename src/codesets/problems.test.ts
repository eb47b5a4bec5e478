import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CODESET_PROBLEMS, CodesetFileError, describeWhere, problem } from './problems.ts';

describe('code-set problem catalogue', () => {
  it('documents every problem code in docs/codesets.md', () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/codesets.md'), 'utf8');
    for (const code of Object.keys(CODESET_PROBLEMS)) expect(doc, code).toContain(`\`${code}\``);
  });

  it('names file and position in the error message', () => {
    const e = new CodesetFileError(
      problem('XML_MALFORMED', { file: 'icd10cm/x.xml', line: 3, column: 7 }, 'unclosed tag'),
    );
    expect(e.message).toBe('icd10cm/x.xml, line 3:7: unclosed tag');
    expect(describeWhere({ code: 'J45.909', position: 2 })).toBe('code J45.909, position 2');
  });
});
