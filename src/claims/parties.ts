import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { encounter } from '../encounters/tables.ts';
import { coverage, patient } from '../patients/tables.ts';
import { payer } from '../payers/tables.ts';
import { facility, practice, provider } from '../practices/tables.ts';
import type { claim } from './tables.ts';

type ClaimRow = typeof claim.$inferSelect;

/** Everything a claim points at (billing provider, payer, coverage, patient, providers, facility, the visit's dates), loaded once. */
export async function loadClaimParties(db: Executor, row: ClaimRow) {
  const [billing] = await db.select().from(practice).where(eq(practice.id, row.practiceId));
  const [payerRow] = await db.select().from(payer).where(eq(payer.id, row.payerId));
  const [cov] = await db.select().from(coverage).where(eq(coverage.id, row.coverageId));
  const [pt] = await db.select().from(patient).where(eq(patient.id, row.patientId));
  const operatingId = row.institutional?.operatingProviderId ?? null;
  const ids = [row.renderingProviderId, row.referringProviderId, operatingId].filter(
    (x): x is number => x !== null,
  );
  const providers = await db.select().from(provider).where(inArray(provider.id, ids));
  const [fac] = row.facilityId ? await db.select().from(facility).where(eq(facility.id, row.facilityId)) : [];
  const priorPayers = await loadPriorPayers(db, row);
  const [visit] = await db
    .select({ from: encounter.serviceDateFrom, to: encounter.serviceDateTo })
    .from(encounter)
    .where(eq(encounter.id, row.encounterId));
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
  };
}

/** Each prior payer's coverage and payer, for the 2320 SBR and the 2330A/2330B names. */
async function loadPriorPayers(db: Executor, row: ClaimRow) {
  const priors = row.cob?.priorPayers ?? [];
  if (!priors.length) return [];
  const ids = priors.map((p) => p.coverageId);
  const rows = await db
    .select({ coverage, payer })
    .from(coverage)
    .innerJoin(payer, eq(payer.id, coverage.payerId))
    .where(inArray(coverage.id, ids));
  return priors.map((p) => {
    const found = rows.find((r) => r.coverage.id === p.coverageId);
    if (!found) throw new Error(`claim ${row.id}: the coverage ${p.coverageId} of a prior payer is missing`);
    return found;
  });
}
export type ClaimParties = Awaited<ReturnType<typeof loadClaimParties>>;
