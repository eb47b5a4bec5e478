import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from './problems.ts';

describe('problem catalogue', () => {
  it('documents every code in docs/x12.md', () => {
    const doc = readFileSync(new URL('../../docs/x12.md', import.meta.url), 'utf8');
    const missing = Object.keys(PROBLEM_CODES).filter((c) => !doc.includes(`\`${c}\``));
    expect(missing).toEqual([]);
  });
});
