/**
 * NCCI procedure-to-procedure (PTP) edit files, practitioner (ccipra-…) and outpatient hospital
 * (ccioph-…), as CMS publishes them quarterly: ZIPs of tab-delimited .txt, one edit per row:
 * Column 1 | Column 2 | * = in existence prior to 1996 | Effective Date (YYYYMMDD) |
 * Deletion Date (YYYYMMDD, or "*" = no data) | Modifier (0 not allowed, 1 allowed,
 * 9 not applicable) | PTP Edit Rationale. See README.md for the source of the layout.
 */
import { dateNumber, isProcedureCode, isoFromNumber } from './codes.ts';
import { importTabFile, rowFault } from './read/tabFile.ts';
import type { ImportBatch, ImportOptions, RowFault, TabLayout } from './read/tabFile.ts';
import type { Source } from './read/lines.ts';

export type ModifierIndicator = 0 | 1 | 9;

export interface PtpEdit {
  /** the comprehensive code: payable when both are billed */
  column1: string;
  /** the component code: denied with column 1 unless a modifier may bypass the edit */
  column2: string;
  inExistencePriorTo1996: boolean;
  /** ISO date the edit starts applying */
  effectiveDate: string;
  /** ISO date from which the edit no longer applies; undefined when the file says "*" */
  deletionDate: string | undefined;
  modifierIndicator: ModifierIndicator;
  rationale: string;
}

export const PTP_FIELDS = [
  'Column 1',
  'Column 2',
  '* = in existence prior to 1996',
  'Effective Date',
  'Deletion Date',
  'Modifier Indicator',
  'PTP Edit Rationale',
] as const;

/** Pure: one row's cells (tab-separated) to an edit, or the column at fault and why. */
export function parsePtpRow(cells: readonly string[]): PtpEdit | RowFault {
  if (cells.length < PTP_FIELDS.length) {
    return rowFault(
      cells.length + 1,
      `the row has ${cells.length} field(s), the layout has ${PTP_FIELDS.length}: "${PTP_FIELDS[cells.length]}" is missing`,
    );
  }
  if (cells.length > PTP_FIELDS.length) {
    return rowFault(
      PTP_FIELDS.length + 1,
      `the row has ${cells.length} fields, the layout has ${PTP_FIELDS.length}`,
    );
  }
  const [c1, c2, prior, eff, del, mod, rationale] = cells.map((c) => c.trim()) as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (!isProcedureCode(c1)) return rowFault(1, `column 1 code "${c1}" is not a HCPCS/CPT code`);
  if (!isProcedureCode(c2)) return rowFault(2, `column 2 code "${c2}" is not a HCPCS/CPT code`);
  if (prior !== '' && prior !== '*') return rowFault(3, `"${prior}" is neither "*" nor blank`);
  const effective = dateNumber(eff);
  if (effective < 0 || eff.length !== 8) return rowFault(4, `effective date "${eff}" is not a YYYYMMDD date`);
  let deletion: number | undefined;
  if (del !== '*') {
    deletion = del.length === 8 ? dateNumber(del) : -1;
    if (deletion < 0)
      return rowFault(5, `deletion date "${del}" is neither a YYYYMMDD date nor "*" (no data)`);
    if (deletion < effective) return rowFault(5, `deletion date ${del} is before the effective date ${eff}`);
  }
  if (mod !== '0' && mod !== '1' && mod !== '9') {
    return rowFault(
      6,
      `modifier indicator "${mod}" is not 0 (not allowed), 1 (allowed) or 9 (not applicable)`,
    );
  }
  return {
    column1: c1,
    column2: c2,
    inExistencePriorTo1996: prior === '*',
    effectiveDate: isoFromNumber(effective),
    deletionDate: deletion === undefined ? undefined : isoFromNumber(deletion),
    modifierIndicator: Number(mod) as ModifierIndicator,
    rationale,
  };
}

export const PTP_LAYOUT: TabLayout<PtpEdit> = {
  title: 'NCCI PTP edit file',
  fields: PTP_FIELDS,
  isHeaderRow: (cells) => /^column ?1$/.test(cells[0] ?? ''),
  checkHeader: (cells) => {
    if (!/^column ?2$/.test(cells[1] ?? ''))
      return `the header's second column is "${cells[1] ?? ''}", expected "Column 2"`;
    if (cells.length !== PTP_FIELDS.length) {
      return `the header has ${cells.length} columns, the PTP layout has ${PTP_FIELDS.length} (${PTP_FIELDS.join(', ')})`;
    }
    return undefined;
  },
  parseRow: parsePtpRow,
};

/** Streams the edits of a PTP file (path or Readable, plain or gzip) with the problems found. */
export function importPtpEdits(
  source: Source,
  options: ImportOptions = {},
): AsyncGenerator<ImportBatch<PtpEdit>> {
  return importTabFile(source, PTP_LAYOUT, options);
}
