// The one mapping of a stored claim into the 837: professional (837P) and institutional (837I)
// share the parties, subscriber, diagnoses, COB loops and a line's common parts; what the guides
// do differently is in the two small branches at the end.
import type { ClaimDate, HealthCareCode } from '../x12/transactions/837-claim-types.ts';
import type { Address, ProfessionalClaim, Provider, ServiceLine } from '../x12/transactions/837-types.ts';
import type { InstitutionalData } from '../encounters/institutional.ts';
import { normalizeCode } from '../codesets/icd10cm/code.ts';
import type { ClaimParties } from './parties.ts';
import { lineAdjudicationsOf, otherPayersOf } from './to-837-cob.ts';
import type { claim, claimLine } from './tables.ts';

type ClaimRow = typeof claim.$inferSelect;
type LineRow = typeof claimLine.$inferSelect;

const address = (a: {
  address1: string;
  address2: string | null;
  city: string;
  state: string;
  zip: string;
}): Address => ({
  line1: a.address1,
  ...(a.address2 ? { line2: a.address2 } : {}),
  city: a.city,
  state: a.state,
  postalCode: a.zip,
});

/**
 * Loop 2410 Drug Identification of a line with an NDC: LIN*N4 and the 11-digit code, CTP04 the
 * quantity and CTP05-1 its unit (837P/837I TR3 2410: required when the payer requires NDCs).
 */
export function drugLoopOf(l: LineRow): Pick<ServiceLine, 'drug'> {
  if (!l.ndc) return {};
  return {
    drug: {
      qualifier: 'N4',
      code: l.ndc,
      quantity: l.ndcQuantity === null ? '' : String(Number(l.ndcQuantity)),
      unit: l.ndcUnit ?? '',
    },
  };
}

/** A provider's NM1 (and PRV taxonomy where the loop has one: 2310B rendering, 2310A attending). */
export function person(p: ClaimParties['rendering'], withTaxonomy = true): Provider | undefined {
  return (
    p && {
      entityType: '1',
      lastOrOrganizationName: p.lastName,
      firstName: p.firstName,
      idQualifier: 'XX',
      id: p.npi,
      ...(withTaxonomy && p.taxonomy ? { taxonomyCode: p.taxonomy } : {}),
    }
  );
}

/**
 * A stored claim as the 837 carries it: the 837P TR3 (005010X222A1) for a professional claim, the
 * 837I (005010X223A2) for an institutional one; loops 2000A–2400. CLM06–09 are the practice
 * defaults (signature on file, assigned, benefits assigned, release signed).
 */
export function claimTo837(row: ClaimRow, lines: LineRow[], parties: ClaimParties): ProfessionalClaim {
  const { practice: pr, payer: py, coverage: cov, patient: pt } = parties;
  if (!pr || !py || !cov || !pt)
    throw new Error(`claim ${row.id}: its practice, payer, coverage or patient is missing`);
  const self = cov.relationship === '18';
  const sorted = [...lines].sort((a, b) => a.lineNumber - b.lineNumber);
  // What every line carries whichever guide: charge, units, date, loop 2410 and the prior payers' 2430.
  const lineOf = (l: LineRow) => ({
    chargeCents: l.chargeCents,
    unitType: 'UN',
    units: String(Number(l.units)),
    serviceDate: { from: l.serviceDate },
    ...drugLoopOf(l),
    ...adjudicationsOf(row, l, parties),
  });
  const base: ProfessionalClaim = {
    billingProvider: {
      entityType: '2',
      lastOrOrganizationName: pr.name,
      idQualifier: 'XX',
      id: pr.npi,
      address: address(pr),
      taxIdQualifier: 'EI',
      // REF02 carries the nine digits of the EIN, without the hyphen people write it with.
      taxId: pr.tin.replace(/\D/g, ''),
      taxonomyCode: pr.taxonomy,
      ...(pr.payToAddress1 && pr.payToCity && pr.payToState && pr.payToZip
        ? {
            payToAddress: {
              line1: pr.payToAddress1,
              city: pr.payToCity,
              state: pr.payToState,
              postalCode: pr.payToZip,
            },
          }
        : {}),
    },
    subscriber: {
      entityType: '1',
      payerResponsibility: row.payerResponsibility,
      // 2000B SBR02 is 18 (self) or absent; a dependent's relationship goes in PAT01 of 2000C.
      ...(self ? { relationship: '18' } : {}),
      ...(cov.groupNumber ? { groupNumber: cov.groupNumber } : {}),
      claimFilingIndicator: py.claimFilingIndicator,
      lastOrOrganizationName: cov.subscriberLastName,
      firstName: cov.subscriberFirstName,
      idQualifier: 'MI',
      id: cov.memberId,
      ...(self
        ? { address: address(pt), birthDate: pt.dateOfBirth, gender: pt.sex }
        : {
            ...(cov.subscriberDateOfBirth ? { birthDate: cov.subscriberDateOfBirth } : {}),
            ...(cov.subscriberSex ? { gender: cov.subscriberSex } : {}),
          }),
    },
    payer: {
      entityType: '2',
      lastOrOrganizationName: py.name,
      idQualifier: 'PI',
      id: py.payerId,
      // 2010BB N3/N4 (situational): sent when the payer's address is on file, and printed from here.
      ...(py.address1 && py.city && py.state && py.zip
        ? { address: address({ ...py, address1: py.address1, city: py.city, state: py.state, zip: py.zip }) }
        : {}),
    },
    ...(self
      ? {}
      : {
          patient: {
            entityType: '1',
            relationship: cov.relationship,
            lastOrOrganizationName: pt.lastName,
            firstName: pt.firstName,
            address: address(pt),
            birthDate: pt.dateOfBirth,
            gender: pt.sex,
          },
        }),
    claim: {
      patientControlNumber: row.patientControlNumber,
      totalChargeCents: row.totalChargeCents,
      placeOfService: row.placeOfService,
      frequencyCode: row.frequencyCode,
      providerSignature: true,
      assignment: 'A',
      benefitsAssigned: 'Y',
      releaseOfInformation: 'Y',
      dates: [],
      ...(row.priorAuthorization ? { priorAuthorization: row.priorAuthorization } : {}),
      ...(row.payerClaimNumber ? { payerClaimControlNumber: row.payerClaimNumber } : {}),
      diagnoses: row.diagnoses.map(normalizeCode),
      diagnosisCodeSet: 'ICD-10-CM',
      // 2310A (referring) has no PRV: its taxonomy is not sent, so the model does not hold it.
      ...(parties.referring ? { referringProvider: person(parties.referring, false)! } : {}),
      otherPayers: otherPayersOf(row.cob, parties),
      serviceLines: [],
    },
  };
  if (row.type === 'institutional') return institutionalBranch(row, sorted, parties, base, lineOf);
  return {
    ...base,
    claim: {
      ...base.claim,
      ...(parties.rendering ? { renderingProvider: person(parties.rendering)! } : {}),
      ...(parties.facility
        ? {
            serviceFacility: {
              entityType: '2',
              lastOrOrganizationName: parties.facility.name,
              ...(parties.facility.npi ? { idQualifier: 'XX', id: parties.facility.npi } : {}),
              address: address(parties.facility),
            },
          }
        : {}),
      serviceLines: sorted.map((l) => ({
        ...lineOf(l),
        procedure: { qualifier: 'HC', code: l.procedureCode, modifiers: l.modifiers },
        diagnosisPointers: l.diagnosisPointers,
        ...(l.placeOfService ? { placeOfService: l.placeOfService } : {}),
      })),
    },
  };
}

/** DTP uses of an 837I 2300: statement dates (434), admission date and hour (435), discharge hour (096). */
function institutionalDates(inst: InstitutionalData, statement: ClaimParties['statement']): ClaimDate[] {
  const dates: ClaimDate[] = [];
  if (statement) dates.push({ qualifier: '434', period: { from: statement.from, to: statement.to } });
  if (inst.admissionDate)
    dates.push({
      qualifier: '435',
      period: { from: inst.admissionDate },
      ...(inst.admissionHour ? { time: `${inst.admissionHour}00` } : {}),
    });
  if (inst.dischargeHour)
    dates.push({ qualifier: '096', period: { from: '' }, time: `${inst.dischargeHour}00` });
  return dates;
}

/** The HI codes of an 837I other than the diagnoses, in the TR3's segment order. */
function healthCareCodesOf(inst: InstitutionalData): HealthCareCode[] {
  const codes: HealthCareCode[] = [];
  if (inst.admittingDiagnosis) codes.push({ qualifier: 'ABJ', code: normalizeCode(inst.admittingDiagnosis) });
  for (const c of inst.reasonForVisit ?? []) codes.push({ qualifier: 'APR', code: normalizeCode(c) });
  for (const c of inst.externalCauses ?? []) codes.push({ qualifier: 'ABN', code: normalizeCode(c) });
  (inst.procedures ?? []).forEach((p, i) =>
    codes.push({ qualifier: i === 0 ? 'BBR' : 'BBQ', code: p.code, date: { from: p.date } }),
  );
  for (const s of inst.occurrenceSpans ?? [])
    codes.push({ qualifier: 'BI', code: s.code, date: { from: s.from, to: s.to } });
  for (const o of inst.occurrences ?? [])
    codes.push({ qualifier: 'BH', code: o.code, date: { from: o.date } });
  for (const v of inst.values ?? [])
    codes.push({ qualifier: 'BE', code: v.code, amountCents: v.amountCents });
  for (const c of inst.conditionCodes ?? []) codes.push({ qualifier: 'BG', code: c });
  return codes;
}

/**
 * The 837I's differences (005010X223A2): the type of bill (CLM05), CL1, statement and admission
 * dates, the institutional HI codes with POA, the attending (2310A) and operating (2310B)
 * physicians instead of rendering and facility, and SV2 lines by revenue code.
 */
function institutionalBranch(
  row: ClaimRow,
  sorted: LineRow[],
  parties: ClaimParties,
  base: ProfessionalClaim,
  lineOf: (l: LineRow) => Omit<ServiceLine, 'procedure' | 'diagnosisPointers'>,
): ProfessionalClaim {
  const inst = row.institutional;
  if (!inst) throw new Error(`claim ${row.id} is not institutional: it has no UB-04 data`);
  const poa = inst.presentOnAdmission ?? [];
  const operating = person(parties.operating);
  const attending = person(parties.rendering);
  const codes = healthCareCodesOf(inst);
  return {
    ...base,
    claim: {
      ...base.claim,
      // CLM05-1 is the facility type code: the type of bill without its frequency digit.
      placeOfService: inst.billType.slice(0, 2),
      providerSignature: false,
      dates: institutionalDates(inst, parties.statement),
      admission: {
        ...(inst.admissionType ? { typeCode: inst.admissionType } : {}),
        ...(inst.admissionSource ? { sourceCode: inst.admissionSource } : {}),
        patientStatusCode: inst.patientStatus,
      },
      ...(poa.some(Boolean)
        ? { diagnosisPresentOnAdmission: row.diagnoses.map((_, i) => poa[i] ?? '') }
        : {}),
      ...(codes.length ? { healthCareCodes: codes } : {}),
      ...(attending ? { attendingProvider: attending } : {}),
      ...(operating ? { operatingPhysician: operating } : {}),
      serviceLines: sorted.map((l) => ({
        ...lineOf(l),
        revenueCode: l.revenueCode ?? '',
        // A line billed by revenue code alone has no SV202, so no modifiers are sent either.
        procedure: { qualifier: 'HC', code: l.procedureCode, modifiers: l.procedureCode ? l.modifiers : [] },
        diagnosisPointers: [],
      })),
    },
  };
}

/** Loop 2430 of a line on a claim to a later payer: how each prior payer adjudicated it. */
export function adjudicationsOf(
  row: ClaimRow,
  l: LineRow,
  parties: ClaimParties,
): Pick<ServiceLine, 'adjudications'> {
  const type = row.type === 'institutional' ? 'institutional' : 'professional';
  const adjudications = lineAdjudicationsOf(row.cob, l, parties.priorPayers, type);
  return adjudications.length ? { adjudications } : {};
}
