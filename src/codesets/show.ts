/**
 * What `code show` answers: the code's system, description, billable or header, the tabular notes
 * that apply (inherited from category, section and chapter ranges), and its parents. Pure.
 */
import { dottedCm, normalizeCode } from './icd10cm/code.ts';
import {
  NOTE_KINDS,
  notesFor,
  seventhCharactersFor,
  type NoteKind,
  type SeventhCharacter,
} from './icd10cm/tabularNotes.ts';
import { selectRelease, type CodeSystem } from './release/release.ts';
import { parentOf, type CmTable } from './tables/cmTable.ts';
import type { CodeTables } from './tables/codeTables.ts';
import type { CodeCheck } from './validate/codeCheck.ts';
import { validateCode } from './validate/validateCode.ts';

export interface CodeView extends CodeCheck {
  display: string;
  notes: { kind: NoteKind; source: string; text: string }[] | 'tabular notes not imported';
  parents: { code: string; description: string }[];
  /** the 7th characters the tabular defines for the code's category (when the tabular is imported) */
  seventhCharacters?: SeventhCharacter[];
}

/** The systems a code could belong to by its shape, most likely first. */
export function candidateSystems(raw: string): CodeSystem[] {
  const code = raw.toUpperCase();
  if (code.includes('.')) return ['ICD-10-CM'];
  if (/^\d{4}[0-9FTU]$/.test(code)) return ['CPT'];
  if (/^[A-V]\d{4}$/.test(code)) return ['HCPCS', 'ICD-10-CM'];
  if (/^[0-9A-HJ-NP-Z]{7}$/.test(code))
    return /^[A-Z]/.test(code) ? ['ICD-10-CM', 'ICD-10-PCS'] : ['ICD-10-PCS'];
  if (/^[0-9A-Z]{2}$/.test(code)) return ['HCPCS'];
  return ['ICD-10-CM'];
}

export function showCode(raw: string, dos: string, tables: CodeTables, system?: CodeSystem): CodeView {
  const systems = system ? [system] : candidateSystems(raw);
  const checks = systems.map((s) => validateCode(s, raw, dos, tables));
  const check = checks.find((c) => c.valid || c.description) ?? checks[0]!;
  const cm = check.system === 'ICD-10-CM' ? selectRelease(tables.icd10cm, dos) : undefined;
  const seventh = cm?.tabular && seventhCharactersFor(cm.tabular, check.code);
  return {
    ...check,
    display: check.system === 'ICD-10-CM' ? dottedCm(check.code) : check.code,
    notes: cm ? cmNotes(cm, check.code) : [],
    parents: cm ? cmParents(cm, normalizeCode(raw)) : [],
    ...(seventh?.length ? { seventhCharacters: seventh } : {}),
  };
}

function cmNotes(table: CmTable, code: string): CodeView['notes'] {
  const tab = table.tabular;
  if (!tab) return 'tabular notes not imported';
  return NOTE_KINDS.flatMap((kind) => notesFor(tab, code, kind).map((n) => ({ kind, ...n })));
}

function cmParents(table: CmTable, code: string): CodeView['parents'] {
  const parents: CodeView['parents'] = [];
  for (let p = parentOf(table, code); p; p = parentOf(table, p.code))
    parents.push({ code: dottedCm(p.code), description: p.longDescription });
  return parents;
}
