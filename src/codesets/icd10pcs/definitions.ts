/**
 * ICD-10-PCS definitions XML (icd10pcs_definitions_YYYY.xml, root ICD10PCS.definitions):
 * per section and axis, the terms (root operations, approaches, body-part keys, devices...) with
 * their definition, explanation and "includes" examples. The deviceAggregation tail is skipped.
 */
import { readXmlEvents, schemaError } from '../read/xml.ts';
import { fileError } from '../problems.ts';
import { displayName } from '../read/lines.ts';

export interface PcsDefinition {
  /** section character, e.g. "0" */
  section: string;
  sectionTitle: string;
  /** axis position (character 1-7) */
  axis: number;
  axisTitle: string;
  term: string;
  definition?: string;
  explanation?: string;
  includes: string[];
}

export async function* importPcsDefinitions(file: string): AsyncGenerator<PcsDefinition> {
  const name = displayName(file);
  let section = '';
  let sectionTitle = '';
  let axis = 0;
  let axisTitle = '';
  let term: PcsDefinition | undefined;
  let depth: 'section' | 'axis' | 'terms' | undefined;
  let text = '';
  let root = false;
  let count = 0;
  const ready: PcsDefinition[] = [];
  for await (const batch of readXmlEvents(file)) {
    for (const e of batch) {
      if (e.kind === 'text') {
        text += e.text;
        continue;
      }
      if (e.kind === 'open') {
        text = '';
        if (e.name === 'ICD10PCS.definitions') root = true;
        else if (e.name === 'section') [section, depth] = [e.attrs.code ?? '', 'section'];
        else if (e.name === 'axis') {
          axis = Number(e.attrs.pos);
          depth = 'axis';
          if (!(axis >= 1 && axis <= 7))
            throw schemaError(file, e.line, e.column, `axis pos "${e.attrs.pos}" is not 1-7`);
        } else if (e.name === 'terms') {
          if (!section || !axis) throw schemaError(file, e.line, e.column, 'terms outside a section axis');
          term = { section, sectionTitle, axis, axisTitle, term: '', includes: [] };
          depth = 'terms';
        }
        continue;
      }
      const value = text.replace(/\s+/g, ' ').trim();
      text = '';
      if (e.name === 'title') {
        if (depth === 'section') sectionTitle = value;
        else if (depth === 'axis') axisTitle = value;
        else if (depth === 'terms' && term) term.term = value;
      } else if (e.name === 'definition' && term) term.definition = value;
      else if (e.name === 'explanation' && term) term.explanation = value;
      else if (e.name === 'includes' && term) term.includes.push(value);
      else if (e.name === 'terms' && term) {
        ready.push(term);
        count++;
        term = undefined;
        depth = 'axis';
      } else if (e.name === 'axis') depth = 'section';
      else if (e.name === 'section') [section, axis, depth] = ['', 0, undefined];
    }
    yield* ready;
    ready.length = 0;
  }
  if (!root || count === 0)
    throw fileError('XML_UNEXPECTED', { file: name }, 'no ICD10PCS.definitions root with terms');
}
