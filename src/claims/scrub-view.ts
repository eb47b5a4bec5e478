import { and, eq, inArray, ne, or } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { lastEligibilityFor } from '../eligibility/index.ts';
import { payerById } from '../payers/index.ts';
import { feeScheduleOf } from '../practices/lookup.ts';
import { isInpatientBill } from '../shared/bill-types.ts';
import type { ScrubClaim } from '../scrubber/claim.ts';
import { scrubClaimFrom837 } from '../scrubber/from-837.ts';
import type { CodeChecker, PayerRule, ScrubContext } from '../scrubber/context.ts';
import type { NcciTables } from '../scrubber/index.ts';
import { duplicateKey } from '../scrubber/rules/duplicates.ts';
import { activePayerRules } from '../scrubber/index.ts';
import { loadClaimModel } from './model.ts';
import { SUBMITTED_STATES } from './states.ts';
import { claim, claimLine } from './tables.ts';

type ClaimRow = typeof claim.$inferSelect;
type LineRow = typeof claimLine.$inferSelect;

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

/**
 * The claim as the scrubber reads it: its 837 model (what the writer sends) read through the same
 * view as other systems' files, plus what an 837 does not carry but the rules use: the payer's
 * timely filing limit, the facility's own Place of Service and the stored line numbers.
 */
export async function loadScrubClaim(db: Executor, row: ClaimRow, lines: LineRow[]): Promise<ScrubClaim> {
  const sorted = [...lines].sort((a, b) => a.lineNumber - b.lineNumber);
  const { parties, model } = await loadClaimModel(db, row, sorted);
  const view = scrubClaimFrom837(model, row.type as ScrubClaim['type']);
  const timelyFilingDays = parties.payer?.timelyFilingDays;
  const facilityPos = view.facility && parties.facility?.placeOfService;
  return {
    ...view,
    payer: { ...view.payer, ...(timelyFilingDays != null ? { timelyFilingDays } : {}) },
    ...(facilityPos ? { facility: { ...view.facility, placeOfService: facilityPos } } : {}),
    lines: view.lines.map((l, i) => ({ ...l, lineNumber: sorted[i]!.lineNumber })),
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
  const feeSchedule = await feeScheduleOf(db, row.practiceId);
  const rules = await activePayerRules(db, row.practiceId, row.payerId);
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
        // The same visit billed to another payer is coordination of benefits (a secondary claim),
        // neither a duplicate nor an earlier procedure.
        or(ne(claim.encounterId, row.encounterId), eq(claim.payerId, row.payerId)),
        inArray(claim.state, [...SUBMITTED_STATES]),
      ),
    );
  const submittedServices = new Set(earlier.map(({ l }) => duplicateKey(view, l)));
  // The payer's last 271 for this coverage and the claim's first date of service: the scrubber judges that date by it.
  const dates = view.lines.map((l) => l.serviceDate).filter(Boolean);
  const last = await lastEligibilityFor(db, {
    practiceId: row.practiceId,
    patientId: row.patientId,
    payerId: row.payerId,
    coverageId: row.coverageId,
    ...(dates.length ? { dateOfService: dates.reduce((a, b) => (b < a ? b : a)) } : {}),
  });
  const maxAgeDays = (await payerById(db, row.payerId))?.eligibilityCheckDays ?? null;
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
    eligibility: last ? { last, maxAgeDays } : { maxAgeDays },
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
