// The NUBC type of bill (UB-04 FL4) read the way payers read it: facility type (1st digit), bed or
// care classification (2nd), frequency (3rd). Shared by encounters, claims, the scrubber and the UI.

/** Facility type and classification of an inpatient stay, whose claims need admission data. */
const INPATIENT = new Set(['11', '12', '18', '21', '22', '28', '41', '65', '66', '86']);
/** Classifications billed as outpatient (OPPS lines need HCPCS). */
const OUTPATIENT = new Set([
  '13',
  '14',
  '23',
  '24',
  '34',
  '43',
  '71',
  '72',
  '73',
  '74',
  '75',
  '76',
  '77',
  '83',
  '85',
]);

export const isInpatientBill = (billType: string): boolean => INPATIENT.has(billType.slice(0, 2));
export const isOutpatientBill = (billType: string): boolean => OUTPATIENT.has(billType.slice(0, 2));
/** Acute inpatient hospital (11x): the bills CMS requires present-on-admission indicators on. */
export const needsPoa = (billType: string): boolean => billType.startsWith('11');
/** Interim bills (frequency 2 first, 3 continuing) are for patients still in the facility (status 30). */
export const isInterimBill = (frequency: string): boolean => frequency === '2' || frequency === '3';
