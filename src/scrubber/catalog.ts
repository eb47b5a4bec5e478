// The scrubber's rule catalogue: every rule's id, severity, what it checks, how to fix it, and the
// standard it comes from. An error blocks submission; a warning needs an override with a reason.
export interface RuleInfo {
  severity: 'error' | 'warning';
  title: string;
  fixHint: string;
  source: string;
}

export const RULES = {
  'REQ-BILLING': {
    severity: 'error',
    title: 'Billing provider data the TR3 requires',
    fixHint: 'Complete the practice settings (NPI, TIN, address).',
    source: '837P TR3 loop 2010AA (NM1, N3, N4, REF*EI)',
  },
  'REQ-TAXONOMY': {
    severity: 'warning',
    title: 'Billing provider taxonomy',
    fixHint: 'Add the NUCC taxonomy code in the practice settings.',
    source: '837P TR3 2000A PRV (required when the payer adjudicates by taxonomy)',
  },
  'REQ-SUBSCRIBER': {
    severity: 'error',
    title: 'Subscriber data the TR3 requires',
    fixHint: "Complete the coverage's subscriber (name, member ID, birth date, sex).",
    source: '837P TR3 loop 2010BA (NM1*IL, DMG)',
  },
  'REQ-PATIENT': {
    severity: 'error',
    title: 'Patient demographics',
    fixHint: "Complete the patient's name, birth date, sex and address.",
    source: '837P TR3 loop 2010CA / 2010BA (N3, N4, DMG)',
  },
  'REQ-PAYER': {
    severity: 'error',
    title: 'Payer ID and claim filing indicator',
    fixHint: 'Set the payer ID and the claim filing indicator on the payer.',
    source: '837P TR3 loop 2010BB NM109, 2000B SBR09',
  },
  'NPI-CHECK': {
    severity: 'error',
    title: 'NPI check digit',
    fixHint: 'Correct the NPI: it fails the Luhn check over the 80840 prefix.',
    source: 'CMS NPI check digit (45 CFR 162.406)',
  },
  'DOS-FUTURE': {
    severity: 'error',
    title: 'Date of service in the future',
    fixHint: 'Correct the date of service; services are billed after they are rendered.',
    source: 'CMS Claims Processing Manual ch. 1 §70',
  },
  'TIMELY-FILING': {
    severity: 'error',
    title: "Outside the payer's timely filing limit",
    fixHint: 'Submit with proof of timely filing, or write the charge off as untimely.',
    source:
      "Payer contract; Medicare: 12 months from the date of service (42 CFR 424.44); a claim to a later payer from the prior payer's remittance when that is later (payer contracts)",
  },
  'TIMELY-FILING-NEAR': {
    severity: 'warning',
    title: 'Timely filing limit near',
    fixHint: 'Submit this claim first: the filing limit ends within 14 days.',
    source: 'Payer contract',
  },
  'DX-INVALID': {
    severity: 'error',
    title: 'Diagnosis not valid or not billable on the date of service',
    fixHint: 'Use the complete, billable code in effect on the date of service.',
    source: 'ICD-10-CM Official Guidelines I.B.2; HIPAA code set rules (45 CFR 162.1002)',
  },
  'PROC-INVALID': {
    severity: 'error',
    title: 'Procedure code not valid on the date of service',
    fixHint: 'Use a procedure code active on the date of service.',
    source: 'HCPCS Level II quarterly file; CPT (by format)',
  },
  'DX-EDIT': {
    severity: 'error',
    title: 'Diagnosis code edit (Excludes1, manifestation, sex, age)',
    fixHint: 'Review the diagnosis codes against the tabular notes.',
    source: 'ICD-10-CM tabular notes; CMS Medicare Code Editor',
  },
  'DX-DEMOGRAPHIC': {
    severity: 'warning',
    title: "Diagnosis unlikely for the patient's sex or age",
    fixHint: "Check the diagnosis and the patient's sex and birth date.",
    source: 'CMS Medicare Code Editor sex and age edit categories (ranges)',
  },
  'CODES-NOT-LOADED': {
    severity: 'warning',
    title: 'Code sets not loaded for the date of service',
    fixHint: 'Import the code set release in effect on the date of service (cleanclaim codesets import DIR).',
    source: 'cleanclaim',
  },
  'PTR-MISSING': {
    severity: 'error',
    title: 'Service line without a diagnosis pointer',
    fixHint: 'Point the line at the diagnosis that supports it.',
    source: '837P TR3 2400 SV107-1 (required)',
  },
  'PTR-INVALID': {
    severity: 'error',
    title: 'Diagnosis pointer points at no diagnosis',
    fixHint: 'Point only at diagnoses listed on the claim (1–12).',
    source: '837P TR3 2400 SV107',
  },
  'MOD-UNKNOWN': {
    severity: 'error',
    title: 'Unknown modifier',
    fixHint: 'Use a CPT or HCPCS Level II modifier valid on the date of service.',
    source: 'HCPCS Level II modifier file; CPT Appendix A',
  },
  'MOD-REPEATED': {
    severity: 'error',
    title: 'Modifier repeated on a line',
    fixHint: 'Remove the repeated modifier.',
    source: '837P TR3 SV101-3..6',
  },
  'MOD-TOO-MANY': {
    severity: 'error',
    title: 'More than four modifiers',
    fixHint: 'Report at most four modifiers (use 99 where the payer requires it).',
    source: '837P TR3 SV101-3..6',
  },
  'MOD-ORDER': {
    severity: 'warning',
    title: 'Pricing modifier after an informational one',
    fixHint: 'Put pricing modifiers (26, TC, 50, 52…) first.',
    source: 'CMS Claims Processing Manual ch. 26 §10.2 (item 24D)',
  },
  'UNITS-ZERO': {
    severity: 'error',
    title: 'Units must be greater than zero',
    fixHint: 'Enter the units of service rendered.',
    source: '837P TR3 SV104',
  },
  'CHARGE-ZERO': {
    severity: 'error',
    title: 'Charge must be greater than zero',
    fixHint: 'Enter the charge (the fee schedule fills it).',
    source: '837P TR3 SV102',
  },
  'CHARGE-FEE': {
    severity: 'warning',
    title: 'Charge differs from the fee schedule',
    fixHint: 'Bill the practice fee schedule charge unless there is a reason.',
    source: 'Practice fee schedule',
  },
  'POS-INVALID': {
    severity: 'error',
    title: 'Place of Service not valid',
    fixHint: 'Use a CMS Place of Service code.',
    source: 'CMS Place of Service code set',
  },
  'POS-FACILITY': {
    severity: 'warning',
    title: "Place of Service differs from the facility's",
    fixHint: "Check the Place of Service against the service facility's.",
    source: 'CMS Claims Processing Manual ch. 26 §10.5',
  },
  DUPLICATE: {
    severity: 'error',
    title: 'Duplicate of a submitted claim',
    fixHint: 'Do not resubmit: check the original claim status, or send a corrected claim (frequency 7).',
    source: 'CMS Claims Processing Manual ch. 1 §120 (duplicate claims)',
  },
  'EM-MODIFIER-25': {
    severity: 'error',
    title: 'E/M with a procedure on the same day needs modifier 25',
    fixHint: 'Add modifier 25 to the E/M line when the visit was significant and separately identifiable.',
    source: 'NCCI Policy Manual ch. I §D; CMS Claims Processing Manual ch. 12 §30.6.6',
  },
  'GLOBAL-PERIOD': {
    severity: 'warning',
    title: "Service inside another procedure's global period",
    fixHint: 'Add 24, 79 or 78 as the case is, or do not bill the visit.',
    source: 'CMS Claims Processing Manual ch. 12 §40',
  },
  'NCCI-PTP': {
    severity: 'error',
    title: 'NCCI procedure-to-procedure edit',
    fixHint:
      'Add a bypass modifier (59, XE, XS, XP, XU, anatomic) to the column 2 line if the service was distinct; otherwise do not bill it.',
    source: 'Medicare NCCI PTP edits (quarterly files); NCCI Policy Manual ch. I §E',
  },
  'MUE-LINE': {
    severity: 'error',
    title: 'Units on a line over the Medically Unlikely Edit',
    fixHint:
      'Check the units; split across lines only where the MUE adjudication indicator is 1 and the services were distinct.',
    source: 'Medicare NCCI MUE files, adjudication indicator 1',
  },
  'MUE-DAY': {
    severity: 'error',
    title: 'Units on a date of service over the Medically Unlikely Edit',
    fixHint:
      'Check the units for the day; indicator 3 denials may be appealed with medical records, indicator 2 may not.',
    source: 'Medicare NCCI MUE files, adjudication indicators 2 and 3',
  },
  'NDC-FORMAT': {
    severity: 'error',
    title: 'NDC in the 11-digit 5-4-2 form',
    fixHint:
      "Enter the package's NDC as 11 digits (pad the short segment of a 10-digit NDC with a leading zero).",
    source: '837P/837I TR3 loop 2410 LIN03 (N4: 11-digit NDC in 5-4-2 format)',
  },
  'NDC-QUANTITY': {
    severity: 'error',
    title: 'NDC quantity and unit',
    fixHint: 'Enter the quantity of the drug administered and its unit (F2, GR, ME, ML, UN).',
    source: '837P/837I TR3 loop 2410 CTP04, CTP05-1',
  },
  'PAYER-RULE': {
    severity: 'error',
    title: 'Payer-specific requirement',
    fixHint: 'Meet the payer requirement shown.',
    source: 'Payer companion guide (declared in cleanclaim)',
  },
  RESUBMISSION: {
    severity: 'error',
    title: "Replacement or void without the payer's claim number",
    fixHint:
      "Enter the payer's claim number (ICN/DCN) from the remittance of the claim being replaced or voided.",
    source: 'CMS-1500 box 22 / UB-04 FL64; 837 TR3 2300 REF*F8 (required when CLM05-3 is 7 or 8)',
  },
  'COB-ADJUDICATION': {
    severity: 'error',
    title: "Secondary claim without the prior payer's adjudication",
    fixHint:
      "Post the prior payer's remittance (835): the claim to the next payer is then made with its payment and adjustments (loops 2320, 2430).",
    source:
      '837P/837I TR3 §1.4.1 coordination of benefits; 2320 AMT*D, 2330B DTP*573 or 2430 SVD and DTP*573 (required when a prior payer adjudicated the claim)',
  },
  'COB-BALANCE': {
    severity: 'error',
    title: "Prior payer's payment and adjustments do not balance with the charge",
    fixHint:
      "Check the prior payer's paid amount and adjustments against its remittance: per line, charge = paid + adjustments; per claim, charge = AMT*D + claim and line adjustments.",
    source:
      '837P/837I TR3 §1.4.1.1 balancing: 2400 charge = 2430 SVD02 + 2430 CAS; CLM02 = 2320 AMT*D + 2320 CAS + 2430 CAS',
  },
  'ELIGIBILITY-INACTIVE': {
    severity: 'error',
    title: "The payer's last eligibility answer says the coverage is not active on the date of service",
    fixHint:
      "Check the patient's insurance: ask for the current card, update the coverage (or bill the right payer or the patient), then check eligibility again.",
    source: '270/271 TR3 (005010X279A1) EB01 6–8 inactive, DTP*357 eligibility end',
  },
  'ELIGIBILITY-REJECTED': {
    severity: 'warning',
    title: 'The payer could not answer the last eligibility check',
    fixHint:
      'Do what the rejection says (correct the member ID, name or birth date and check again, or call the payer).',
    source: '270/271 TR3 (005010X279A1) AAA reject reasons (72, 75, 42 …)',
  },
  'ELIGIBILITY-NOT-CHECKED': {
    severity: 'warning',
    title: 'Eligibility not checked recently enough for this payer',
    fixHint: "Check eligibility for the date of service (within the payer's eligibility check days).",
    source: "Payer setting: eligibility check days (the practice's policy for this payer)",
  },
  'INST-BILL-TYPE': {
    severity: 'error',
    title: 'Type of bill',
    fixHint: 'Use a NUBC type of bill: facility type, classification and frequency (e.g. 111, 131).',
    source: 'UB-04 FL4; 837I TR3 2300 CLM05-1 and CLM05-3',
  },
  'INST-ADMISSION': {
    severity: 'error',
    title: 'Admission data of an inpatient claim',
    fixHint: 'Enter the admission date, hour, type, point of origin and admitting diagnosis.',
    source: 'UB-04 FL12–15, FL69; 837I TR3 2300 DTP*435, CL1, HI*ABJ (required on inpatient claims)',
  },
  'INST-STATUS': {
    severity: 'error',
    title: 'Patient discharge status',
    fixHint: 'Enter the NUBC patient discharge status (01 home, 30 still a patient…).',
    source: 'UB-04 FL17; 837I TR3 2300 CL103',
  },
  'INST-REVENUE': {
    severity: 'error',
    title: 'Revenue code of a service line',
    fixHint:
      'Give every UB-04 line a four-digit revenue code; room and board (010X–021X) only on inpatient bills.',
    source: 'UB-04 FL42; 837I TR3 2400 SV201',
  },
  'INST-HCPCS': {
    severity: 'warning',
    title: 'Outpatient line without a HCPCS code',
    fixHint:
      'Outpatient facility lines need the HCPCS/CPT code of the service (OPPS) except packaged supplies and drugs.',
    source: 'Medicare Claims Processing Manual ch. 4 §20.1 (HCPCS on outpatient claims); 837I SV202',
  },
  'INST-ATTENDING': {
    severity: 'error',
    title: 'Attending provider',
    fixHint: "Set the attending physician (the encounter's rendering provider) with a valid NPI.",
    source: 'UB-04 FL76; 837I TR3 loop 2310A',
  },
  'INST-POA': {
    severity: 'error',
    title: 'Present-on-admission indicators',
    fixHint: 'Give every inpatient diagnosis Y, N, U or W; leave POA-exempt codes blank (or 1).',
    source: 'ICD-10-CM Official Guidelines Appendix I; UB-04 FL67; 837I HI0x-9',
  },
  'INST-PROCEDURE': {
    severity: 'error',
    title: 'ICD-10-PCS procedure',
    fixHint:
      'Use a valid ICD-10-PCS code dated within the stay; outpatient bills report HCPCS on the lines instead.',
    source: 'UB-04 FL74; 837I TR3 2300 HI*BBR/BBQ; ICD-10-PCS tables',
  },
  'INST-DATES': {
    severity: 'error',
    title: 'Statement and occurrence dates',
    fixHint:
      'Keep service, procedure and occurrence span dates inside the statement period, spans from before to.',
    source: 'UB-04 FL6, FL35–36; 837I TR3 DTP*434, HI*BI',
  },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;
