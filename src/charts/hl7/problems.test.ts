import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HL7_PROBLEMS } from './problems.ts';

describe('HL7 v2 problem catalogue', () => {
  it('documents every code in docs/hl7.md', () => {
    const doc = readFileSync(new URL('../../../docs/hl7.md', import.meta.url), 'utf8');
    const missing = Object.keys(HL7_PROBLEMS).filter((c) => !doc.includes(`| \`${c}\` |`));
    expect(missing).toEqual([]);
  });
});
