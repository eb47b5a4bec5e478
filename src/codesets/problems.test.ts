import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describeLocation } from '../shared/problem.ts';
import { CODESET_PROBLEMS, CodesetFileError, problem } from './problems.ts';

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
  });

  it('is the shared problem: a stable code, the medical code apart from it, and a message', () => {
    const p = problem('EXCLUDES1', { medicalCode: 'J45.909', diagnosisPosition: 2 }, 'Excludes1 with J44.9');
    expect(p).toEqual({
      code: 'EXCLUDES1',
      severity: 'error',
      medicalCode: 'J45.909',
      diagnosisPosition: 2,
      message: 'Excludes1 with J44.9',
    });
    expect(describeLocation(p)).toBe('code J45.909, diagnosis 2');
    expect(problem('CODE_NOT_ACTIVE', { medicalCode: 'G0008' }, 'ended', 'error', '181').carc).toBe('181');
  });
});
