/**
 * ICD-10-CM POA-exempt lists (CDC/NCHS POAexemptCodesFYyy.txt and its Add/Delete/Revise files,
 * see ReadMePOAexemptFYyy.txt): tab-delimited with a header row naming the fields Order26,
 * Action, POAexemptCode, Description. Descriptions holding commas are in double quotes.
 */
import { fileError } from '../problems.ts';
import { displayName, readLines } from '../read/lines.ts';

export interface PoaExemptRecord {
  /** order number in the fiscal year's order file, when the file has the column */
  orderNumber?: number;
  /** only in the Revise file */
  action?: 'revise-from' | 'revise-to';
  /** code without the dot */
  code: string;
  description: string;
}

function unquote(v: string): string {
  return v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1).replace(/""/g, '"') : v;
}

export async function* importPoaExempt(file: string): AsyncGenerator<PoaExemptRecord> {
  const name = displayName(file);
  let columns: string[] | undefined;
  let count = 0;
  for await (const l of readLines(file)) {
    const where = { file: name, line: l.line };
    if (!l.terminated)
      throw fileError('FILE_TRUNCATED', where, 'last line has no line break: the file was cut short');
    if (l.text.trim() === '') continue;
    const fields = l.text.split('\t');
    if (!columns) {
      columns = fields.map((f) => f.trim());
      if (!columns.includes('POAexemptCode') || !columns.includes('Description')) {
        throw fileError(
          'RECORD_MALFORMED',
          where,
          `header "${l.text.slice(0, 60)}" lacks the POAexemptCode and Description columns`,
        );
      }
      continue;
    }
    if (fields.length !== columns.length)
      throw fileError(
        'RECORD_MALFORMED',
        where,
        `${fields.length} tab-separated fields, the header has ${columns.length}`,
      );
    const get = (c: string) => fields[columns!.indexOf(c)]?.trim() ?? '';
    const code = get('POAexemptCode');
    if (!/^[A-Z][0-9A-Z][0-9A-Z](\.[0-9A-Z]{1,4})?$/.test(code))
      throw fileError('RECORD_MALFORMED', where, `"${code}" is not an ICD-10-CM code`);
    const rec: PoaExemptRecord = { code: code.replace('.', ''), description: unquote(get('Description')) };
    const order = columns.find((c) => /^Order\d+$/.test(c));
    if (order) {
      const n = get(order);
      if (!/^\d+$/.test(n)) throw fileError('RECORD_MALFORMED', where, `order number "${n}" is not a number`);
      rec.orderNumber = Number(n);
    }
    if (columns.includes('Action')) {
      const a = get('Action');
      if (a !== 'Revise from:' && a !== 'Revise to:')
        throw fileError('RECORD_MALFORMED', where, `action "${a}" is not "Revise from:" or "Revise to:"`);
      rec.action = a === 'Revise from:' ? 'revise-from' : 'revise-to';
    }
    count++;
    yield rec;
  }
  if (count === 0) throw fileError('FILE_TRUNCATED', { file: name, line: 1 }, 'the file holds no codes');
}
