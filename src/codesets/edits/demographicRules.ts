/**
 * Sex- and age-specific ICD-10-CM diagnosis categories, stated as data. Source: the CMS Medicare
 * Code Editor (MCE) edit categories "Diagnoses for females only", "Diagnoses for males only",
 * "Perinatal/newborn diagnoses" (age 0) and "Maternity diagnoses" (age 9-64, the range CMS
 * adopted in the FY2020 IPPS final rule), and the ICD-10-CM chapter/block titles that define
 * these ranges. The MCE publishes exact code lists; these are the category ranges only, so a
 * few codes inside a range may be exempt in the MCE list (verify against the MCE definitions
 * manual for the fiscal year before treating a hit as a denial). Ranges compare on the code
 * without the dot: a code falls in [first, last] when its first characters do.
 */
export interface DemographicRule {
  id: string;
  first: string;
  last: string;
  sex?: 'F' | 'M';
  minAge?: number;
  maxAge?: number;
  label: string;
  source: string;
}

const MCE_SEX = 'CMS MCE, Diagnoses for females/males only';
const MCE_NEWBORN = 'CMS MCE, Perinatal/newborn diagnoses (age 0)';
const MCE_MATERNITY = 'CMS MCE, Maternity diagnoses (age 9-64)';

export const DEMOGRAPHIC_RULES: readonly DemographicRule[] = [
  {
    id: 'female-pregnancy',
    first: 'O00',
    last: 'O9A',
    sex: 'F',
    label: 'Pregnancy, childbirth and the puerperium (O00-O9A)',
    source: MCE_SEX,
  },
  {
    id: 'female-gestation-weeks',
    first: 'Z3A',
    last: 'Z3A',
    sex: 'F',
    label: 'Weeks of gestation (Z3A)',
    source: MCE_SEX,
  },
  {
    id: 'female-pregnancy-encounters',
    first: 'Z33',
    last: 'Z37',
    sex: 'F',
    label: 'Pregnancy state, supervision, antenatal screening, outcome of delivery (Z33-Z37)',
    source: MCE_SEX,
  },
  {
    id: 'female-postpartum',
    first: 'Z39',
    last: 'Z39',
    sex: 'F',
    label: 'Maternal postpartum care (Z39)',
    source: MCE_SEX,
  },
  {
    id: 'female-genital-disease',
    first: 'N70',
    last: 'N98',
    sex: 'F',
    label: 'Diseases of female pelvic and genital organs (N70-N98)',
    source: MCE_SEX,
  },
  {
    id: 'female-genital-malignancy',
    first: 'C51',
    last: 'C58',
    sex: 'F',
    label: 'Malignant neoplasms of female genital organs (C51-C58)',
    source: MCE_SEX,
  },
  {
    id: 'female-genital-benign',
    first: 'D25',
    last: 'D28',
    sex: 'F',
    label: 'Benign neoplasms of uterus, ovary and other female genital organs (D25-D28)',
    source: MCE_SEX,
  },
  {
    id: 'male-genital-disease',
    first: 'N40',
    last: 'N53',
    sex: 'M',
    label: 'Diseases of male genital organs (N40-N53)',
    source: MCE_SEX,
  },
  {
    id: 'male-genital-malignancy',
    first: 'C60',
    last: 'C63',
    sex: 'M',
    label: 'Malignant neoplasms of male genital organs (C60-C63)',
    source: MCE_SEX,
  },
  {
    id: 'male-genital-benign',
    first: 'D29',
    last: 'D29',
    sex: 'M',
    label: 'Benign neoplasm of male genital organs (D29)',
    source: MCE_SEX,
  },
  {
    id: 'male-genital-uncertain',
    first: 'D40',
    last: 'D40',
    sex: 'M',
    label: 'Neoplasm of uncertain behavior of male genital organs (D40)',
    source: MCE_SEX,
  },
  {
    id: 'newborn-perinatal',
    first: 'P00',
    last: 'P96',
    minAge: 0,
    maxAge: 0,
    label: 'Certain conditions originating in the perinatal period (P00-P96)',
    source: MCE_NEWBORN,
  },
  {
    id: 'newborn-liveborn',
    first: 'Z38',
    last: 'Z38',
    minAge: 0,
    maxAge: 0,
    label: 'Liveborn infants according to place of birth (Z38)',
    source: MCE_NEWBORN,
  },
  {
    id: 'maternity-age',
    first: 'O00',
    last: 'O9A',
    minAge: 9,
    maxAge: 64,
    label: 'Maternity diagnoses (O00-O9A)',
    source: MCE_MATERNITY,
  },
  {
    id: 'maternity-age-z3a',
    first: 'Z3A',
    last: 'Z3A',
    minAge: 9,
    maxAge: 64,
    label: 'Weeks of gestation (Z3A)',
    source: MCE_MATERNITY,
  },
];

/** Pure: the rules whose range holds the code (no dot). */
export function rulesFor(
  code: string,
  rules: readonly DemographicRule[] = DEMOGRAPHIC_RULES,
): DemographicRule[] {
  return rules.filter(
    (r) => code.slice(0, r.first.length) >= r.first && code.slice(0, r.last.length) <= r.last,
  );
}
