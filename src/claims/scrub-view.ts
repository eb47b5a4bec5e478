import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { feeScheduleEntry } from '../practices/tables.ts';
import { loadClaimParties } from './parties.ts';
import { isInpatientBill } from '../shared/bill-types.ts';
import type { ScrubClaim, ScrubInstitutional } from '../scrubber/claim.ts';
import type { CodeChecker, PayerRule, ScrubContext } from '../scrubber/context.ts';
import type { NcciTables } from '../scrubber/ncci-store.ts';
import { duplicateKey } from '../scrubber/rules/duplicates.ts';
import { payerRule } from '../scrubber/tables.ts';
import { claim, claimLine } from './tables.ts';

type ClaimRow = typeof claim.$inferSelect;
type LineRow = typeof claimLine.$inferSelect;

const opt = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

/** What the scrubber looks codes up in: the imported code sets and NCCI tables of every setting. */
export interface ClaimLookups {
  codes?: CodeChecker;
  ncci?: NcciTables;
}

/**
 * NCCI edits for the claim's setting: practitioner tables for professional claims, outpatient
 * hospital tables for facility outpatient bills; NCCI does not apply to inpatient stays.
 */
function ncciFor(row: ClaimRow, ncci: NcciTables | undefined): ScrubContext['ncci'] {
  if (!ncci) return undefined;
  if (row.type !== 'institutional') return ncci.practitioner;
  return row.institutional && isInpatientBill(row.institutional.billType) ? undefined : ncci.outpatient;
}

function institutionalView(
  row: ClaimRow,
  parties: Awaited<ReturnType<typeof loadClaimParties>>,
  attending: ScrubInstitutional['attendingProvider'],
): ScrubInstitutional | undefined {
  const inst = row.institutional;
  if (row.type !== 'institutional' || !inst) return undefined;
  return {
    // The claim's frequency code wins over the bill type's own last digit (corrections, voids).
    billType: `${inst.billType.slice(0, 2)}${row.frequencyCode}`,
    statementFrom: parties.statement?.from,
    statementTo: parties.statement?.to,
    admissionDate: opt(inst.admissionDate),
    admissionHour: opt(inst.admissionHour),
    admissionType: opt(inst.admissionType),
    admissionSource: opt(inst.admissionSource),
    patientStatus: inst.patientStatus,
    admittingDiagnosis: opt(inst.admittingDiagnosis),
    presentOnAdmission: inst.presentOnAdmission ?? [],
    procedures: inst.procedures ?? [],
    occurrenceSpans: inst.occurrenceSpans ?? [],
    attendingProvider: attending,
  };
}
const SUBMITTED_STATES = ['submitted', 'accepted', 'paid', 'partially_paid', 'denied', 'appealed', 'closed'];

/** The claim as the scrubber reads it, from the claim and the master data it points at. */
export async function loadScrubClaim(db: Executor, row: ClaimRow, lines: LineRow[]): Promise<ScrubClaim> {
  const parties = await loadClaimParties(db, row);
  const {
    practice: pr,
    payer: py,
    coverage: cov,
    patient: pt,
    rendering,
    referring,
    facility: fac,
  } = parties;
  const person = (p: typeof rendering) =>
    p && { name: `${p.lastName}, ${p.firstName}`, npi: p.npi, taxonomy: opt(p.taxonomy) };
  const patientAddress = pt && { line1: pt.address1, city: pt.city, state: pt.state, zip: pt.zip };
  const self = cov?.relationship === '18';
  const institutional = institutionalView(row, parties, person(rendering));
  return {
    claimId: row.patientControlNumber,
    type: row.type as ScrubClaim['type'],
    frequencyCode: row.frequencyCode,
    payerClaimNumber: opt(row.payerClaimNumber),
    billingProvider: {
      name: pr?.name,
      npi: pr?.npi,
      taxId: pr?.tin,
      taxonomy: pr?.taxonomy,
      address: pr && { line1: pr.address1, city: pr.city, state: pr.state, zip: pr.zip },
    },
    payer: {
      name: py?.name,
      payerId: py?.payerId,
      claimFilingIndicator: py?.claimFilingIndicator,
      timelyFilingDays: py?.timelyFilingDays,
    },
    subscriber: {
      memberId: cov?.memberId,
      lastName: cov?.subscriberLastName,
      firstName: cov?.subscriberFirstName,
      dateOfBirth: self ? pt?.dateOfBirth : opt(cov?.subscriberDateOfBirth),
      sex: self ? pt?.sex : opt(cov?.subscriberSex),
      ...(self ? { address: patientAddress } : {}),
    },
    patient: {
      relationship: cov?.relationship,
      lastName: pt?.lastName,
      firstName: pt?.firstName,
      dateOfBirth: pt?.dateOfBirth,
      sex: pt?.sex,
      address: patientAddress,
    },
    // On a UB-04 the encounter's rendering provider is the attending physician (FL76).
    renderingProvider: institutional ? undefined : person(rendering),
    referringProvider: person(referring),
    ...(institutional
      ? { institutional }
      : {
          facility: fac && { name: fac.name, npi: opt(fac.npi), placeOfService: fac.placeOfService },
          placeOfService: row.placeOfService,
        }),
    priorAuthorization: opt(row.priorAuthorization),
    diagnoses: row.diagnoses,
    lines: lines.map((l) => ({
      lineNumber: l.lineNumber,
      procedureCode: l.procedureCode,
      modifiers: l.modifiers,
      units: Number(l.units),
      chargeCents: l.chargeCents,
      diagnosisPointers: l.diagnosisPointers,
      serviceDate: l.serviceDate,
      ...(l.placeOfService ? { placeOfService: l.placeOfService } : {}),
      ...(l.revenueCode ? { revenueCode: l.revenueCode } : {}),
    })),
  };
}

/** What the scrubber needs around one claim: fee schedule, payer rules, services already submitted. */
export async function loadScrubContext(
  db: Executor,
  row: ClaimRow,
  view: ScrubClaim,
  today: string,
  lookups: ClaimLookups,
): Promise<ScrubContext> {
  const feeSchedule = await db
    .select()
    .from(feeScheduleEntry)
    .where(eq(feeScheduleEntry.practiceId, row.practiceId));
  const rules = await db
    .select()
    .from(payerRule)
    .where(
      and(
        eq(payerRule.practiceId, row.practiceId),
        eq(payerRule.payerId, row.payerId),
        eq(payerRule.active, true),
      ),
    );
  const earlier = await db
    .select({ c: claim, l: claimLine })
    .from(claim)
    .innerJoin(claimLine, eq(claimLine.claimId, claim.id))
    .where(
      and(
        eq(claim.practiceId, row.practiceId),
        eq(claim.patientId, row.patientId),
        ne(claim.id, row.id),
        eq(claim.renderingProviderId, row.renderingProviderId),
        inArray(claim.state, SUBMITTED_STATES),
      ),
    );
  const submittedServices = new Set(earlier.map(({ l }) => duplicateKey(view, l)));
  const globalDays = row.type === 'professional' ? lookups.ncci?.practitioner.globalDays : undefined;
  const ncci = ncciFor(row, lookups.ncci);
  return {
    today,
    ...(lookups.codes ? { codes: lookups.codes } : {}),
    ...(ncci ? { ncci: { ptp: ncci.ptp, mue: ncci.mue } } : {}),
    ...(globalDays
      ? {
          globalDays,
          priorProcedures: earlier.map(({ l }) => ({
            procedureCode: l.procedureCode,
            serviceDate: l.serviceDate,
            modifiers: l.modifiers,
          })),
        }
      : {}),
    feeSchedule,
    submittedServices,
    payerRules: rules.map(
      (r) =>
        ({
          kind: r.kind,
          payerId: view.payer.payerId ?? '',
          procedureCodes: r.procedureCodes,
          ...(r.note ? { note: r.note } : {}),
        }) as PayerRule,
    ),
  };
}
