import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REMIT_PROBLEMS } from './problems.ts';

describe('remittance problem catalogue', () => {
  it('documents every code in docs/remits.md', () => {
    const doc = readFileSync(new URL('../../docs/remits.md', import.meta.url), 'utf8');
    expect(Object.keys(REMIT_PROBLEMS).filter((c) => !doc.includes(`\`${c}\``))).toEqual([]);
  });
});
