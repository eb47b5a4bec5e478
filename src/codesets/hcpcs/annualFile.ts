/**
 * HCPCS Level II alpha-numeric file (HCPCyyyy_<QTR>_ANWEB_*.txt), 320-byte fixed-width records
 * per HCPCyyyy_recordlayout.txt (CMS RIF report). RECID 3/7 start a procedure/modifier record and
 * carry the detail fields in cols 92-293; RECID 4/8 continue its long description. Modifiers are
 * the records with cols 1-3 blank and the 2-character modifier in cols 4-5.
 */
import { fileError } from '../problems.ts';
import { displayName, readLineBatches } from '../read/lines.ts';

export interface HcpcsRecord {
  kind: 'procedure' | 'modifier';
  code: string;
  longDescription: string;
  shortDescription: string;
  /** Pricing indicator codes (cols 120-127, up to 4) */
  pricingIndicators: string[];
  multiplePricingIndicator: string;
  /** Coverage code (col 230): C carrier judgment, D special coverage, I not payable, M non-covered, S statutory non-coverage */
  coverageCode: string;
  betos: string;
  typeOfService: string[];
  crossReferenceCodes: string[];
  processingNote: string;
  /** ISO dates (YYYY-MM-DD) or undefined when blank */
  addedDate: string | undefined;
  actionEffectiveDate: string | undefined;
  terminationDate: string | undefined;
  /** Action code (col 293): A add, B/C/F/P/R changes, D discontinue, N no change, S/T */
  actionCode: string;
}

/** 1-based inclusive columns from the record layout. */
const col = (text: string, from: number, to: number) => text.slice(from - 1, to).trim();
const occurs = (text: string, from: number, width: number, times: number) =>
  Array.from({ length: times }, (_, i) => col(text, from + i * width, from + i * width + width - 1)).filter(
    (v) => v !== '',
  );

function isoDate(raw: string): string | undefined | null {
  if (raw === '') return undefined;
  if (!/^\d{8}$/.test(raw)) return null;
  return `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`;
}

/** Pure: the first line of a procedure or modifier record to a record, or a reason it is bad. */
export function parseHcpcsFirstLine(text: string): HcpcsRecord | string {
  if (text.length < 293)
    return `record is ${text.length} characters, the layout needs 293 through the action code`;
  const recid = text[10];
  const kind = recid === '3' ? 'procedure' : recid === '7' ? 'modifier' : undefined;
  if (!kind) return `record identification code (col 11) is "${recid}", expected 3 or 7 on a first line`;
  const code = kind === 'modifier' ? col(text, 4, 5) : col(text, 1, 5);
  if (
    kind === 'procedure' ? !/^[A-Z]\d{4}$/.test(code) : !/^[0-9A-Z]{2}$/.test(code) || col(text, 1, 3) !== ''
  ) {
    return `"${text.slice(0, 5)}" is not a HCPCS ${kind} code`;
  }
  const dates = [col(text, 269, 276), col(text, 277, 284), col(text, 285, 292)].map(isoDate);
  if (dates.includes(null)) return 'a date in cols 269-292 is not YYYYMMDD';
  return {
    kind,
    code,
    longDescription: col(text, 12, 91),
    shortDescription: col(text, 92, 119),
    pricingIndicators: occurs(text, 120, 2, 4),
    multiplePricingIndicator: col(text, 128, 128),
    coverageCode: col(text, 230, 230),
    betos: col(text, 257, 259),
    typeOfService: occurs(text, 261, 1, 5),
    crossReferenceCodes: occurs(text, 205, 5, 5),
    processingNote: col(text, 253, 256),
    addedDate: dates[0] ?? undefined,
    actionEffectiveDate: dates[1] ?? undefined,
    terminationDate: dates[2] ?? undefined,
    actionCode: col(text, 293, 293),
  };
}

export async function* importHcpcsFile(file: string): AsyncGenerator<HcpcsRecord> {
  const name = displayName(file);
  let current: HcpcsRecord | undefined;
  let count = 0;
  for await (const batch of readLineBatches(file)) {
    for (const l of batch) {
      if (l.text.trim() === '') continue;
      const where = { file: name, line: l.line };
      if (!l.terminated)
        throw fileError('FILE_TRUNCATED', where, 'last record has no line break: the file was cut short');
      const recid = l.text[10];
      if (recid === '4' || recid === '8') {
        const code = recid === '8' ? col(l.text, 4, 5) : col(l.text, 1, 5);
        if (!current || current.code !== code) {
          throw fileError(
            'RECORD_MALFORMED',
            where,
            `continuation line for ${code} does not follow its first line`,
          );
        }
        current.longDescription = `${current.longDescription} ${col(l.text, 12, 91)}`.trim();
        continue;
      }
      const r = parseHcpcsFirstLine(l.text);
      if (typeof r === 'string') throw fileError('RECORD_MALFORMED', where, r);
      if (current) yield current;
      current = r;
      count++;
    }
  }
  if (current) yield current;
  if (count === 0) throw fileError('FILE_TRUNCATED', { file: name, line: 1 }, 'the file holds no records');
}
