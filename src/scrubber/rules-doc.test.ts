import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from './catalog.ts';
import { REGENERATE, documentedRuleIds, renderRulesDoc } from './rules-doc.ts';

const doc = readFileSync(new URL('../../docs/scrubber-rules.md', import.meta.url), 'utf8');

describe('scrubber rule docs', () => {
  it('documents every catalogue rule id in docs/scrubber-rules.md and names no other', () => {
    const documented = documentedRuleIds(doc);
    const ids = Object.keys(RULES);
    expect({
      missing: ids.filter((id) => !documented.includes(id)),
      unknown: documented.filter((id) => !(id in RULES)),
    }).toEqual({ missing: [], unknown: [] });
    expect(documented).toHaveLength(ids.length);
  });

  it(`is the catalogue as rendered (regenerate: ${REGENERATE})`, () => {
    expect(doc).toBe(renderRulesDoc());
  });

  it('finds a missing and an unknown id', () => {
    const { 'NPI-CHECK': _dropped, ...rest } = RULES;
    const partial = renderRulesDoc({ ...rest, 'NOT-A-RULE': RULES['DOS-FUTURE'] });
    expect(documentedRuleIds(partial)).not.toContain('NPI-CHECK');
    expect(documentedRuleIds(partial)).toContain('NOT-A-RULE');
  });
});
