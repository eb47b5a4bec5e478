/**
 * A readable outline of the 1500 (02/12) form for plain paper: box borders, item numbers and
 * short labels on the same pica grid as the data (see layout.ts). It is drawn from memory of
 * the red form's arrangement, not traced from the official printing negative, so it reads like
 * the form but must not be used to print blank red forms.
 */

/** A box from column c0 to c1 and line l0 to l1 (inclusive), its label at the top left. */
export interface OutlineBox {
  label: string;
  c0: number;
  c1: number;
  l0: number;
  l1: number;
  /** the label may wrap over every line of the box (item 24's column heads) */
  wrap?: boolean;
}

/** A check box at a data position, its caption in the upper half of the line above. */
export interface OutlineCheck {
  line: number;
  col: number;
  caption: string;
}

/** A caption anywhere on the grid, in the upper half of the line (lower half when `low`). */
export interface OutlineCaption {
  line: number;
  col: number;
  text: string;
  low?: boolean;
}

const box = (label: string, c0: number, c1: number, l0: number, l1: number): OutlineBox => ({
  label,
  c0,
  c1,
  l0,
  l1,
  ...(l0 === 41 ? { wrap: true } : {}),
});

export const OUTLINE_BOXES: OutlineBox[] = [
  box('1.', 1, 48, 7, 8),
  box("1a. INSURED'S I.D. NUMBER (For Program in Item 1)", 49, 79, 7, 8),
  box("2. PATIENT'S NAME (Last Name, First Name, Middle Initial)", 1, 29, 9, 10),
  box("3. PATIENT'S BIRTH DATE    SEX", 30, 48, 9, 10),
  box("4. INSURED'S NAME (Last Name, First Name, Middle Initial)", 49, 79, 9, 10),
  box("5. PATIENT'S ADDRESS (No., Street)", 1, 29, 11, 12),
  box('6. PATIENT RELATIONSHIP TO INSURED', 30, 48, 11, 12),
  box("7. INSURED'S ADDRESS (No., Street)", 49, 79, 11, 12),
  box('CITY', 1, 24, 13, 14),
  box('STATE', 25, 29, 13, 14),
  box('8. RESERVED FOR NUCC USE', 30, 48, 13, 16),
  box('CITY', 49, 72, 13, 14),
  box('STATE', 73, 79, 13, 14),
  box('ZIP CODE', 1, 13, 15, 16),
  box('TELEPHONE (Include Area Code)', 14, 29, 15, 16),
  box('ZIP CODE', 49, 63, 15, 16),
  box('TELEPHONE (Include Area Code)', 64, 79, 15, 16),
  box("9. OTHER INSURED'S NAME", 1, 29, 17, 18),
  box("10. IS PATIENT'S CONDITION RELATED TO:", 30, 48, 17, 18),
  box("11. INSURED'S POLICY GROUP OR FECA NUMBER", 49, 79, 17, 18),
  box("a. OTHER INSURED'S POLICY OR GROUP NUMBER", 1, 29, 19, 20),
  box('a. EMPLOYMENT? (Current or Previous)', 30, 48, 19, 20),
  box("a. INSURED'S DATE OF BIRTH        SEX", 49, 79, 19, 20),
  box('b. RESERVED FOR NUCC USE', 1, 29, 21, 22),
  box('b. AUTO ACCIDENT?       PLACE (State)', 30, 48, 21, 22),
  box('b. OTHER CLAIM ID (Designated by NUCC)', 49, 79, 21, 22),
  box('c. RESERVED FOR NUCC USE', 1, 29, 23, 24),
  box('c. OTHER ACCIDENT?', 30, 48, 23, 24),
  box('c. INSURANCE PLAN NAME OR PROGRAM NAME', 49, 79, 23, 24),
  box('d. INSURANCE PLAN NAME OR PROGRAM NAME', 1, 29, 25, 26),
  box('10d. CLAIM CODES (Designated by NUCC)', 30, 48, 25, 26),
  box('d. IS THERE ANOTHER HEALTH BENEFIT PLAN?', 49, 79, 25, 26),
  box("12. PATIENT'S OR AUTHORIZED PERSON'S SIGNATURE", 1, 48, 27, 30),
  box("13. INSURED'S OR AUTHORIZED PERSON'S SIGNATURE", 49, 79, 27, 30),
  box('14. DATE OF CURRENT ILLNESS, INJURY, or PREGNANCY (LMP)', 1, 29, 31, 32),
  box('15. OTHER DATE', 30, 48, 31, 32),
  box('16. DATES PATIENT UNABLE TO WORK IN CURRENT OCCUPATION', 49, 79, 31, 32),
  box('17. NAME OF REFERRING PROVIDER OR OTHER SOURCE', 1, 29, 33, 34),
  box('17a.', 30, 48, 33, 33),
  box('17b. NPI', 30, 48, 34, 34),
  box('18. HOSPITALIZATION DATES RELATED TO CURRENT SERVICES', 49, 79, 33, 34),
  box('19. ADDITIONAL CLAIM INFORMATION (Designated by NUCC)', 1, 48, 35, 36),
  box('20. OUTSIDE LAB?        $ CHARGES', 49, 79, 35, 36),
  box('21. DIAGNOSIS OR NATURE OF ILLNESS OR INJURY  Relate A-L to service line below (24E)', 1, 48, 37, 40),
  box('22. RESUBMISSION CODE       ORIGINAL REF. NO.', 49, 79, 37, 38),
  box('23. PRIOR AUTHORIZATION NUMBER', 49, 79, 39, 40),
  box('24. A. DATE(S) OF SERVICE', 1, 18, 41, 42),
  box('B. POS', 19, 20, 41, 42),
  box('C. EMG', 21, 23, 41, 42),
  box('D. PROCEDURES, SERVICES, OR SUPPLIES', 24, 44, 41, 42),
  box('E. DIAG. POINTER', 45, 48, 41, 42),
  box('F. $ CHARGES', 49, 57, 41, 42),
  box('G. DAYS OR UNITS', 58, 61, 41, 42),
  box('H.', 62, 63, 41, 42),
  box('I. ID. QUAL.', 64, 66, 41, 42),
  box('J. RENDERING PROVIDER ID. #', 67, 79, 41, 42),
  box('25. FEDERAL TAX I.D. NUMBER', 1, 21, 55, 56),
  box("26. PATIENT'S ACCOUNT NO.", 22, 35, 55, 56),
  box('27. ACCEPT ASSIGNMENT?', 36, 48, 55, 56),
  box('28. TOTAL CHARGE', 49, 60, 55, 56),
  box('29. AMOUNT PAID', 61, 70, 55, 56),
  box('30. Rsvd for NUCC Use', 71, 79, 55, 56),
  box('31. SIGNATURE OF PHYSICIAN OR SUPPLIER INCLUDING DEGREES OR CREDENTIALS', 1, 21, 57, 61),
  box('32. SERVICE FACILITY LOCATION INFORMATION', 22, 48, 57, 60),
  box('33. BILLING PROVIDER INFO & PH #', 49, 79, 57, 60),
  box('a. NPI', 22, 34, 61, 61),
  box('b.', 35, 48, 61, 61),
  box('a. NPI', 49, 61, 61, 61),
  box('b.', 62, 79, 61, 61),
];

export const OUTLINE_CHECKS: OutlineCheck[] = [
  { line: 8, col: 1, caption: 'MEDICARE' },
  { line: 8, col: 8, caption: 'MEDICAID' },
  { line: 8, col: 15, caption: 'TRICARE' },
  { line: 8, col: 24, caption: 'CHAMPVA' },
  { line: 8, col: 31, caption: 'GROUP HEALTH PLAN' },
  { line: 8, col: 39, caption: 'FECA BLK LUNG' },
  { line: 8, col: 45, caption: 'OTHER' },
  { line: 10, col: 42, caption: 'M' },
  { line: 10, col: 47, caption: 'F' },
  { line: 12, col: 33, caption: 'Self' },
  { line: 12, col: 38, caption: 'Spouse' },
  { line: 12, col: 42, caption: 'Child' },
  { line: 12, col: 47, caption: 'Other' },
  { line: 20, col: 68, caption: 'M' },
  { line: 20, col: 75, caption: 'F' },
  { line: 26, col: 52, caption: 'YES' },
  { line: 26, col: 57, caption: 'NO' },
  { line: 56, col: 17, caption: 'SSN' },
  { line: 56, col: 19, caption: 'EIN' },
  { line: 56, col: 38, caption: 'YES' },
  { line: 56, col: 43, caption: 'NO' },
];

export const OUTLINE_CAPTIONS: OutlineCaption[] = [
  { line: 9, col: 31, text: 'MM   DD   YYYY', low: true },
  { line: 19, col: 53, text: 'MM   DD   YYYY', low: true },
  { line: 29, col: 1, text: 'SIGNED', low: true },
  { line: 29, col: 36, text: 'DATE', low: true },
  { line: 29, col: 49, text: 'SIGNED', low: true },
  { line: 37, col: 38, text: 'ICD Ind.', low: true },
  ...['A.', 'B.', 'C.', 'D.', 'E.', 'F.', 'G.', 'H.', 'I.', 'J.', 'K.', 'L.'].map((text, i) => ({
    line: 38 + Math.floor(i / 4),
    col: 2 + 13 * (i % 4),
    text,
    low: true,
  })),
  { line: 42, col: 1, text: 'From  MM DD YY', low: true },
  { line: 42, col: 10, text: 'To  MM DD YY', low: true },
  { line: 42, col: 25, text: 'CPT/HCPCS', low: true },
  { line: 42, col: 33, text: 'MODIFIER', low: true },
  { line: 61, col: 1, text: 'SIGNED', low: true },
  { line: 61, col: 12, text: 'DATE', low: true },
];
