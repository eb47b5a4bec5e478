import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { feeScheduleEntry } from '../practices/tables.ts';
import { loadClaimParties } from './parties.ts';
import type { ScrubClaim } from '../scrubber/claim.ts';
import type { PayerRule, ScrubContext } from '../scrubber/context.ts';
import { duplicateKey } from '../scrubber/rules/duplicates.ts';
import { payerRule } from '../scrubber/tables.ts';
import { claim, claimLine } from './tables.ts';

type ClaimRow = typeof claim.$inferSelect;
type LineRow = typeof claimLine.$inferSelect;

const opt = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);
const SUBMITTED_STATES = ['submitted', 'accepted', 'paid', 'partially_paid', 'denied', 'appealed', 'closed'];

/** The claim as the scrubber reads it, from the claim and the master data it points at. */
export async function loadScrubClaim(db: Executor, row: ClaimRow, lines: LineRow[]): Promise<ScrubClaim> {
  const {
    practice: pr,
    payer: py,
    coverage: cov,
    patient: pt,
    rendering,
    referring,
    facility: fac,
  } = await loadClaimParties(db, row);
  const person = (p: typeof rendering) =>
    p && { name: `${p.lastName}, ${p.firstName}`, npi: p.npi, taxonomy: opt(p.taxonomy) };
  const patientAddress = pt && { line1: pt.address1, city: pt.city, state: pt.state, zip: pt.zip };
  const self = cov?.relationship === '18';
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
    renderingProvider: person(rendering),
    referringProvider: person(referring),
    facility: fac && { name: fac.name, npi: opt(fac.npi), placeOfService: fac.placeOfService },
    placeOfService: row.placeOfService,
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
    })),
  };
}

/** What the scrubber needs around one claim: fee schedule, payer rules, services already submitted. */
export async function loadScrubContext(
  db: Executor,
  row: ClaimRow,
  view: ScrubClaim,
  today: string,
  lookups: Pick<ScrubContext, 'codes' | 'ncci'>,
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
  return {
    today,
    ...lookups,
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
