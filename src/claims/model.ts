// The one claim model: a stored claim read into the typed 837 (loop 2000A–2400). The scrubber
// checks it (through the same view `cleanclaim scrub FILE` uses), the 837P/837I writer writes it
// and the CMS-1500 / UB-04 print it, so what is checked is what is sent and printed.
import type { Executor } from '../db/connection.ts';
import type { ProfessionalClaim } from '../x12/transactions/837-types.ts';
import { loadClaimParties, type ClaimParties } from './parties.ts';
import type { claim, claimLine } from './tables.ts';
import { claimTo837 } from './to-837.ts';

type ClaimRow = typeof claim.$inferSelect;
type LineRow = typeof claimLine.$inferSelect;

/** The claim's 837 model: 837I for institutional claims, 837P otherwise. */
export function claimModelOf(row: ClaimRow, lines: LineRow[], parties: ClaimParties): ProfessionalClaim {
  return withLineControlNumbers(claimTo837(row, lines, parties), lines);
}

/**
 * REF*6R Line Item Control Number (2400) = the claim line's id, so the payer echoes it in the 835
 * (2110 REF*6R) and the remittance matches the line exactly, whatever it did to the code.
 */
function withLineControlNumbers(model: ProfessionalClaim, lines: LineRow[]): ProfessionalClaim {
  const ordered = [...lines].sort((a, b) => a.lineNumber - b.lineNumber);
  const serviceLines = model.claim.serviceLines.map((l, i) =>
    ordered[i] ? { ...l, lineControlNumber: String(ordered[i].id) } : l,
  );
  return { ...model, claim: { ...model.claim, serviceLines } };
}

/**
 * What the paper forms show and the 837 does not carry, read from the same rows as the model:
 * phones, the patient's middle name (our 837 sends no NM105), the plan name and credentials.
 */
export interface ClaimPrintDetails {
  patientMiddleName: string | null;
  patientPhone: string | null;
  /** CMS-1500 item 33 / UB-04 FL1 line 4. */
  billingProviderPhone: string | null;
  /** CMS-1500 item 11c. */
  planName: string | null;
  /** CMS-1500 items 17 and 31, after the name. */
  renderingCredentials: string | null;
  referringCredentials: string | null;
}

export function claimPrintDetailsOf(parties: ClaimParties): ClaimPrintDetails {
  return {
    patientMiddleName: parties.patient?.middleName ?? null,
    patientPhone: parties.patient?.phone ?? null,
    billingProviderPhone: parties.practice?.phone ?? null,
    planName: parties.coverage?.planName ?? null,
    renderingCredentials: parties.rendering?.credentials ?? null,
    referringCredentials: parties.referring?.credentials ?? null,
  };
}

/** The claim as the forms print it: the 837 model and its print-only details. */
export interface PrintableClaim {
  model: ProfessionalClaim;
  print: ClaimPrintDetails;
}

/** Loads what the claim points at and builds its model (and what only the forms print). */
export async function loadClaimModel(db: Executor, row: ClaimRow, lines: LineRow[]) {
  const parties = await loadClaimParties(db, row);
  return {
    parties,
    model: claimModelOf(row, lines, parties),
    print: claimPrintDetailsOf(parties),
  };
}
