/**
 * `cleanclaim coding suggest FILE`: the suggester on a note (text or PDF), with no database: the ICD-10-CM
 * release in force on the date of service is read from the code-set folder (as bench:coding does),
 * and each suggestion is printed with the note's words that support it (line numbers) and why.
 */
import { readFile } from 'node:fs/promises';
import {
  defaultCodesetDir,
  detectReleases,
  dottedCm,
  loadCodeTables,
  selectRelease,
} from '../codesets/index.ts';
import { buildPhraseIndex, suggestCodes } from '../coding/suggest/index.ts';
import type { Evidence, SuggestInput, SuggestResult } from '../coding/suggest/index.ts';
import type { CommandResult } from '../x12/cli.ts';

export interface SuggestFileOptions extends Omit<SuggestInput, 'text'> {
  json?: boolean;
  /** The folder the ICD-10-CM order files are read from. */
  codesets?: string;
}

export async function suggestFileCommand(file: string, options: SuggestFileOptions): Promise<CommandResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    return { output: `cannot read ${file}: ${(e as Error).message}`, exitCode: 2 };
  }
  const text = await noteText(bytes);
  if (text === undefined)
    return { output: `${file} is neither a text note nor a PDF with text (a scan has none)`, exitCode: 2 };
  const { json, codesets: dir = defaultCodesetDir(), ...input } = options;
  const releases = await detectReleases(dir).catch(() => []);
  const ref = selectRelease(
    releases.filter((r) => r.release.system === 'ICD-10-CM'),
    input.dateOfService,
  );
  if (!ref)
    return {
      output: `no ICD-10-CM release in force on ${input.dateOfService} in ${dir} (--codesets DIR)`,
      exitCode: 1,
    };
  const [table] = (await loadCodeTables([ref])).icd10cm;
  if (!table) return { output: `the ICD-10-CM order file of ${dir} did not load`, exitCode: 1 };
  const result = suggestCodes(buildPhraseIndex(table), { ...input, text });
  const heading = `${file}: date of service ${input.dateOfService}, ICD-10-CM ${ref.release.version}`;
  return {
    output: json ? JSON.stringify(result, null, 2) : describeSuggestions(heading, text, result),
    exitCode: 0,
  };
}

/** A text file's text, or a PDF's text layer (as an uploaded PDF note is read); undefined when neither. */
async function noteText(bytes: Buffer): Promise<string | undefined> {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    const { pdfText } = await import('../charts/pdf-text.ts');
    return (await pdfText(bytes)) || undefined;
  }
  const text = bytes.toString('utf8');
  return text.includes('\u0000') ? undefined : text;
}

/** 1-based line of an offset in the note. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

const shown = (code: string, system = 'ICD-10-CM') => (system === 'ICD-10-CM' ? dottedCm(code) : code);
const cited = (text: string, evidence: Evidence[]) =>
  evidence.map((e) => `line ${lineOf(text, e.start)} "${e.text}"`).join(', ');

/** The suggestions as a coder reads them: code, title, the supporting words, why. */
export function describeSuggestions(heading: string, text: string, result: SuggestResult): string {
  const out = [heading];
  if (result.suggestions.length === 0) out.push('no suggestions');
  else out.push('suggested:');
  for (const s of result.suggestions) {
    out.push(`  ${shown(s.code, s.system).padEnd(8)} ${s.title}`);
    if (s.evidence.length) out.push(`           ${cited(text, s.evidence)}`);
    out.push(`           ${s.reason}`);
  }
  if (result.setAside.length) out.push('set aside:');
  for (const s of result.setAside)
    out.push(`  ${shown(s.code).padEnd(8)} ${s.title}: ${s.why}, ${cited(text, s.evidence)}`);
  return out.join('\n');
}
