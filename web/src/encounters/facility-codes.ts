// Choices for the UB-04 fields. Type of bill labels are CMS's (from the type-of-bill code list);
// the NUBC code values are listed without the NUBC manual's wording.
export const BILL_TYPES = [
  { value: '111', label: '111 Hospital inpatient, admit through discharge' },
  { value: '112', label: '112 Hospital inpatient, interim first claim' },
  { value: '121', label: '121 Hospital inpatient Part B' },
  { value: '131', label: '131 Hospital outpatient' },
  { value: '141', label: '141 Hospital other (non-patient lab)' },
  { value: '181', label: '181 Hospital swing bed' },
  { value: '211', label: '211 Skilled nursing facility, inpatient' },
  { value: '231', label: '231 Skilled nursing facility, outpatient' },
  { value: '711', label: '711 Rural health clinic' },
  { value: '731', label: '731 Federally qualified health center' },
  { value: '831', label: '831 Ambulatory surgery center' },
  { value: '851', label: '851 Critical access hospital, outpatient' },
];

export const ADMISSION_TYPES = [
  '1 Emergency',
  '2 Urgent',
  '3 Elective',
  '4 Newborn',
  '5 Trauma',
  '9 Not available',
].map((label) => ({ value: label[0]!, label }));

export const POINTS_OF_ORIGIN = [
  '1 Non-health care facility',
  '2 Clinic or physician office',
  '4 Transfer from a hospital',
  '5 Transfer from a SNF or ICF',
  '6 Transfer from another facility',
  '8 Court or law enforcement',
  '9 Not available',
  'D Transfer within the same hospital',
  'E Transfer from an ambulatory surgery center',
  'F Transfer from hospice',
].map((label) => ({ value: label[0]!, label }));

export const POA_OPTIONS = [
  { value: 'Y', label: 'Y' },
  { value: 'N', label: 'N' },
  { value: 'U', label: 'U' },
  { value: 'W', label: 'W' },
  { value: '', label: 'exempt' },
];
