import type { Executor } from '../db/connection.ts';
import { groupBy } from '../shared/group-by.ts';
import { visitDates } from '../encounters/index.ts';
import {
  coveragesByIds,
  coveragesInEffectOn,
  coveragesOfPatients,
  laterCoverages,
  patientsByIds,
  type CoverageRow,
  type PatientRow,
} from '../patients/index.ts';
import { payersByIds, type PayerRow } from '../payers/index.ts';
import {
  facilityById,
  practiceById,
  providersByIds,
  type FacilityRow,
  type PracticeRow,
  type ProviderRow,
} from '../practices/index.ts';
import type { claim } from './tables.ts';

type ClaimRow = typeof claim.$inferSelect;

/** What a caller has read already for the claims it loads parties of (a chunk's secondary claims). */
export interface KnownParties {
  /** The visit's dates of service, by encounter id. */
  visits?: ReadonlyMap<number, { from: string; to: string }>;
  /** Every coverage of the claims' patients, by patient id (read once for the chunk). */
  coverages?: ReadonlyMap<number, CoverageRow[]>;
}

/** Everything a claim points at (billing provider, payer, coverage, patient, providers, facility, the visit's dates), loaded once. */
export async function loadClaimParties(db: Executor, row: ClaimRow) {
  return (await loadClaimPartiesOf(db, [row])).get(row.id)!;
}

const unique = <T>(xs: readonly T[]) => [...new Set(xs)];

/**
 * loadClaimParties for many claims in a few reads whatever their number (a posting chunk's secondary
 * claims): each kind of row is read once for all the claims, by id.
 */
export async function loadClaimPartiesOf(db: Executor, rows: readonly ClaimRow[], known: KnownParties = {}) {
  const practices = new Map<number, PracticeRow | undefined>();
  for (const id of unique(rows.map((r) => r.practiceId))) practices.set(id, await practiceById(db, id));
  const facilities = new Map<number, FacilityRow | undefined>();
  for (const id of unique(rows.flatMap((r) => (r.facilityId ? [r.facilityId] : []))))
    facilities.set(id, await facilityById(db, id));
  const patients = new Map<number, PatientRow>();
  for (const practiceId of practices.keys())
    for (const p of await patientsByIds(
      db,
      practiceId,
      unique(rows.filter((r) => r.practiceId === practiceId).map((r) => r.patientId)),
    ))
      patients.set(p.id, p);
  const patientIds = unique(rows.map((r) => r.patientId));
  const ofPatient = patientIds.every((id) => known.coverages?.has(id))
    ? new Map(patientIds.map((id) => [id, known.coverages!.get(id)!]))
    : groupBy(await coveragesOfPatients(db, patientIds), (c) => c.patientId);
  const priorIds = rows.flatMap((r) => (r.cob?.priorPayers ?? []).map((p) => p.coverageId));
  const byId = new Map([...ofPatient.values()].flat().map((c) => [c.id, c]));
  const missing = unique([...rows.map((r) => r.coverageId), ...priorIds]).filter((id) => !byId.has(id));
  for (const c of await coveragesByIds(db, missing)) byId.set(c.id, c);
  const payers = new Map(
    (
      await payersByIds(
        db,
        unique([...rows.map((r) => r.payerId), ...[...byId.values()].map((c) => c.payerId)]),
      )
    ).map((p) => [p.id, p]),
  );
  const providers = new Map(
    (
      await providersByIds(
        db,
        unique(
          rows.flatMap((r) =>
            [
              r.renderingProviderId,
              r.referringProviderId,
              r.institutional?.operatingProviderId ?? null,
            ].filter((x): x is number => x != null),
          ),
        ),
      )
    ).map((p) => [p.id, p]),
  );
  const visits = new Map(known.visits ?? []);
  for (const id of unique(rows.map((r) => r.encounterId)).filter((id) => !visits.has(id))) {
    const visit = await visitDates(db, id);
    if (visit) visits.set(id, visit);
  }

  const out = new Map<number, ClaimParties>();
  for (const row of rows) {
    const cov = byId.get(row.coverageId);
    const visit = visits.get(row.encounterId);
    const operatingId = row.institutional?.operatingProviderId ?? null;
    const priorPayers = (row.cob?.priorPayers ?? []).map((p) => {
      const coverage = byId.get(p.coverageId);
      const payer = coverage && payers.get(coverage.payerId);
      if (!coverage || !payer)
        throw new Error(`claim ${row.id}: the coverage ${p.coverageId} of a prior payer is missing`);
      return { coverage, payer };
    });
    // The coverages in effect billed after this claim's (loop 2320 with no adjudication).
    const later =
      cov && visit
        ? laterCoverages(coveragesInEffectOn(ofPatient.get(row.patientId) ?? [], visit.from), cov.priority)
        : [];
    out.set(row.id, {
      practice: practices.get(row.practiceId),
      payer: payers.get(row.payerId),
      coverage: cov,
      patient: patients.get(row.patientId),
      rendering: providers.get(row.renderingProviderId),
      referring: row.referringProviderId == null ? undefined : providers.get(row.referringProviderId),
      operating: operatingId == null ? undefined : providers.get(operatingId),
      facility: row.facilityId ? facilities.get(row.facilityId) : undefined,
      /** The encounter's dates of service: the statement period of an institutional claim (UB-04 FL6). */
      statement: visit,
      /** The coverage and payer of each prior payer in claim.cob (loops 2320/2330), in its order. */
      priorPayers,
      /** The patient's coverages in effect billed after this claim's (loop 2320 with no adjudication). */
      laterPayers: later.flatMap((coverage) => {
        const payer = payers.get(coverage.payerId);
        return payer ? [{ coverage, payer }] : [];
      }),
    });
  }
  return out;
}

export interface ClaimParties {
  practice: PracticeRow | undefined;
  payer: PayerRow | undefined;
  coverage: CoverageRow | undefined;
  patient: PatientRow | undefined;
  rendering: ProviderRow | undefined;
  referring: ProviderRow | undefined;
  operating: ProviderRow | undefined;
  facility: FacilityRow | undefined;
  statement: { from: string; to: string } | undefined;
  priorPayers: { coverage: CoverageRow; payer: PayerRow }[];
  laterPayers: { coverage: CoverageRow; payer: PayerRow }[];
}
