/**
 * Print positions of the 1500 Health Insurance Claim Form (02/12) as data.
 *
 * The red form is laid out on a pica grid: 10 characters per inch across and 6 lines per inch
 * down, so every field has a line (1-66) and a column (1-85). The line/column of each field
 * below follows the 02/12 print grid as used by OpenEMR's `src/Billing/Hcfa1500.php`
 * (genHcfa1500Page / processDiagnoses0212, the text it sends to a pre-printed form), with
 * OpenEMR's default print margins (left 24 pt, top 20 pt, `cms_left_margin_default` /
 * `cms_top_margin_default`). Field meanings follow the NUCC 1500 Claim Form Reference
 * Instruction Manual for form version 02/12. Printers differ: callers can shift the whole grid
 * with the render options (offsetX/offsetY) rather than editing this table.
 */

/** Points per pica column (10 cpi) and per line (6 lpi). */
export const COLUMN_WIDTH = 7.2;
export const LINE_HEIGHT = 12;
/** Grid origin: left edge of column 1 and top of line 1, in points from the page's top-left. */
export const GRID_LEFT = 24;
export const GRID_TOP = 20;
/** Baseline of a line's text below the top of that line (Courier 10 sits inside the 12 pt line). */
const BASELINE = 9.5;
export const PAGE_WIDTH = 612;
export const PAGE_HEIGHT = 792;
/** The six service lines of item 24: each takes a shaded line and a data line. */
export const SERVICE_LINES_PER_PAGE = 6;
export const SERVICE_LINE_PITCH = 2 * LINE_HEIGHT;

export interface FieldPosition {
  /** NUCC item number, e.g. '1a', '24F' */
  box: string;
  name: string;
  line: number;
  col: number;
  /**
   * Points from the left of a US Letter page: the left edge of the first character, or for
   * right-justified fields the right edge of the last one.
   */
  x: number;
  /** y of the text baseline, points from the top of the page */
  y: number;
  maxChars: number;
  /** right-justified fields (dollar amounts) end at their last column */
  align: 'left' | 'right';
}

export function columnX(col: number): number {
  return GRID_LEFT + (col - 1) * COLUMN_WIDTH;
}
export function lineTop(line: number): number {
  return GRID_TOP + (line - 1) * LINE_HEIGHT;
}

function at(
  box: string,
  name: string,
  line: number,
  col: number,
  maxChars: number,
  align: 'left' | 'right' = 'left',
): FieldPosition {
  const x = align === 'right' ? columnX(col + 1) : columnX(col);
  return { box, name, line, col, x, y: lineTop(line) + BASELINE, maxChars, align };
}

export const DIAGNOSIS_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'] as const;
export type DiagnosisKey = `21.${(typeof DIAGNOSIS_LETTERS)[number]}`;

/** Claim-level fields (every page repeats them). */
export const HEADER_FIELDS = {
  page: at('', 'Page n of m (multi-page claim)', 1, 64, 16),
  'carrier.name': at('carrier', 'Payer name', 2, 41, 31),
  'carrier.street': at('carrier', 'Payer address', 3, 41, 31),
  'carrier.street2': at('carrier', 'Payer address line 2', 4, 41, 31),
  'carrier.cityStateZip': at('carrier', 'Payer city, state, ZIP', 5, 41, 31),
  '1.medicare': at('1', 'Medicare', 8, 1, 1),
  '1.medicaid': at('1', 'Medicaid', 8, 8, 1),
  '1.tricare': at('1', 'TRICARE', 8, 15, 1),
  '1.champva': at('1', 'CHAMPVA', 8, 24, 1),
  '1.groupHealthPlan': at('1', 'Group health plan', 8, 31, 1),
  '1.feca': at('1', 'FECA black lung', 8, 39, 1),
  '1.other': at('1', 'Other', 8, 45, 1),
  '1a': at('1a', "Insured's ID number", 8, 50, 29),
  '2': at('2', "Patient's name", 10, 1, 28),
  '3.mm': at('3', "Patient's birth date: month", 10, 31, 2),
  '3.dd': at('3', "Patient's birth date: day", 10, 34, 2),
  '3.yyyy': at('3', "Patient's birth date: year", 10, 37, 4),
  '3.sexM': at('3', 'Sex: M', 10, 42, 1),
  '3.sexF': at('3', 'Sex: F', 10, 47, 1),
  '4': at('4', "Insured's name", 10, 50, 29),
  '5.street': at('5', "Patient's address", 12, 1, 28),
  '6.self': at('6', 'Relationship: self', 12, 33, 1),
  '6.spouse': at('6', 'Relationship: spouse', 12, 38, 1),
  '6.child': at('6', 'Relationship: child', 12, 42, 1),
  '6.other': at('6', 'Relationship: other', 12, 47, 1),
  '7.street': at('7', "Insured's address", 12, 50, 29),
  '5.city': at('5', "Patient's city", 14, 1, 24),
  '5.state': at('5', "Patient's state", 14, 26, 3),
  '7.city': at('7', "Insured's city", 14, 50, 23),
  '7.state': at('7', "Insured's state", 14, 74, 4),
  '5.zip': at('5', "Patient's ZIP code", 16, 1, 12),
  '5.phoneArea': at('5', "Patient's telephone: area code", 16, 15, 3),
  '5.phone': at('5', "Patient's telephone", 16, 19, 8),
  '7.zip': at('7', "Insured's ZIP code", 16, 50, 12),
  '7.phoneArea': at('7', "Insured's telephone: area code", 16, 65, 3),
  '7.phone': at('7', "Insured's telephone", 16, 69, 8),
  '9': at('9', "Other insured's name", 18, 1, 28),
  '11': at('11', "Insured's policy group or FECA number", 18, 50, 29),
  '9a': at('9a', "Other insured's policy or group number", 20, 1, 28),
  '11a.mm': at('11a', "Insured's birth date: month", 20, 53, 2),
  '11a.dd': at('11a', "Insured's birth date: day", 20, 56, 2),
  '11a.yyyy': at('11a', "Insured's birth date: year", 20, 59, 4),
  '11a.sexM': at('11a', "Insured's sex: M", 20, 68, 1),
  '11a.sexF': at('11a', "Insured's sex: F", 20, 75, 1),
  '9d': at('9d', 'Other insurance plan name or program name', 24, 1, 28),
  '11c': at('11c', 'Insurance plan name or program name', 24, 50, 29),
  '11d.yes': at('11d', 'Another health benefit plan: yes', 26, 52, 1),
  '11d.no': at('11d', 'Another health benefit plan: no', 26, 57, 1),
  '12': at('12', "Patient's or authorized person's signature", 29, 7, 22),
  '13': at('13', "Insured's or authorized person's signature", 29, 55, 24),
  '17.qualifier': at('17', 'Referring provider qualifier', 34, 1, 2),
  '17.name': at('17', 'Name of referring provider', 34, 4, 25),
  '17b': at('17b', 'Referring provider NPI', 34, 33, 10),
  '21.indicator': at('21', 'ICD indicator', 37, 42, 1),
  ...diagnosisFields(),
  '22.code': at('22', 'Resubmission code', 38, 50, 11),
  '22.originalRef': at('22', 'Original reference number', 38, 62, 18),
  '23': at('23', 'Prior authorization number', 40, 50, 29),
  '25': at('25', 'Federal tax ID number', 56, 1, 15),
  '25.ssn': at('25', 'Federal tax ID: SSN', 56, 17, 1),
  '25.ein': at('25', 'Federal tax ID: EIN', 56, 19, 1),
  '26': at('26', "Patient's account no.", 56, 23, 14),
  '27.yes': at('27', 'Accept assignment: yes', 56, 38, 1),
  '27.no': at('27', 'Accept assignment: no', 56, 43, 1),
  '28.dollars': at('28', 'Total charge: dollars', 56, 56, 5, 'right'),
  '28.cents': at('28', 'Total charge: cents', 56, 58, 2),
  '28.continued': at('28', 'Total charge: continued on the next page', 56, 51, 10),
  '29.dollars': at('29', 'Amount paid: dollars', 56, 66, 5, 'right'),
  '29.cents': at('29', 'Amount paid: cents', 56, 68, 2),
  '33.phoneArea': at('33', 'Billing provider telephone: area code', 57, 66, 3),
  '33.phone': at('33', 'Billing provider telephone', 57, 70, 8),
  '32.name': at('32', 'Service facility name', 58, 23, 25),
  '33.name': at('33', 'Billing provider name', 58, 50, 29),
  '32.street': at('32', 'Service facility address', 59, 23, 25),
  '33.street': at('33', 'Billing provider address', 59, 50, 29),
  '31': at('31', 'Signature of physician or supplier', 60, 1, 21),
  '32.cityStateZip': at('32', 'Service facility city, state, ZIP', 60, 23, 25),
  '33.cityStateZip': at('33', 'Billing provider city, state, ZIP', 60, 50, 29),
  '31.date': at('31', 'Date signed', 61, 14, 8),
  '32a': at('32a', 'Service facility NPI', 61, 23, 10),
  '33a': at('33a', 'Billing provider NPI', 61, 50, 10),
} as const satisfies Record<string, FieldPosition>;

export type HeaderKey = keyof typeof HEADER_FIELDS;

/** Item 21 A-L: four across, three rows, 13 columns apart, 8 characters (ICD-10 with the dot). */
function diagnosisFields(): Record<DiagnosisKey, FieldPosition> {
  const out = {} as Record<DiagnosisKey, FieldPosition>;
  DIAGNOSIS_LETTERS.forEach((letter, i) => {
    out[`21.${letter}`] = at('21', `Diagnosis ${letter}`, 38 + Math.floor(i / 4), 3 + 13 * (i % 4), 8);
  });
  return out;
}

/** Item 24 fields on the first service line's data line; line n (0-based) is n * SERVICE_LINE_PITCH lower. */
export const SERVICE_LINE_FIELDS = {
  '24A.fromMm': at('24A', 'Date of service from: month', 44, 1, 2),
  '24A.fromDd': at('24A', 'Date of service from: day', 44, 4, 2),
  '24A.fromYy': at('24A', 'Date of service from: year', 44, 7, 2),
  '24A.toMm': at('24A', 'Date of service to: month', 44, 10, 2),
  '24A.toDd': at('24A', 'Date of service to: day', 44, 13, 2),
  '24A.toYy': at('24A', 'Date of service to: year', 44, 16, 2),
  '24B': at('24B', 'Place of service', 44, 19, 2),
  '24D.code': at('24D', 'CPT/HCPCS', 44, 25, 6),
  '24D.mod1': at('24D', 'Modifier 1', 44, 33, 2),
  '24D.mod2': at('24D', 'Modifier 2', 44, 36, 2),
  '24D.mod3': at('24D', 'Modifier 3', 44, 39, 2),
  '24D.mod4': at('24D', 'Modifier 4', 44, 42, 2),
  '24E': at('24E', 'Diagnosis pointer', 44, 45, 4),
  '24F.dollars': at('24F', 'Charges: dollars', 44, 54, 5, 'right'),
  '24F.cents': at('24F', 'Charges: cents', 44, 56, 2),
  '24G': at('24G', 'Days or units', 44, 59, 3),
  '24J': at('24J', 'Rendering provider NPI', 44, 68, 10),
} as const satisfies Record<string, FieldPosition>;

export type ServiceLineKey = keyof typeof SERVICE_LINE_FIELDS;
