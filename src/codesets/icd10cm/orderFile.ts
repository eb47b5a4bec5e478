/**
 * ICD-10-CM and ICD-10-PCS order files (CMS icd10OrderFiles.pdf / icd10pcsOrderFile.pdf):
 * fixed width: order number cols 1-5, blank, code cols 7-13 (left-justified, no dot), blank,
 * header/billable flag col 15 ("0" header, "1" valid for HIPAA transactions), blank,
 * short description cols 17-76, blank, long description from col 78.
 * The order file is the authority for which codes exist and which are billable.
 */
import { CodesetFileError, fileError, problem } from '../problems.ts';
import type { CodesetProblem } from '../problems.ts';
import { displayName, readLineBatches } from '../read/lines.ts';

export interface OrderFileRecord {
  orderNumber: number;
  /** code without the dot, as in the file (A000, 0016070) */
  code: string;
  billable: boolean;
  shortDescription: string;
  longDescription: string;
}

const ORDER_NUMBER = /^\d{5}$/;
const CODE = /^[0-9A-Z]{3,7}$/;

/** Pure: one order-file line to a record or a problem. */
export function parseOrderLine(text: string, file: string, line: number): OrderFileRecord | CodesetProblem {
  const orderNumber = text.slice(0, 5);
  const code = text.slice(6, 13).trimEnd();
  const flag = text[14];
  const bad = (why: string) => problem('RECORD_MALFORMED', { file, line }, `${why}: "${text.slice(0, 40)}"`);
  if (!ORDER_NUMBER.test(orderNumber) || text[5] !== ' ') return bad('columns 1-5 are not an order number');
  if (!CODE.test(code) || text[13] !== ' ') return bad('columns 7-13 are not a code');
  if ((flag !== '0' && flag !== '1') || text[15] !== ' ')
    return bad('column 15 is not the header/billable flag 0 or 1');
  if (text.length < 78 || text[76] !== ' ')
    return bad('the record is shorter than the fixed layout (short title 60 chars, then long title)');
  return {
    orderNumber: Number(orderNumber),
    code,
    billable: flag === '1',
    shortDescription: text.slice(16, 76).trimEnd(),
    longDescription: text.slice(77).trimEnd(),
  };
}

export async function* importOrderFile(file: string): AsyncGenerator<OrderFileRecord> {
  const name = displayName(file);
  let last = 0;
  for await (const batch of readLineBatches(file)) {
    for (const l of batch) {
      if (l.text.length === 0 && l.terminated) continue;
      if (!l.terminated)
        throw fileError(
          'FILE_TRUNCATED',
          { file: name, line: l.line },
          'last record has no line break: the file was cut short',
        );
      const r = parseOrderLine(l.text, name, l.line);
      if ('message' in r) throw new CodesetFileError(r);
      // order numbers are consecutive; a gap means lines were lost
      if (r.orderNumber !== last + 1) {
        throw fileError(
          'RECORD_MALFORMED',
          { file: name, line: l.line },
          `order number ${r.orderNumber} follows ${last}: records are missing or out of order`,
        );
      }
      last = r.orderNumber;
      yield r;
    }
  }
  if (last === 0) throw fileError('FILE_TRUNCATED', { file: name, line: 1 }, 'the file holds no records');
}
