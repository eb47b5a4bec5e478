/**
 * Print positions of the UB-04 (CMS-1450) as data: form locator (FL) → line and column.
 *
 * Like the 1500, the UB-04 is printed on a pica grid (10 characters per inch, 6 lines per inch);
 * its 81 form locators sit in the order and relative places of the NUBC UB-04 Data Specifications
 * (FL1–17 the header, FL18–41 codes, FL42–49 the 22 service lines with line 23 for totals,
 * FL50–65 payers and insureds, FL66–81 codes, providers and remarks). The lines and columns below
 * are ours, not a calibrated red-form grid: printers are aligned with the render offsets, and the
 * plain-paper outline is drawn from this same table.
 */
export const COLUMN_WIDTH = 7.2;
export const LINE_HEIGHT = 12;
export const GRID_LEFT = 18;
export const GRID_TOP = 18;
const BASELINE = 9.5;
export const PAGE_WIDTH = 612;
export const PAGE_HEIGHT = 792;
/** FL42–49 hold 22 service lines a page; line 23 carries the page number, creation date and totals. */
export const SERVICE_LINES_PER_PAGE = 22;
export const FIRST_SERVICE_LINE = 17;

export interface Ub04Position {
  /** Form locator, e.g. FL4, FL67A. */
  fl: string;
  line: number;
  col: number;
  x: number;
  y: number;
  maxChars: number;
  align: 'left' | 'right';
}

export const columnX = (col: number) => GRID_LEFT + (col - 1) * COLUMN_WIDTH;
export const lineTop = (line: number) => GRID_TOP + (line - 1) * LINE_HEIGHT;

function at(fl: string, line: number, col: number, maxChars: number, align: 'left' | 'right' = 'left') {
  const x = align === 'right' ? columnX(col + maxChars) : columnX(col);
  return { fl, line, col, x, y: lineTop(line) + BASELINE, maxChars, align } satisfies Ub04Position;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQ'.split('');
/** FL67A–Q: the 17 other diagnoses, in two rows of 9 and 8, each with its POA column. */
const otherDiagnoses = Object.fromEntries(
  LETTERS.map((l, i) => [`FL67${l}`, at(`FL67${l}`, 53 + Math.floor(i / 9), 10 + (i % 9) * 8, 8)]),
);
/** FL18–28 condition codes. */
const conditions = Object.fromEntries(
  Array.from({ length: 11 }, (_, i) => [`FL${18 + i}`, at(`FL${18 + i}`, 8, 45 + i * 3, 2)]),
);
/** FL31–34 occurrence code and date (two rows, a and b). */
const occurrences = Object.fromEntries(
  [31, 32, 33, 34].flatMap((fl, i) =>
    ['a', 'b'].flatMap((row, r) => [
      [`FL${fl}${row}.code`, at(`FL${fl}${row}`, 10 + r, 1 + i * 11, 2)],
      [`FL${fl}${row}.date`, at(`FL${fl}${row}`, 10 + r, 4 + i * 11, 6)],
    ]),
  ),
);
/** FL35–36 occurrence span code, from and through. */
const spans = Object.fromEntries(
  [35, 36].flatMap((fl, i) =>
    ['a', 'b'].flatMap((row, r) => [
      [`FL${fl}${row}.code`, at(`FL${fl}${row}`, 10 + r, 45 + i * 18, 2)],
      [`FL${fl}${row}.from`, at(`FL${fl}${row}`, 10 + r, 48 + i * 18, 6)],
      [`FL${fl}${row}.through`, at(`FL${fl}${row}`, 10 + r, 55 + i * 18, 6)],
    ]),
  ),
);
/** FL39–41 value codes and amounts (rows a–d). */
const values = Object.fromEntries(
  [39, 40, 41].flatMap((fl, i) =>
    ['a', 'b', 'c', 'd'].flatMap((row, r) => [
      [`FL${fl}${row}.code`, at(`FL${fl}${row}`, 12 + r, 37 + i * 16, 2)],
      [`FL${fl}${row}.amount`, at(`FL${fl}${row}`, 12 + r, 40 + i * 16, 11, 'right')],
    ]),
  ),
);
/** FL50–55 and FL57–62 for the payers A (primary), B and C. */
const payerRows = Object.fromEntries(
  ['A', 'B', 'C'].flatMap((row, r) => [
    [`FL50${row}`, at(`FL50${row}`, 41 + r, 1, 23)],
    [`FL51${row}`, at(`FL51${row}`, 41 + r, 25, 15)],
    [`FL52${row}`, at(`FL52${row}`, 41 + r, 41, 1)],
    [`FL53${row}`, at(`FL53${row}`, 41 + r, 43, 1)],
    [`FL54${row}`, at(`FL54${row}`, 41 + r, 45, 10, 'right')],
    [`FL58${row}`, at(`FL58${row}`, 45 + r, 1, 25)],
    [`FL59${row}`, at(`FL59${row}`, 45 + r, 27, 2)],
    [`FL60${row}`, at(`FL60${row}`, 45 + r, 30, 20)],
    [`FL61${row}`, at(`FL61${row}`, 45 + r, 51, 14)],
    [`FL62${row}`, at(`FL62${row}`, 45 + r, 66, 17)],
    [`FL63${row}`, at(`FL63${row}`, 49 + r, 1, 30)],
    [`FL64${row}`, at(`FL64${row}`, 49 + r, 32, 26)],
  ]),
);
/** FL74 principal procedure and a–e. */
const procedures = Object.fromEntries(
  ['', 'a', 'b', 'c', 'd', 'e'].flatMap((p, i) => [
    [`FL74${p}.code`, at(`FL74${p}`, 57 + Math.floor(i / 3) * 2, 1 + (i % 3) * 16, 7)],
    [`FL74${p}.date`, at(`FL74${p}`, 57 + Math.floor(i / 3) * 2, 9 + (i % 3) * 16, 6)],
  ]),
);

/** Claim-level form locators (each page repeats them). */
export const HEADER_FIELDS: Record<string, Ub04Position> = {
  'FL1.name': at('FL1', 1, 1, 25),
  'FL1.street': at('FL1', 2, 1, 25),
  'FL1.cityStateZip': at('FL1', 3, 1, 25),
  'FL1.phone': at('FL1', 4, 1, 25),
  'FL2.name': at('FL2', 1, 27, 25),
  'FL2.street': at('FL2', 2, 27, 25),
  'FL2.cityStateZip': at('FL2', 3, 27, 25),
  FL3a: at('FL3a', 1, 55, 24),
  FL3b: at('FL3b', 2, 55, 24),
  FL4: at('FL4', 2, 80, 4),
  FL5: at('FL5', 4, 53, 10),
  'FL6.from': at('FL6', 4, 64, 6),
  'FL6.through': at('FL6', 4, 71, 6),
  FL8b: at('FL8b', 6, 1, 29),
  FL9a: at('FL9a', 5, 33, 40),
  FL9b: at('FL9b', 6, 31, 30),
  FL9c: at('FL9c', 6, 62, 2),
  FL9d: at('FL9d', 6, 65, 9),
  FL10: at('FL10', 8, 1, 8),
  FL11: at('FL11', 8, 10, 1),
  FL12: at('FL12', 8, 12, 6),
  FL13: at('FL13', 8, 19, 2),
  FL14: at('FL14', 8, 22, 1),
  FL15: at('FL15', 8, 24, 1),
  FL16: at('FL16', 8, 26, 2),
  FL17: at('FL17', 8, 29, 2),
  ...conditions,
  ...occurrences,
  ...spans,
  'FL38.name': at('FL38', 12, 1, 35),
  ...values,
  // Line 23 of FL42–48: page n of m, creation date and the claim's totals.
  'FL43.page': at('FL43', FIRST_SERVICE_LINE + SERVICE_LINES_PER_PAGE, 6, 12),
  'FL45.created': at('FL45', FIRST_SERVICE_LINE + SERVICE_LINES_PER_PAGE, 46, 6),
  'FL47.total': at('FL47', FIRST_SERVICE_LINE + SERVICE_LINES_PER_PAGE, 62, 10, 'right'),
  'FL48.total': at('FL48', FIRST_SERVICE_LINE + SERVICE_LINES_PER_PAGE, 73, 10, 'right'),
  ...payerRows,
  FL56: at('FL56', 40, 60, 10),
  FL57: at('FL57', 41, 60, 15),
  FL65: at('FL65', 49, 60, 24),
  FL66: at('FL66', 53, 1, 1),
  FL67: at('FL67', 53, 2, 8),
  ...otherDiagnoses,
  FL69: at('FL69', 55, 5, 8),
  FL70a: at('FL70a', 55, 18, 8),
  FL70b: at('FL70b', 55, 26, 8),
  FL70c: at('FL70c', 55, 34, 8),
  FL71: at('FL71', 55, 43, 4),
  FL72a: at('FL72a', 55, 48, 8),
  FL72b: at('FL72b', 55, 57, 8),
  FL72c: at('FL72c', 55, 66, 8),
  ...procedures,
  'FL76.npi': at('FL76', 57, 55, 10),
  'FL76.name': at('FL76', 58, 55, 28),
  'FL77.npi': at('FL77', 59, 55, 10),
  'FL77.name': at('FL77', 60, 55, 28),
  'FL78.npi': at('FL78', 61, 55, 10),
  'FL79.npi': at('FL79', 62, 55, 10),
  FL80: at('FL80', 61, 1, 36),
  'FL81.qualifier': at('FL81', 61, 40, 2),
  'FL81.code': at('FL81', 61, 43, 10),
};

/** One service line (FL42–49), on line FIRST_SERVICE_LINE of the first row; rows are LINE_HEIGHT apart. */
export const SERVICE_LINE_FIELDS: Record<string, Ub04Position> = {
  FL42: at('FL42', FIRST_SERVICE_LINE, 1, 4),
  FL43: at('FL43', FIRST_SERVICE_LINE, 6, 24),
  FL44: at('FL44', FIRST_SERVICE_LINE, 31, 14),
  FL45: at('FL45', FIRST_SERVICE_LINE, 46, 6),
  FL46: at('FL46', FIRST_SERVICE_LINE, 53, 7, 'right'),
  FL47: at('FL47', FIRST_SERVICE_LINE, 62, 10, 'right'),
  FL48: at('FL48', FIRST_SERVICE_LINE, 73, 10, 'right'),
};
