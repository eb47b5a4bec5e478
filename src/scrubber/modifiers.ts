// Modifier lists as data. CPT (Level I) modifiers are two digits (codes only: their descriptors are
// AMA copyright and not shipped); Level II modifiers come from the HCPCS file through the code sets.
export const CPT_MODIFIERS = new Set([
  '22',
  '23',
  '24',
  '25',
  '26',
  '27',
  '32',
  '33',
  '47',
  '50',
  '51',
  '52',
  '53',
  '54',
  '55',
  '56',
  '57',
  '58',
  '59',
  '62',
  '63',
  '66',
  '73',
  '74',
  '76',
  '77',
  '78',
  '79',
  '80',
  '81',
  '82',
  '90',
  '91',
  '92',
  '93',
  '95',
  '96',
  '97',
  '99',
  'P1',
  'P2',
  'P3',
  'P4',
  'P5',
  'P6',
]);

/** Modifiers that change the payment; CMS wants them before informational ones (24D, SV101-3). */
export const PRICING_MODIFIERS = new Set([
  '22',
  '26',
  '50',
  '52',
  '53',
  '54',
  '55',
  '56',
  '62',
  '66',
  '73',
  '74',
  '78',
  '80',
  '81',
  '82',
  'AA',
  'AD',
  'AS',
  'QK',
  'QX',
  'QY',
  'QZ',
  'TC',
]);

/** E/M visit codes (office, hospital, emergency, nursing facility, home) for the modifier 25 rule. */
export function isEvaluationAndManagement(code: string): boolean {
  if (!/^\d{5}$/.test(code)) return false;
  const n = Number(code);
  return (
    (n >= 99202 && n <= 99215) ||
    (n >= 99221 && n <= 99239) ||
    (n >= 99281 && n <= 99285) ||
    (n >= 99304 && n <= 99350)
  );
}

/**
 * CPT surgery section (10004–69990): procedures with a global period, less the blood draws filed
 * there that carry none (36400–36416 venipuncture, 36591–36592 collection from a device). With the
 * MPFS global days imported, ScrubContext.globalDays is the precise answer.
 */
export function isSurgicalProcedure(code: string): boolean {
  if (!/^\d{5}$/.test(code)) return false;
  const n = Number(code);
  return n >= 10004 && n <= 69990 && !(n >= 36400 && n <= 36416) && n !== 36591 && n !== 36592;
}
