import { and, between, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { isAnyOf } from '../db/raw.ts';
import { lastEligibilitiesFor } from '../eligibility/index.ts';
import { payersByIds } from '../payers/index.ts';
import { feeScheduleOf } from '../practices/lookup.ts';
import { isInpatientBill } from '../shared/bill-types.ts';
import { addDays } from '../shared/dates.ts';
import type { ScrubClaim } from '../scrubber/claim.ts';
import { scrubClaimFrom837 } from '../scrubber/from-837.ts';
import type { CodeChecker, PayerRule, ScrubContext } from '../scrubber/context.ts';
import type { NcciTables } from '../scrubber/index.ts';
import { duplicateKey } from '../scrubber/rules/duplicates.ts';
import { activePayerRulesOf } from '../scrubber/index.ts';
import { claimModelOf } from './model.ts';
import { loadClaimParties, type ClaimParties } from './parties.ts';
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
  return scrubClaimOf(row, lines, await loadClaimParties(db, row));
}

/** loadScrubClaim of a claim whose parties are read (for many claims at once: loadClaimPartiesOf). */
export function scrubClaimOf(row: ClaimRow, lines: LineRow[], parties: ClaimParties): ScrubClaim {
  const sorted = [...lines].sort((a, b) => a.lineNumber - b.lineNumber);
  const model = claimModelOf(row, sorted, parties);
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
  const [context] = await loadScrubContexts(db, [{ row, view }], today, lookups);
  return context!;
}

/**
 * loadScrubContext for many claims: the fee schedule, payer rules and payers read once each, the
 * patients' submitted claims in one read, the last 271s in another.
 */
export async function loadScrubContexts(
  db: Executor,
  claims: readonly { row: ClaimRow; view: ScrubClaim }[],
  today: string,
  lookups: ClaimLookups,
): Promise<ScrubContext[]> {
  const rows = claims.map((c) => c.row);
  const feeSchedules = new Map<number, Awaited<ReturnType<typeof feeScheduleOf>>>();
  for (const id of new Set(rows.map((r) => r.practiceId))) feeSchedules.set(id, await feeScheduleOf(db, id));
  const rulesOf = await activePayerRulesOf(db, rows);
  const payers = new Map(
    (await payersByIds(db, [...new Set(rows.map((r) => r.payerId))])).map((p) => [p.id, p]),
  );
  // Only lines a rule can look at: the duplicate test compares the same date of service, the
  // global period reaches back at most its longest days from the earliest date here.
  const dates = claims.flatMap(({ view }) => view.lines.map((l) => l.serviceDate).filter(Boolean)).sort();
  const globalDays = lookups.ncci?.practitioner.globalDays;
  let reach = 0;
  for (const days of globalDays?.values() ?? []) reach = Math.max(reach, days);
  const submitted = rows.length
    ? await db
        // only what the sift and the duplicate key read: a patient may have hundreds of lines.
        // One level of fields: on a join, drizzle checks every value of a nested selection for a null table
        .select({
          id: claim.id,
          practiceId: claim.practiceId,
          patientId: claim.patientId,
          renderingProviderId: claim.renderingProviderId,
          encounterId: claim.encounterId,
          payerId: claim.payerId,
          serviceDate: claimLine.serviceDate,
          procedureCode: claimLine.procedureCode,
          modifiers: claimLine.modifiers,
        })
        .from(claim)
        .innerJoin(claimLine, eq(claimLine.claimId, claim.id))
        .where(
          and(
            inArray(claim.practiceId, [...new Set(rows.map((r) => r.practiceId))]),
            isAnyOf(claim.patientId, [...new Set(rows.map((r) => r.patientId))]),
            inArray(claim.state, [...SUBMITTED_STATES]),
            dates.length
              ? between(claimLine.serviceDate, addDays(dates[0]!, -reach), dates.at(-1)!)
              : undefined,
          ),
        )
    : [];
  // The payer's last 271 for each claim's coverage and first date of service: the scrubber judges that date by it.
  const lastChecks = await lastEligibilitiesFor(
    db,
    claims.map(({ row, view }) => {
      const dates = view.lines.map((l) => l.serviceDate).filter(Boolean);
      return {
        practiceId: row.practiceId,
        patientId: row.patientId,
        payerId: row.payerId,
        coverageId: row.coverageId,
        ...(dates.length ? { dateOfService: dates.reduce((a, b) => (b < a ? b : a)) } : {}),
      };
    }),
  );
  const out: ScrubContext[] = [];
  for (const [n, { row, view }] of claims.entries()) {
    const earlier = submitted.filter(
      (c) =>
        c.practiceId === row.practiceId &&
        c.patientId === row.patientId &&
        c.id !== row.id &&
        c.renderingProviderId === row.renderingProviderId &&
        // The same visit billed to another payer is coordination of benefits (a secondary claim),
        // neither a duplicate nor an earlier procedure.
        (c.encounterId !== row.encounterId || c.payerId === row.payerId),
    );
    const submittedServices = new Set(earlier.map((l) => duplicateKey(view, l)));
    const last = lastChecks[n];
    const maxAgeDays = payers.get(row.payerId)?.eligibilityCheckDays ?? null;
    const globalDays = row.type === 'professional' ? lookups.ncci?.practitioner.globalDays : undefined;
    const ncci = ncciFor(row, lookups.ncci);
    out.push({
      today,
      ...(lookups.codes ? { codes: lookups.codes } : {}),
      ...(ncci ? { ncci: { ptp: ncci.ptp, mue: ncci.mue } } : {}),
      ...(globalDays
        ? {
            globalDays,
            priorProcedures: earlier.map((l) => ({
              procedureCode: l.procedureCode,
              serviceDate: l.serviceDate,
              modifiers: l.modifiers,
            })),
          }
        : {}),
      feeSchedule: feeSchedules.get(row.practiceId)!,
      submittedServices,
      eligibility: last ? { last, maxAgeDays } : { maxAgeDays },
      payerRules: rulesOf.get(`${row.practiceId}:${row.payerId}`)!.map(
        (r) =>
          ({
            kind: r.kind,
            payerId: view.payer.payerId ?? '',
            procedureCodes: r.procedureCodes,
            ...(r.note ? { note: r.note } : {}),
          }) as PayerRule,
      ),
    });
  }
  return out;
}
