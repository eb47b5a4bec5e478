/**
 * FHIR Shorthand CodeSystem files (CMS Beneficiary FHIR Data copies of Place of Service, CARC,
 * claim adjustment group and type-of-bill codes). Concepts are lines of the form
 *   * #<code> "<display>"
 * after the CodeSystem/Title/Id header. Other lines (* ^url, comments) are skipped.
 */
import { fileError } from '../problems.ts';
import { displayName, readLines } from '../read/lines.ts';

export interface CodeSystemConcept {
  code: string;
  display: string;
}

export interface CodeSystemHeader {
  id: string;
  title: string;
}

const CONCEPT = /^\* #(\S+) "((?:[^"\\]|\\.)*)"\s*$/;

/** Yields the concepts; the header (CodeSystem id and title) is checked before the first one. */
export async function* importFshCodeSystem(file: string): AsyncGenerator<CodeSystemConcept> {
  const name = displayName(file);
  const header: Partial<CodeSystemHeader> = {};
  let count = 0;
  let last = 0;
  for await (const l of readLines(file)) {
    last = l.line;
    const t = l.text.trim();
    const h = /^(CodeSystem|Id|Title):\s*"?([^"]*)"?$/.exec(t);
    if (h) {
      if (h[1] === 'Id') header.id = h[2];
      if (h[1] === 'Title') header.title = h[2];
      continue;
    }
    if (!t.startsWith('* #')) continue;
    const m = CONCEPT.exec(t);
    if (!m) {
      const why = l.terminated
        ? 'concept line is not * #code "display"'
        : 'the last concept line is cut short';
      throw fileError(
        l.terminated ? 'RECORD_MALFORMED' : 'FILE_TRUNCATED',
        { file: name, line: l.line },
        why,
      );
    }
    if (!header.id)
      throw fileError(
        'RECORD_MALFORMED',
        { file: name, line: l.line },
        'concept before the CodeSystem Id header',
      );
    count++;
    yield { code: m[1] as string, display: (m[2] as string).replace(/\\(.)/g, '$1') };
  }
  if (count === 0)
    throw fileError(
      'FILE_TRUNCATED',
      { file: name, line: last },
      'no concepts: the file is empty or cut short',
    );
}
