import { dottedCm } from '../../codesets/icd10cm/code.ts';
import { DIAGNOSIS_LETTERS, HEADER_FIELDS, SERVICE_LINES_PER_PAGE, type HeaderKey } from './layout.ts';
import { insuranceTypeBox, relationshipBox } from './codes.ts';
import {
  cityStateZip,
  dateParts,
  firstLastName,
  lastFirstName,
  phoneParts,
  shortDate,
  splitCents,
  street,
  upper,
} from './format.ts';
import { cms1500Problem, type Cms1500Problem } from './problems.ts';
import { serviceLineValues, type ServiceLineValues } from './service-lines.ts';
import type { Cms1500Address, Cms1500Input } from './types.ts';

export type HeaderValues = Partial<Record<HeaderKey, string>>;

export interface Cms1500Page {
  pageNumber: number;
  pageCount: number;
  header: HeaderValues;
  /** at most six, in item 24 order */
  serviceLines: ServiceLineValues[];
}

export interface Cms1500Fields {
  pages: Cms1500Page[];
  problems: Cms1500Problem[];
}

const SIGNATURE_ON_FILE = 'SIGNATURE ON FILE';

/**
 * The box values of a professional claim on the 1500 (02/12) form, page by page.
 * A claim with more than six service lines continues on further forms: every page repeats
 * the claim-level items, item 28 holds CONTINUED on all but the last page and the total
 * charge of the whole claim on the last (multi-page instructions of payers such as HMSA and
 * TMHP; the NUCC manual leaves multi-page claims to the payer).
 */
export function cms1500Fields(input: Cms1500Input): Cms1500Fields {
  const problems: Cms1500Problem[] = [];
  const header = headerValues(input, problems);
  const lines = input.claim.lines.map((l, i) => serviceLineValues(input, l, i + 1, problems));
  const pageCount = Math.max(1, Math.ceil(lines.length / SERVICE_LINES_PER_PAGE));
  const total = splitCents(input.claim.lines.reduce((sum, l) => sum + l.chargeCents, 0));
  const paid = input.claim.amountPaidCents ? splitCents(input.claim.amountPaidCents) : undefined;
  const pages: Cms1500Page[] = [];
  for (let p = 0; p < pageCount; p++) {
    const last = p === pageCount - 1;
    const page: HeaderValues = { ...header };
    if (pageCount > 1) page.page = `PAGE ${p + 1} OF ${pageCount}`;
    if (last) {
      page['28.dollars'] = total.dollars;
      page['28.cents'] = total.cents;
      if (paid) {
        page['29.dollars'] = paid.dollars;
        page['29.cents'] = paid.cents;
      }
    } else {
      page['28.continued'] = 'CONTINUED';
    }
    const serviceLines = lines.slice(p * SERVICE_LINES_PER_PAGE, (p + 1) * SERVICE_LINES_PER_PAGE);
    pages.push({ pageNumber: p + 1, pageCount, header: page, serviceLines });
  }
  return { pages, problems };
}

function headerValues(input: Cms1500Input, problems: Cms1500Problem[]): HeaderValues {
  const v: HeaderValues = {
    ...carrier(input),
    ...patientAndInsured(input),
    ...otherInsurance(input),
    ...diagnoses(input, problems),
    ...providers(input),
  };
  for (const [key, text] of Object.entries(v) as [HeaderKey, string][]) {
    const f = HEADER_FIELDS[key];
    if (text.length > f.maxChars) {
      problems.push(
        cms1500Problem('FIELD_TRUNCATED', f.box, `${f.name} "${text}" is over ${f.maxChars} characters.`),
      );
    }
  }
  return v;
}

function carrier({ payer }: Cms1500Input): HeaderValues {
  const v: HeaderValues = { 'carrier.name': upper(payer.name) };
  if (payer.address) {
    v['carrier.street'] = upper(payer.address.line1);
    if (payer.address.line2) v['carrier.street2'] = upper(payer.address.line2);
    v['carrier.cityStateZip'] = cityStateZip(payer.address);
  }
  return v;
}

function patientAndInsured({ payer, patient, insured }: Cms1500Input): HeaderValues {
  const dob = dateParts(patient.dateOfBirth);
  const v: HeaderValues = {
    [insuranceTypeBox(payer.claimFilingIndicator)]: 'X',
    '1a': upper(insured.memberId),
    '2': lastFirstName(patient),
    '3.mm': dob.mm,
    '3.dd': dob.dd,
    '3.yyyy': dob.yyyy,
    '4': lastFirstName(insured),
    [relationshipBox(insured.relationship)]: 'X',
    ...address('5', patient.address, patient.phone),
    ...address(
      '7',
      insured.address ?? (insured.relationship === '18' ? patient.address : null),
      insured.phone,
    ),
    '12': SIGNATURE_ON_FILE,
    '13': SIGNATURE_ON_FILE,
  };
  if (patient.sex === 'M') v['3.sexM'] = 'X';
  if (patient.sex === 'F') v['3.sexF'] = 'X';
  // Item 11: Medicare wants NONE when no insurance is primary to Medicare (CMS IOM 100-04 ch. 26, item 11).
  const group = insured.groupNumber ?? (payer.claimFilingIndicator === 'MB' ? 'NONE' : null);
  if (group) v['11'] = upper(group);
  if (insured.dateOfBirth) {
    const d = dateParts(insured.dateOfBirth);
    Object.assign(v, { '11a.mm': d.mm, '11a.dd': d.dd, '11a.yyyy': d.yyyy });
  }
  if (insured.sex === 'M') v['11a.sexM'] = 'X';
  if (insured.sex === 'F') v['11a.sexF'] = 'X';
  if (insured.planName) v['11c'] = upper(insured.planName);
  return v;
}

/** Items 9, 9a, 9d and 11d: the other plan (NUCC: complete 9–9d when 11d is YES). */
function otherInsurance({ otherInsured: o }: Cms1500Input): HeaderValues {
  if (!o) return {};
  return {
    '9': lastFirstName(o),
    '9a': upper(o.policyOrGroupNumber),
    '9d': upper(o.planName),
    '11d.yes': 'X',
  };
}

function address(box: '5' | '7', a: Cms1500Address | null | undefined, phone?: string | null): HeaderValues {
  if (!a) return {};
  const v: HeaderValues = {
    [`${box}.street`]: street(a),
    [`${box}.city`]: upper(a.city),
    [`${box}.state`]: upper(a.state),
    [`${box}.zip`]: a.zip,
  };
  const tel = phoneParts(phone);
  if (tel) Object.assign(v, { [`${box}.phoneArea`]: tel.area, [`${box}.phone`]: tel.number });
  return v;
}

function diagnoses({ claim }: Cms1500Input, problems: Cms1500Problem[]): HeaderValues {
  // Item 21: indicator 0 = ICD-10-CM; codes A-L with the dot; item 22 only on a replacement or void.
  const v: HeaderValues = { '21.indicator': '0' };
  claim.diagnoses.slice(0, 12).forEach((code, i) => (v[`21.${DIAGNOSIS_LETTERS[i]!}`] = dottedCm(code)));
  if (claim.diagnoses.length > 12) {
    problems.push(
      cms1500Problem('TOO_MANY_DIAGNOSES', '21', `The claim has ${claim.diagnoses.length} diagnoses.`),
    );
  }
  if (claim.frequencyCode === '7' || claim.frequencyCode === '8') {
    v['22.code'] = claim.frequencyCode;
    if (claim.originalReferenceNumber) v['22.originalRef'] = upper(claim.originalReferenceNumber);
  }
  if (claim.priorAuthorization) v['23'] = upper(claim.priorAuthorization);
  return v;
}

function providers(input: Cms1500Input): HeaderValues {
  const { billingProvider: bp, referringProvider: ref, facility, claim } = input;
  const v: HeaderValues = {
    '25': bp.taxId.replace(/\D/g, ''),
    [bp.taxIdType === 'SSN' ? '25.ssn' : '25.ein']: 'X',
    '26': claim.patientControlNumber,
    [claim.acceptAssignment === false ? '27.no' : '27.yes']: 'X',
    '31': SIGNATURE_ON_FILE,
    '31.date': shortDate(claim.signedOn),
    '33.name': upper(bp.name),
    '33.street': street(bp.address),
    '33.cityStateZip': cityStateZip(bp.address),
    '33a': bp.npi,
  };
  const tel = phoneParts(bp.phone);
  if (tel)
    Object.assign(v, {
      '33.phoneArea': tel.area,
      '33.phone': `${tel.number.slice(0, 3)}-${tel.number.slice(3)}`,
    });
  if (ref) Object.assign(v, { '17.qualifier': 'DN', '17.name': firstLastName(ref), '17b': ref.npi });
  if (facility) {
    Object.assign(v, {
      '32.name': upper(facility.name),
      '32.street': street(facility.address),
      '32.cityStateZip': cityStateZip(facility.address),
    });
    if (facility.npi) v['32a'] = facility.npi;
  }
  return v;
}
