import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SANDBOX_PROBLEMS } from './problems.ts';

describe('sandbox problem catalogue', () => {
  it('documents every code in docs/problems.md', () => {
    const doc = readFileSync(new URL('../../docs/problems.md', import.meta.url), 'utf8');
    const missing = Object.keys(SANDBOX_PROBLEMS).filter((c) => !doc.includes(`| \`${c}\` |`));
    expect(missing).toEqual([]);
  });
});
