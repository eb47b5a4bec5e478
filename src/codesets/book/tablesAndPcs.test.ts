import { beforeAll, describe, expect, it } from 'vitest';
import type { CodeTables } from '../tables/codeTables.ts';
import type { IndexBook } from './indexBook.ts';
import { lookUpIndex } from './lookUp.ts';
import { loadTestBooks } from './testing.ts';

const DOS = '2026-03-15';
let tables: CodeTables;
let index: IndexBook;
let drug: IndexBook;
let neoplasm: IndexBook;
let external: IndexBook;
let pcs: IndexBook;

beforeAll(async () => {
  ({ tables, index, drug, neoplasm, external, pcs } = await loadTestBooks());
}, 120_000);

describe('Table of Drugs and Chemicals, Neoplasm Table and External Cause index (FY2026 files)', () => {
  it('Acetaminophen, poisoning accidental: T39.1X1- needs its 7th character A, D or S', () => {
    const r = lookUpIndex(
      [drug],
      { system: 'ICD-10-CM', table: 'drug', term: 'Acetaminophen', dos: DOS, column: 'accidental' },
      tables,
    );
    expect(r.entry?.codes).toHaveLength(1);
    const code = r.entry!.codes[0]!;
    expect(code).toMatchObject({
      column: 'Poisoning Accidental (unintentional)',
      display: 'T39.1X1-',
      needsCompletion: true,
    });
    expect(code.check.problems[0]?.code).toBe('CODE_NEEDS_7TH');
    expect(code.check.problems[0]?.message).toMatch(/A initial encounter; D subsequent encounter; S sequela/);
    expect(code.check.completions?.map((c) => c.code)).toEqual(['T39.1X1A', 'T39.1X1D', 'T39.1X1S']);
    expect(
      lookUpIndex([drug], { system: 'ICD-10-CM', table: 'drug', term: 'Acetaminophen', dos: DOS }, tables)
        .entry?.codes,
    ).toHaveLength(6);
  });

  it('a drug "see" leads to another substance in the table', () => {
    const from = drug.mainTerms.find((m) => m.see === 'Adrenaline')!;
    const r = lookUpIndex([drug], { system: 'ICD-10-CM', table: 'drug', term: from.title, dos: DOS }, tables);
    expect(r.entry?.see).toMatchObject({ table: 'drug', trail: ['Adrenaline'], unmatched: [] });
  });

  it('Neoplasm, abdomen, cavity gives one code per column; see also a site path inside the table', () => {
    const r = lookUpIndex(
      [neoplasm],
      { system: 'ICD-10-CM', table: 'neoplasm', term: 'Neoplasm', path: ['abdomen', 'cavity'], dos: DOS },
      tables,
    );
    expect(r.trail.map((t) => t.title)).toEqual(['Neoplasm, neoplastic', 'abdomen, abdominal', 'cavity']);
    expect(r.entry?.codes.find((c) => c.column === 'Malignant Primary')?.display).toBe('C76.2');
    expect(r.entry?.codes.find((c) => c.column === 'Malignant Secondary')).toMatchObject({
      display: 'C79.8-',
      partial: true,
    });
    const wall = lookUpIndex(
      [neoplasm],
      { system: 'ICD-10-CM', table: 'neoplasm', term: 'Neoplasm, abdomen, wall', dos: DOS },
      tables,
    );
    expect(wall.entry?.seeAlso).toMatchObject({
      trail: ['Neoplasm, neoplastic', 'abdomen, abdominal', 'wall', 'skin'],
    });
  });

  it('external cause: "see" across the index, and "see category" verified as a category', () => {
    const r = lookUpIndex(
      [external],
      { system: 'ICD-10-CM', table: 'external-cause', term: 'Accident', path: ['automobile'], dos: DOS },
      tables,
    );
    expect(r.entry?.see).toMatchObject({ trail: ['Accident', 'transport', 'car occupant'], unmatched: [] });
    const s = lookUpIndex(
      [external],
      { system: 'ICD-10-CM', table: 'external-cause', term: 'Strangulation', dos: DOS },
      tables,
    );
    expect(s.entry?.codes[0]).toMatchObject({ code: 'T71', seeCategory: true, needsCompletion: true });
  });

  it("a reference not in its own book is looked for in the release's other books", () => {
    const lump: IndexBook = {
      ...index,
      mainTerms: [
        {
          title: 'Lump',
          nonessential: [],
          codes: [],
          seeAlso: 'Neoplasm, abdomen, cavity',
          children: [],
        },
      ],
    };
    const r = lookUpIndex(
      [lump, drug, neoplasm],
      { system: 'ICD-10-CM', table: 'index', term: 'Lump', dos: DOS },
      tables,
    );
    expect(r.entry?.seeAlso).toMatchObject({
      table: 'neoplasm',
      trail: ['Neoplasm, neoplastic', 'abdomen, abdominal', 'cavity'],
      unmatched: [],
    });
  });
});

describe('ICD-10-PCS Index (FY2025 file) verified against the FY2026 tables', () => {
  it('Appendectomy: each "see" names a root operation and a table prefix to complete', () => {
    const r = lookUpIndex(
      [pcs],
      { system: 'ICD-10-PCS', table: 'index', term: 'Appendectomy', dos: DOS },
      tables,
    );
    expect(r.entry?.children.map((c) => [c.title, c.codes[0]?.display])).toEqual([
      ['see Excision, Appendix', '0DBJ-'],
      ['see Resection, Appendix', '0DTJ-'],
    ]);
  });

  it('Resection → Appendix gives 0DTJ-, completed from table 0DT', () => {
    const r = lookUpIndex(
      [pcs],
      { system: 'ICD-10-PCS', table: 'index', term: 'Resection', path: ['Appendix'], dos: DOS },
      tables,
    );
    const code = r.entry!.codes[0]!;
    expect(code).toMatchObject({ code: '0DTJ', partial: true, needsCompletion: true });
    expect(code.check.problems[0]?.code).toBe('CODE_PARTIAL');
    expect(code.check.completions?.map((c) => c.code)).toContain('0DTJ4ZZ');
    expect(code.check.description).toMatch(/^Table 0DT: /);
  });

  it('a full code from the index is validated against the table rows', () => {
    const r = lookUpIndex(
      [pcs],
      { system: 'ICD-10-PCS', table: 'index', term: 'Aquablation therapy, prostate', dos: DOS },
      tables,
    );
    expect(r.entry?.codes[0]).toMatchObject({
      display: '0V508ZZ',
      needsCompletion: false,
      check: { valid: true },
    });
    const ab = lookUpIndex(
      [pcs],
      { system: 'ICD-10-PCS', table: 'index', term: 'Abortion', path: ['Laminaria'], dos: DOS },
      tables,
    );
    expect(ab.entry?.codes[0]?.display).toBe('10A07ZW');
  });

  it('"use" entries name the body part or device value', () => {
    expect(
      lookUpIndex(
        [pcs],
        { system: 'ICD-10-PCS', table: 'index', term: 'Abdominal esophagus', dos: DOS },
        tables,
      ).entry?.use,
    ).toBe('Esophagus, Lower');
  });
});

describe('books imported for a release', () => {
  it('says which books there are when the one asked for is not imported (FY2026 Index to Diseases)', () => {
    const r = lookUpIndex(
      [drug, neoplasm, external],
      { system: 'ICD-10-CM', table: 'index', term: 'Asthma', dos: DOS },
      tables,
    );
    expect(r).toMatchObject({ status: 'not-imported', available: ['drug', 'neoplasm', 'external-cause'] });
  });
});
