import type { Executor } from '../db/connection.ts';
import { visitDates } from '../encounters/index.ts';
import { coveragesByIds, coveragesInEffect, laterCoverages, patientById } from '../patients/index.ts';
import { payerById, payersByIds } from '../payers/index.ts';
import { facilityById, practiceById, providersByIds } from '../practices/index.ts';
import type { claim } from './tables.ts';

type ClaimRow = typeof claim.$inferSelect;

/** Everything a claim points at (billing provider, payer, coverage, patient, providers, facility, the visit's dates), loaded once. */
export async function loadClaimParties(db: Executor, row: ClaimRow) {
  const billing = await practiceById(db, row.practiceId);
  const payerRow = await payerById(db, row.payerId);
  const [cov] = await coveragesByIds(db, [row.coverageId]);
  const pt = await patientById(db, row.patientId);
  const operatingId = row.institutional?.operatingProviderId ?? null;
  const ids = [row.renderingProviderId, row.referringProviderId, operatingId].filter(
    (x): x is number => x !== null,
  );
  const providers = await providersByIds(db, ids);
  const fac = row.facilityId ? await facilityById(db, row.facilityId) : undefined;
  const priorPayers = await loadPriorPayers(db, row);
  const visit = await visitDates(db, row.encounterId);
  const laterPayers = cov && visit ? await loadLaterPayers(db, row, cov.priority, visit.from) : [];
  return {
    practice: billing,
    payer: payerRow,
    coverage: cov,
    patient: pt,
    rendering: providers.find((p) => p.id === row.renderingProviderId),
    referring: providers.find((p) => p.id === row.referringProviderId),
    operating: providers.find((p) => p.id === operatingId),
    facility: fac,
    /** The encounter's dates of service: the statement period of an institutional claim (UB-04 FL6). */
    statement: visit,
    /** The coverage and payer of each prior payer in claim.cob (loops 2320/2330), in its order. */
    priorPayers,
    /** The patient's coverages in effect billed after this claim's (loop 2320 with no adjudication). */
    laterPayers,
  };
}

/** The coverages (with their payers) the patient has after this claim's, on the date of service. */
async function loadLaterPayers(db: Executor, row: ClaimRow, priority: string, date: string) {
  const later = laterCoverages(await coveragesInEffect(db, row.patientId, date), priority);
  if (!later.length) return [];
  const payers = await payersByIds(
    db,
    later.map((c) => c.payerId),
  );
  return later.flatMap((coverage) => {
    const payer = payers.find((p) => p.id === coverage.payerId);
    return payer ? [{ coverage, payer }] : [];
  });
}

/** Each prior payer's coverage and payer, for the 2320 SBR and the 2330A/2330B names. */
async function loadPriorPayers(db: Executor, row: ClaimRow) {
  const priors = row.cob?.priorPayers ?? [];
  if (!priors.length) return [];
  const coverages = await coveragesByIds(
    db,
    priors.map((p) => p.coverageId),
  );
  const payers = await payersByIds(
    db,
    coverages.map((c) => c.payerId),
  );
  return priors.map((p) => {
    const coverage = coverages.find((c) => c.id === p.coverageId);
    const payer = coverage && payers.find((r) => r.id === coverage.payerId);
    if (!coverage || !payer)
      throw new Error(`claim ${row.id}: the coverage ${p.coverageId} of a prior payer is missing`);
    return { coverage, payer };
  });
}
export type ClaimParties = Awaited<ReturnType<typeof loadClaimParties>>;
