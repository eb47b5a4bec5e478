/**
 * Medically Unlikely Edit (MUE) files, practitioner services, facility outpatient hospital
 * services and DME supplier services, as CMS publishes them quarterly: tab-delimited .txt, one
 * code per row: HCPCS/CPT Code | <Setting> Services MUE Values | MUE Adjudication Indicator
 * ("1 Line Edit", "2 Date of Service Edit: Policy", "3 Date of Service Edit: Clinical") |
 * MUE Rationale. The files carry no dates: a file applies from the first day of its quarter,
 * which the caller passes in. See README.md for the source of the layout.
 */
import { isProcedureCode, quarterStart } from './codes.ts';
import { importTabFile, rowFault } from './read/tabFile.ts';
import type { ImportBatch, ImportOptions, RowFault, TabLayout } from './read/tabFile.ts';
import type { Source } from './read/lines.ts';

export type MueSetting = 'practitioner' | 'outpatient' | 'dme';
/** 1 line edit; 2 date of service edit, policy (absolute); 3 date of service edit, clinical */
export type MueAdjudicationIndicator = 1 | 2 | 3;

export interface MueRecord {
  code: string;
  /** maximum units of service per line (MAI 1) or per date of service (MAI 2 and 3) */
  mueValue: number;
  adjudicationIndicator: MueAdjudicationIndicator;
  rationale: string;
}

export const MUE_FIELDS = [
  'HCPCS/CPT Code',
  'MUE Value',
  'MUE Adjudication Indicator',
  'MUE Rationale',
] as const;

const MAI_LABELS: Record<MueAdjudicationIndicator, string> = {
  1: 'line edit',
  2: 'date of service edit: policy',
  3: 'date of service edit: clinical',
};

/** The words each setting's header uses in the MUE Values column. */
const SETTING_WORDS: Record<MueSetting, RegExp> = {
  practitioner: /practitioner/,
  outpatient: /outpatient|facility/,
  dme: /dme|supplier/,
};

/** Pure: "2 Date of Service Edit: Policy" to 2, or undefined when it is not one of the three. */
export function parseAdjudicationIndicator(text: string): MueAdjudicationIndicator | undefined {
  const m = /^([123])(?:\s+(.*))?$/.exec(text.trim());
  if (!m) return undefined;
  const mai = Number(m[1]) as MueAdjudicationIndicator;
  const label = (m[2] ?? '').replace(/\s+/g, ' ').toLowerCase();
  return label === '' || label === MAI_LABELS[mai] ? mai : undefined;
}

/** Pure: one row's cells to an MUE, or the column at fault and why. */
export function parseMueRow(cells: readonly string[]): MueRecord | RowFault {
  if (cells.length < 3) {
    return rowFault(
      cells.length + 1,
      `the row has ${cells.length} field(s), the layout has ${MUE_FIELDS.length}: "${MUE_FIELDS[cells.length]}" is missing`,
    );
  }
  if (cells.length > MUE_FIELDS.length) {
    return rowFault(
      MUE_FIELDS.length + 1,
      `the row has ${cells.length} fields, the layout has ${MUE_FIELDS.length}`,
    );
  }
  const [code, value, mai, rationale = ''] = cells.map((c) => c.trim()) as [string, string, string, string?];
  if (!isProcedureCode(code)) return rowFault(1, `"${code}" is not a HCPCS/CPT code`);
  if (!/^\d{1,7}$/.test(value)) return rowFault(2, `MUE value "${value}" is not a whole number of units`);
  const indicator = parseAdjudicationIndicator(mai);
  if (indicator === undefined) {
    return rowFault(
      3,
      `MUE adjudication indicator "${mai}" is not "1 Line Edit", "2 Date of Service Edit: Policy" or "3 Date of Service Edit: Clinical"`,
    );
  }
  return { code, mueValue: Number(value), adjudicationIndicator: indicator, rationale };
}

export function mueLayout(setting: MueSetting): TabLayout<MueRecord> {
  return {
    title: 'MUE file',
    fields: MUE_FIELDS,
    isHeaderRow: (cells) => /^hcpcs\/cpt code$|^hcpcs$/.test(cells[0] ?? ''),
    checkHeader: (cells) => {
      const values = cells[1] ?? '';
      if (!/mue value/.test(values))
        return `the header's second column is "${values}", expected "… MUE Values"`;
      const named = (Object.keys(SETTING_WORDS) as MueSetting[]).find((s) => SETTING_WORDS[s].test(values));
      if (named !== undefined && named !== setting) {
        return `the header "${values}" is the ${named} MUE file, but it was loaded as the ${setting} file`;
      }
      return undefined;
    },
    parseRow: parseMueRow,
  };
}

export interface MueImportOptions extends ImportOptions {
  setting: MueSetting;
}

/** Streams the MUEs of a file (path or Readable, plain or gzip) with the problems found. */
export function importMues(
  source: Source,
  options: MueImportOptions,
): AsyncGenerator<ImportBatch<MueRecord>> {
  return importTabFile(source, mueLayout(options.setting), options);
}

/** The first day a quarter's file applies; throws on a quarter that is not "YYYYQn" (a programmer error). */
export function mueQuarterStart(quarter: string): string {
  const start = quarterStart(quarter);
  if (start === undefined) throw new Error(`quarter "${quarter}" is not of the form 2026Q4`);
  return start;
}
