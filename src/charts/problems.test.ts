import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHART_PROBLEMS } from './problems.ts';

describe('chart problem catalogue', () => {
  it('documents every code in docs/charts.md', () => {
    const doc = readFileSync(new URL('../../docs/charts.md', import.meta.url), 'utf8');
    expect(Object.keys(CHART_PROBLEMS).filter((c) => !doc.includes(`\`${c}\``))).toEqual([]);
  });
});
