/**
 * ICD-10-PCS tables XML (icd10pcs_tables_YYYY.xml, root ICD10PCS.tabular): each pcsTable fixes
 * axes 1-3 (section, body system, root operation) and holds pcsRow elements, each listing the
 * valid values of axes 4-7. A 7-character code is valid only when one row of its table allows
 * all four of its last characters together.
 */
import type { XmlEvent } from '../read/xml.ts';
import { readXmlEvents, schemaError } from '../read/xml.ts';
import { fileError } from '../problems.ts';
import { displayName } from '../read/lines.ts';

export interface PcsAxisValue {
  code: string;
  label: string;
}

export interface PcsAxis {
  pos: number;
  title: string;
  values: PcsAxisValue[];
  definition?: string;
}

export interface PcsRow {
  /** axes 4-7 in order */
  axes: PcsAxis[];
  /** the count stated by the file (pcsRow/@codes) */
  statedCodes: number;
}

export interface PcsTable {
  /** the first three characters (section, body system, operation), e.g. "001" */
  prefix: string;
  /** axes 1-3, each with one value */
  header: PcsAxis[];
  rows: PcsRow[];
}

export async function* importPcsTables(file: string): AsyncGenerator<PcsTable> {
  const name = displayName(file);
  let table: PcsTable | undefined;
  let row: PcsRow | undefined;
  let axis: PcsAxis | undefined;
  let text = '';
  let label: string | undefined;
  let tables = 0;
  let root = false;
  const onEvent = (e: XmlEvent): PcsTable | undefined => {
    if (e.kind === 'text') {
      text += e.text;
      return undefined;
    }
    if (e.kind === 'open') {
      text = '';
      if (e.name === 'ICD10PCS.tabular') root = true;
      else if (e.name === 'pcsTable') table = { prefix: '', header: [], rows: [] };
      else if (e.name === 'pcsRow') {
        if (!table) throw schemaError(file, e.line, e.column, 'pcsRow outside pcsTable');
        row = { axes: [], statedCodes: Number(e.attrs.codes ?? 0) };
      } else if (e.name === 'axis') {
        const pos = Number(e.attrs.pos);
        if (!(pos >= 1 && pos <= 7))
          throw schemaError(file, e.line, e.column, `axis pos "${e.attrs.pos}" is not 1-7`);
        axis = { pos, title: '', values: [] };
      } else if (e.name === 'label') {
        label = e.attrs.code;
        if (!label || !/^[0-9A-Z]$/.test(label))
          throw schemaError(file, e.line, e.column, `label code "${label}" is not one PCS character`);
      }
      return undefined;
    }
    const value = text.trim();
    switch (e.name) {
      case 'title':
        if (axis) axis.title = value;
        break;
      case 'definition':
        if (axis) axis.definition = value;
        break;
      case 'label':
        if (axis && label) axis.values.push({ code: label, label: value });
        label = undefined;
        break;
      case 'axis':
        if (!axis || !table) break;
        if (axis.values.length === 0)
          throw schemaError(file, e.line, e.column, `axis ${axis.pos} has no label`);
        if (row) row.axes.push(axis);
        else table.header.push(axis);
        axis = undefined;
        break;
      case 'pcsRow':
        if (row && table) {
          if (row.axes.map((a) => a.pos).join() !== '4,5,6,7')
            throw schemaError(file, e.line, e.column, 'pcsRow must hold axes 4, 5, 6 and 7');
          table.rows.push(row);
        }
        row = undefined;
        break;
      case 'pcsTable': {
        const t = table;
        table = undefined;
        if (!t || t.header.map((a) => a.pos).join() !== '1,2,3')
          throw schemaError(file, e.line, e.column, 'pcsTable must start with axes 1, 2 and 3');
        t.prefix = t.header.map((a) => a.values[0]?.code ?? '').join('');
        tables++;
        return t;
      }
    }
    text = '';
    return undefined;
  };
  for await (const batch of readXmlEvents(file)) {
    for (const e of batch) {
      const t = onEvent(e);
      if (t) yield t;
    }
  }
  if (!root || tables === 0)
    throw fileError('XML_UNEXPECTED', { file: name }, 'no ICD10PCS.tabular root with pcsTable elements');
}

/** Pure: every code a table allows, in row order. */
export function* expandPcsTable(table: PcsTable): Generator<string> {
  for (const row of table.rows) {
    const [a4, a5, a6, a7] = row.axes;
    if (!a4 || !a5 || !a6 || !a7) continue;
    for (const v4 of a4.values)
      for (const v5 of a5.values)
        for (const v6 of a6.values)
          for (const v7 of a7.values) yield table.prefix + v4.code + v5.code + v6.code + v7.code;
  }
}
