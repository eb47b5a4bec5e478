/**
 * `cleanclaim code index TERM [SUBTERM...]`: the alphabetic index at the terminal, read the way
 * the book is: main term, subterms, the code with its verification, where "see" leads.
 */
import type { Command } from 'commander';
import { INDEX_TABLES, INDEX_TABLE_TITLES, type IndexTable } from '../codesets/book/indexBook.ts';
import type { CrossReference, IndexChild, IndexLookup, TermLabel } from '../codesets/book/lookUp.ts';
import type { VerifiedCode } from '../codesets/book/verifyCode.ts';
import { todayIso } from '../shared/dates.ts';

interface Options {
  dos: string;
  table: IndexTable;
  system: string;
  column?: string;
  json?: boolean;
}

const labelText = (t: TermLabel) => [t.title, ...t.nonessential].join(' ');

function bookTitle(r: IndexLookup): string {
  const book = r.system === 'ICD-10-PCS' ? 'ICD-10-PCS Index' : INDEX_TABLE_TITLES[r.table];
  return `${book}${r.release ? `, ${r.system} ${r.release}` : ''}`;
}

function codeLines(c: VerifiedCode): string[] {
  const where = [
    c.column,
    c.manifestation && 'manifestation: code it second',
    c.seeCategory && 'see category',
  ]
    .filter(Boolean)
    .join(', ');
  const verdict = c.check.valid
    ? `valid${c.check.billable ? ', billable' : ''}: ${c.check.description ?? ''}`
    : c.check.problems.map((p) => p.message).join('; ');
  const lines = [`  ${c.display.padEnd(9)} ${where ? `[${where}] ` : ''}${verdict}`];
  const completions = c.check.completions ?? [];
  if (completions.length) {
    const more =
      (c.check.completionCount ?? 0) > completions.length ? ` … (${c.check.completionCount} in all)` : '';
    lines.push(`            complete with: ${completions.map((x) => x.code).join(', ')}${more}`);
  }
  return lines;
}

function referenceLine(kind: string, ref: CrossReference): string {
  const found = ref.trail.length ? ` → ${ref.table ?? ''}: ${ref.trail.join(' › ')}` : '';
  const rest = ref.unmatched.length ? ` (not an index term: ${ref.unmatched.join(', ')})` : '';
  return `  ${kind} ${ref.text}${found}${rest}`;
}

function childLines(children: readonly IndexChild[]): string[] {
  return children.map((c) => {
    const codes = c.codes.map((x) => (x.column ? `${x.column}: ${x.display}` : x.display)).join(', ');
    const see = c.see ? ` — see ${c.see}` : c.seeAlso ? ` — see also ${c.seeAlso}` : '';
    const more = c.childCount ? ` (${c.childCount} subterms)` : '';
    return `  - ${labelText(c)}${codes ? `  ${codes}` : ''}${see}${more}`;
  });
}

/** The look-up as a coder reads it in the book. */
export function describeIndexLookup(r: IndexLookup, dos: string): string {
  const lines = [`${bookTitle(r)} (date of service ${dos})`];
  if (r.status === 'no-release') return `${lines[0]}\nno ${r.system} release imported covers ${dos}`;
  if (r.status === 'not-imported')
    return `${lines[0]}\nthe ${INDEX_TABLE_TITLES[r.table]} is not imported for this release; imported: ${r.available.join(', ') || 'none'}`;
  if (r.status !== 'found') {
    lines.push(r.mainTerms.length ? 'main terms starting with it:' : 'no main term starts with it');
    return [...lines, ...r.mainTerms.map((m) => `  ${labelText(m)}`)].join('\n');
  }
  lines.push(r.trail.map(labelText).join(' › '));
  if (r.unmatched.length) lines.push(`not found beneath it: ${r.unmatched.join(' › ')}`);
  if (r.mainTerms.length) lines.push(`also main terms: ${r.mainTerms.map((m) => m.title).join('; ')}`);
  const e = r.entry!;
  lines.push(...e.codes.flatMap(codeLines));
  if (e.see) lines.push(referenceLine('see', e.see));
  if (e.seeAlso) lines.push(referenceLine('see also', e.seeAlso));
  if (e.use) lines.push(`  use ${e.use}`);
  if (e.children.length) lines.push('subterms:', ...childLines(e.children));
  return lines.join('\n');
}

export function registerCodeIndexCommand(code: Command): void {
  code
    .command('index <term> [subterms...]')
    .description(
      'look a main term and its subterms up in the alphabetic index; codes are verified on the date of service',
    )
    .option('--dos <date>', 'date of service (YYYY-MM-DD)', todayIso())
    .option('--table <table>', `ICD-10-CM book: ${INDEX_TABLES.join(', ')}`, 'index')
    .option('--system <system>', 'icd10cm or icd10pcs', 'icd10cm')
    .option('--column <text>', 'drug and neoplasm tables: only columns whose heading contains the text')
    .option('--json', 'print JSON')
    .action(async (term: string, subterms: string[], opts: Options) => {
      if (!INDEX_TABLES.includes(opts.table))
        throw new Error(`--table must be one of ${INDEX_TABLES.join(', ')}`);
      const system = /pcs/i.test(opts.system) ? 'ICD-10-PCS' : 'ICD-10-CM';
      const { withTables } = await import('./database.ts');
      await withTables(async (catalog) => {
        const r = await catalog.lookUpIndex({
          system,
          table: system === 'ICD-10-PCS' ? 'index' : opts.table,
          term,
          path: subterms,
          dos: opts.dos,
          ...(opts.column ? { column: opts.column } : {}),
        });
        console.log(opts.json ? JSON.stringify(r, null, 2) : describeIndexLookup(r!, opts.dos));
        if (r?.status !== 'found') process.exitCode = 1;
      });
    });
}
