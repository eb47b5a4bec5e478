import { beforeAll, describe, expect, it } from 'vitest';
import type { CodeTables } from '../tables/codeTables.ts';
import { buildCmIndexBook, type IndexBook } from './indexBook.ts';
import { lookUpIndex } from './lookUp.ts';
import { FY26, loadTestBooks } from './testing.ts';

const DOS = '2026-03-15';
let tables: CodeTables;
let index: IndexBook;

beforeAll(async () => {
  ({ tables, index } = await loadTestBooks());
}, 120_000);

describe('Index to Diseases (fixture in the official layout): main term → subterms → verified code', () => {
  it('asthma → mild intermittent → with (acute) exacerbation gives J45.21, billable', () => {
    const r = lookUpIndex(
      [index],
      {
        system: 'ICD-10-CM',
        table: 'index',
        term: 'asthma',
        path: ['mild intermittent', 'with (acute) exacerbation'],
        dos: DOS,
      },
      tables,
    );
    expect(r.status).toBe('found');
    expect(r.trail.map((t) => t.title)).toEqual([
      'Asthma, asthmatic',
      'mild intermittent',
      'with',
      'exacerbation',
    ]);
    expect(r.trail[0]?.nonessential).toEqual(['(bronchial) (catarrh) (spasmodic)']);
    expect(r.entry?.nonessential).toEqual(['(acute)']);
    expect(r.entry?.codes).toMatchObject([
      {
        code: 'J4521',
        display: 'J45.21',
        needsCompletion: false,
        check: {
          valid: true,
          billable: true,
          description: 'Mild intermittent asthma with (acute) exacerbation',
        },
      },
    ]);
  });

  it('lists the subterms beneath a main term, to the depth asked', () => {
    const r = lookUpIndex(
      [index],
      { system: 'ICD-10-CM', table: 'index', term: 'Asthma', dos: DOS, depth: 2 },
      tables,
    );
    expect(r.entry?.codes[0]?.display).toBe('J45.909');
    expect(r.entry?.children.map((c) => c.title)).toEqual([
      'with',
      'childhood',
      'detergent',
      'mild intermittent',
      'wood',
    ]);
    expect(r.entry?.children[3]?.children?.[0]).toMatchObject({ title: 'with', childCount: 2 });
    expect(
      lookUpIndex([index], { system: 'ICD-10-CM', table: 'index', term: 'Asthma', dos: DOS }, tables).entry
        ?.children[3]?.children,
    ).toBeUndefined();
  });

  it('suggests main terms for a prefix, and says when nothing answers', () => {
    expect(
      lookUpIndex([index], { system: 'ICD-10-CM', table: 'index', term: 'ast', dos: DOS }, tables),
    ).toMatchObject({
      status: 'main-terms',
      mainTerms: [{ title: 'Asthma, asthmatic' }],
    });
    expect(
      lookUpIndex([index], { system: 'ICD-10-CM', table: 'index', term: 'zzz', dos: DOS }, tables).status,
    ).toBe('not-found');
  });

  it('reports the subterms that are not beneath the entry found', () => {
    const r = lookUpIndex(
      [index],
      {
        system: 'ICD-10-CM',
        table: 'index',
        term: 'Asthma',
        path: ['mild intermittent', 'nocturnal'],
        dos: DOS,
      },
      tables,
    );
    expect(r.trail.at(-1)?.title).toBe('mild intermittent');
    expect(r.unmatched).toEqual(['nocturnal']);
  });

  it('follows "see" to the main term and subterm it names', () => {
    const r = lookUpIndex(
      [index],
      { system: 'ICD-10-CM', table: 'index', term: 'Attack', path: ['heart'], dos: DOS },
      tables,
    );
    expect(r.entry?.codes).toEqual([]);
    expect(r.entry?.see).toEqual({
      text: 'Infarct, myocardium',
      table: 'index',
      trail: ['Infarct, infarction', 'myocardium, myocardial'],
      unmatched: [],
    });
    const target = lookUpIndex(
      [index],
      { system: 'ICD-10-CM', table: 'index', term: 'Infarct, myocardium', dos: DOS },
      tables,
    );
    expect(target.entry?.codes[0]).toMatchObject({ display: 'I21.9', check: { valid: true } });
  });

  it('follows "see also" with a subterm path, and keeps what a reference names beyond the index', () => {
    const cardio = lookUpIndex(
      [index],
      { system: 'ICD-10-CM', table: 'index', term: 'Cardiopathy', dos: DOS },
      tables,
    );
    expect(cardio.entry?.seeAlso?.trail).toEqual(['Disease, diseased', 'heart']);
    const distal = lookUpIndex(
      [index],
      { system: 'ICD-10-CM', table: 'index', term: 'Fracture', path: ['radius', 'distal end'], dos: DOS },
      tables,
    );
    expect(distal.trail[0]?.title).toBe('Fracture, traumatic');
    expect(distal.mainTerms.map((m) => m.title)).toEqual(['Fracture, pathological']);
    expect(distal.entry?.see?.trail).toEqual(['Fracture, traumatic', 'radius', 'lower end']);
    const disease = lookUpIndex(
      [index],
      { system: 'ICD-10-CM', table: 'index', term: 'Disease', dos: DOS },
      tables,
    );
    expect(disease.entry?.seeAlso).toMatchObject({ text: 'Syndrome', trail: [], unmatched: ['Syndrome'] });
  });

  it('flags partial codes and lists the completions from the tabular', () => {
    const torus = lookUpIndex(
      [index],
      {
        system: 'ICD-10-CM',
        table: 'index',
        term: 'Fracture, traumatic',
        path: ['radius', 'lower end', 'torus'],
        dos: DOS,
      },
      tables,
    );
    const code = torus.entry!.codes[0]!;
    expect(code).toMatchObject({ code: 'S5252', partial: true, display: 'S52.52-', needsCompletion: true });
    expect(code.check.problems[0]?.code).toBe('CODE_HEADER');
    expect(code.check.completions?.map((c) => c.code)).toContain('S52.521A');
    const patho = lookUpIndex(
      [index],
      { system: 'ICD-10-CM', table: 'index', term: 'Fracture, pathological', dos: DOS },
      tables,
    );
    expect(patho.entry?.codes[0]?.check.completions?.map((c) => c.code)).toContain('M84.40XA');
  });

  it('shows the manifestation code beside the etiology code', () => {
    const r = lookUpIndex(
      [index],
      {
        system: 'ICD-10-CM',
        table: 'index',
        term: 'Polyneuropathy',
        path: ['in', 'amyloidosis, familial'],
        dos: DOS,
      },
      tables,
    );
    expect(r.entry?.codes.map((c) => [c.display, c.manifestation ?? false])).toEqual([
      ['E85.1', false],
      ['G63', true],
    ]);
  });

  it('verifies on the date of service: no FY2027 release for 2026-10-01', () => {
    const r = lookUpIndex(
      [index],
      { system: 'ICD-10-CM', table: 'index', term: 'Asthma', dos: '2026-10-01' },
      tables,
    );
    expect(r.entry?.codes[0]?.check.problems[0]?.code).toBe('NO_RELEASE');
  });
});

describe('index book building', () => {
  it('nests terms by level, and a term that skips a level goes under the deepest open term', () => {
    const term = (level: number, title: string) => ({
      kind: 'index' as const,
      letter: 'X',
      level,
      title,
      nonessential: [],
      path: [],
    });
    const book = buildCmIndexBook(FY26, [
      term(0, 'Main'),
      term(1, 'a'),
      term(3, 'deep'),
      term(1, 'b'),
      term(0, 'Next'),
    ]);
    expect(book.mainTerms.map((m) => m.title)).toEqual(['Main', 'Next']);
    expect(book.mainTerms[0]!.children.map((c) => [c.title, c.children.map((d) => d.title)])).toEqual([
      ['a', ['deep']],
      ['b', []],
    ]);
  });
});
