// The one claim model: a stored claim read into the typed 837 (loop 2000A–2400). The scrubber
// checks it (through the same view `cleanclaim scrub FILE` uses), the 837P/837I writer writes it
// and the CMS-1500 / UB-04 print it, so what is checked is what is sent and printed.
import type { Executor } from '../db/connection.ts';
import type { ProfessionalClaim } from '../x12/transactions/837-types.ts';
import { loadClaimParties, type ClaimParties } from './parties.ts';
import type { claim, claimLine } from './tables.ts';
import { professionalClaimOf } from './to-837.ts';
import { institutionalClaimOf } from './to-837i.ts';

type ClaimRow = typeof claim.$inferSelect;
type LineRow = typeof claimLine.$inferSelect;

/** The claim's 837 model: 837I for institutional claims, 837P otherwise. */
export function claimModelOf(row: ClaimRow, lines: LineRow[], parties: ClaimParties): ProfessionalClaim {
  return row.type === 'institutional'
    ? institutionalClaimOf(row, lines, parties)
    : professionalClaimOf(row, lines, parties);
}

/** Loads what the claim points at and builds its model. */
export async function loadClaimModel(db: Executor, row: ClaimRow, lines: LineRow[]) {
  const parties = await loadClaimParties(db, row);
  return { parties, model: claimModelOf(row, lines, parties) };
}
