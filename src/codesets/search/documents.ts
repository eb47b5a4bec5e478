/**
 * Pure: turn imported code tables and index terms into search documents. A code's own
 * description is one document; inclusion terms and Alphabetic Index / drug / neoplasm / external
 * cause terms are further documents pointing at the same code, so they act as synonyms.
 */
import type { IndexTerm } from '../icd10cm/alphabeticIndex.ts';
import type { TabularRecord } from '../icd10cm/tabular.ts';
import type { PcsIndexTerm } from '../icd10pcs/pcsIndex.ts';
import { dottedCm } from '../icd10cm/code.ts';
import type { CodeSystem } from '../release/release.ts';
import type { CmTable } from '../tables/cmTable.ts';
import type { PcsCodeTable } from '../tables/pcsTable.ts';
import type { HcpcsTable } from '../tables/hcpcsTable.ts';

export type SearchVia = 'description' | 'inclusion term' | 'index term';

export interface SearchDoc {
  system: CodeSystem;
  /** code without the dot, used for code-prefix search */
  code: string;
  /** code as a coder writes it (J45.909) */
  display: string;
  /** the title shown in results */
  title: string;
  /** the text searched (title plus any abbreviations / index path) */
  text: string;
  billable: boolean;
  via: SearchVia;
}

export function* cmDocuments(table: CmTable): Generator<SearchDoc> {
  for (const e of table.codes.values()) {
    yield {
      system: 'ICD-10-CM',
      code: e.code,
      display: dottedCm(e.code),
      title: e.longDescription,
      text: `${e.longDescription} ${e.shortDescription}`,
      billable: e.billable,
      via: 'description',
    };
  }
}

export function* pcsDocuments(table: PcsCodeTable): Generator<SearchDoc> {
  for (const e of table.codes.values()) {
    yield {
      system: 'ICD-10-PCS',
      code: e.code,
      display: e.code,
      title: e.longDescription,
      text: `${e.longDescription} ${e.shortDescription}`,
      billable: e.billable,
      via: 'description',
    };
  }
}

export function* hcpcsDocuments(table: HcpcsTable, dos?: string): Generator<SearchDoc> {
  for (const r of [...table.procedures.values(), ...table.modifiers.values()]) {
    const active = r.terminationDate === undefined || (dos !== undefined && r.terminationDate >= dos);
    if (!active) continue;
    yield {
      system: 'HCPCS',
      code: r.code,
      display: r.code,
      title: r.longDescription,
      text: `${r.longDescription} ${r.shortDescription}`,
      billable: r.kind === 'procedure',
      via: 'description',
    };
  }
}

/** Index terms: one document per code a term (or table cell) points to. */
export function* indexTermDocuments(terms: Iterable<IndexTerm>, table?: CmTable): Generator<SearchDoc> {
  for (const t of terms) {
    const path = t.path.join(' ');
    const targets = [...(t.code ? [{ ...t.code, column: '' }] : []), ...(t.cells ?? [])];
    for (const c of targets) {
      const title = c.column ? `${t.path.join(', ')} — ${c.column}` : t.path.join(', ');
      yield {
        system: 'ICD-10-CM',
        code: c.code,
        display: dottedCm(c.code) + (c.partial ? '-' : ''),
        title,
        text: `${path} ${t.nonessential.join(' ')} ${c.column}`,
        billable: !c.partial && table?.codes.get(c.code)?.billable === true,
        via: 'index term',
      };
    }
  }
}

/** Tabular inclusion terms (when the tabular XML was imported). */
export function* inclusionTermDocuments(
  records: Iterable<TabularRecord>,
  table?: CmTable,
): Generator<SearchDoc> {
  for (const r of records) {
    if (r.kind !== 'diag') continue;
    for (const term of r.notes.inclusionTerm ?? []) {
      yield {
        system: 'ICD-10-CM',
        code: r.code,
        display: dottedCm(r.code),
        title: term,
        text: term,
        billable: table?.codes.get(r.code)?.billable === true,
        via: 'inclusion term',
      };
    }
  }
}

/**
 * ICD-10-PCS Index terms: a full code, a code prefix to finish in the tables, or a table. The
 * index on file is FY2025, so a code counts as billable only when the current table has it.
 */
export function* pcsIndexDocuments(
  terms: Iterable<PcsIndexTerm>,
  table?: PcsCodeTable,
): Generator<SearchDoc> {
  for (const t of terms) {
    const target = t.code ?? t.codePrefix ?? t.seeTable;
    if (!target) continue;
    const title = [...t.path, ...(t.see ? [`see ${t.see}`] : [])].join(', ');
    yield {
      system: 'ICD-10-PCS',
      code: target,
      display: target,
      title,
      text: `${t.path.join(' ')} ${t.see ?? ''} ${t.use ?? ''}`,
      billable: table?.codes.get(target)?.billable === true,
      via: 'index term',
    };
  }
}

/** Plain code lists (POS, CARC, group codes, type of bill, NUCC taxonomy) as search documents. */
export function* conceptDocuments(
  system: CodeSystem,
  concepts: Iterable<{ code: string; display: string }>,
): Generator<SearchDoc> {
  for (const c of concepts) {
    yield {
      system,
      code: c.code,
      display: c.code,
      title: c.display,
      text: c.display,
      billable: true,
      via: 'description',
    };
  }
}
