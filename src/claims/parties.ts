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
  };
}
export type ClaimParties = Awaited<ReturnType<typeof loadClaimParties>>;
