// NUBC UB-04 code values the institutional rules check (codes only: the NUBC manual's wording is
// licensed by the AHA, so no descriptions are kept here).

/** FL17 patient discharge status codes in use since October 2023. */
export const PATIENT_STATUS = new Set([
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '07',
  '09',
  '20',
  '21',
  '30',
  '40',
  '41',
  '42',
  '43',
  '50',
  '51',
  '61',
  '62',
  '63',
  '64',
  '65',
  '66',
  '69',
  '70',
  '81',
  '82',
  '83',
  '84',
  '85',
  '86',
  '87',
  '88',
  '89',
  '90',
  '91',
  '92',
  '93',
  '94',
  '95',
]);

/** FL42 accommodation (room and board) revenue codes 0100–0219: inpatient bills only. */
export const isAccommodation = (revenueCode: string): boolean =>
  revenueCode >= '0100' && revenueCode <= '0219';

/** Revenue code families Medicare packages on outpatient bills, where a line may omit HCPCS. */
const PACKAGED = ['025', '027', '0370', '0621', '0622', '071'];
export const mayOmitHcpcs = (revenueCode: string): boolean => PACKAGED.some((p) => revenueCode.startsWith(p));
