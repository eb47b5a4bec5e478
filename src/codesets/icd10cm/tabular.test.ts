import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { importTabular } from './tabular.ts';
import type { TabularDiag, TabularRecord } from './tabular.ts';
import { buildTabularNotes, codeRefs, notesFor, refMatches, seventhCharactersFor } from './tabularNotes.ts';
import { collect, expectFileError } from '../testing.ts';

const dir = path.resolve(import.meta.dirname, '../fixtures/tabular');
const passFile = path.join(dir, 'pass/diabetes-asthma-injury-poisoning.xml');
const diag = (all: TabularRecord[], code: string) =>
  all.find((r): r is TabularDiag => r.kind === 'diag' && r.code === code);

describe('ICD-10-CM tabular XML (fixtures in the official layout; FY2026 file not available)', () => {
  it('reads chapters, sections, nested diags and their notes', async () => {
    const all = await collect(importTabular(passFile));
    expect(all.find((r) => r.kind === 'chapter' && r.number === '4')).toMatchObject({
      first: 'E00',
      last: 'E89',
    });
    expect(all.find((r) => r.kind === 'section' && r.id === 'E08-E13')).toMatchObject({
      first: 'E08',
      last: 'E13',
      description: 'Diabetes mellitus (E08-E13)',
    });
    expect(diag(all, 'J45909')).toMatchObject({
      parent: 'J4590',
      description: 'Unspecified asthma, uncomplicated',
      notes: { inclusionTerm: ['Asthma NOS'] },
    });
    expect(diag(all, 'E10')?.notes.excludes1).toContain('type 2 diabetes mellitus (E11.-)');
    expect(diag(all, 'G63')?.notes.codeFirst?.[0]).toBe('underlying disease, such as:');
  });

  it('records 7th-character definitions with the codes they apply to', async () => {
    const all = await collect(importTabular(passFile));
    expect(diag(all, 'T36')?.sevenChrDef?.map((x) => x.char)).toEqual(['A', 'D', 'S']);
    expect(diag(all, 'T36')?.sevenChrAppliesTo).toEqual(['T360X1', 'T360X5']);
    expect(diag(all, 'S5252')?.sevenChrDef?.map((x) => x.char)).toEqual(['A', 'D', 'G', 'K', 'P', 'S']);
    expect(diag(all, 'S52')?.sevenChrAppliesTo).toEqual(['S52521', 'S52522', 'S52529']);
    const tab = buildTabularNotes(all);
    expect(
      seventhCharactersFor(tab, 'S52521')
        ?.map((x) => x.char)
        .join(''),
    ).toBe('ADGKPS');
    expect(seventhCharactersFor(tab, 'T360X1')?.length).toBe(3);
  });

  it('finds the notes that apply to a code through its ancestors and chapter', async () => {
    const tab = buildTabularNotes(await collect(importTabular(passFile)));
    expect(notesFor(tab, 'E109', 'excludes1').map((n) => n.source)).toContain('E10');
    expect(notesFor(tab, 'E109', 'excludes1').some((n) => n.source === 'E00-E89')).toBe(true);
    const refs = codeRefs('endocrine disease, except diabetes (E00-E07, E15-E16, E20-E34)');
    expect(refs).toEqual([
      { from: 'E00', to: 'E07', prefix: true },
      { from: 'E15', to: 'E16', prefix: true },
      { from: 'E20', to: 'E34', prefix: true },
    ]);
    expect(refMatches(codeRefs('type 2 diabetes mellitus (E11.-)')[0]!, 'E119')).toBe(true);
    expect(refMatches(codeRefs('gestational diabetes (O24.4-)')[0]!, 'O24410')).toBe(true);
    expect(refMatches(refs[0]!, 'E039')).toBe(true);
    expect(refMatches(refs[0]!, 'E109')).toBe(false);
  });

  for (const name of readdirSync(path.join(dir, 'pass'))) {
    it(`reads pass/${name} with a chapter, a section and diags`, async () => {
      const kinds = new Set((await collect(importTabular(path.join(dir, 'pass', name)))).map((r) => r.kind));
      expect([...kinds].sort()).toEqual(['chapter', 'diag', 'section']);
    });
  }

  for (const name of readdirSync(path.join(dir, 'fail'))) {
    it(`rejects fail/${name} naming file and line:column`, async () => {
      const e = await expectFileError(importTabular(path.join(dir, 'fail', name)));
      expect(e.problem.file).toContain(name);
      expect(e.problem.line).toBeGreaterThan(1);
      expect(e.problem.column).toBeGreaterThanOrEqual(0);
      expect(e.message).toMatch(/line \d+:\d+: /);
    });
  }
});
