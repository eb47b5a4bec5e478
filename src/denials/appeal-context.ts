// What an appeal letter is filled with, read through the other domains' exports: the claim and its
// lines, the patient and the member ID of the coverage billed, the practice, the rendering
// provider, the payer, the denial and its 835 (the payer's claim number and remittance date).
import { and, eq, inArray } from 'drizzle-orm';
import { claimForLetter, type ClaimForLetter } from '../claims/index.ts';
import type { Executor } from '../db/connection.ts';
import { coveragesByIds, patientById } from '../patients/index.ts';
import { payerById } from '../payers/index.ts';
import { practiceById, providerById } from '../practices/index.ts';
import { claimPaymentsOfClaim } from '../remits/index.ts';
import { notFound } from '../shared/problem.ts';
import type { AppealLetterInput } from './appeal-letter.ts';
import { carcTexts } from './carc.ts';
import { denial, remarkCode } from './tables.ts';

export type DenialRecord = typeof denial.$inferSelect;

export interface AppealContext {
  claim: ClaimForLetter;
  denial: DenialRecord | null;
  /** CLP07 of the 835 that denied the claim (or the latest that named one), else the claim's REF*F8. */
  payerClaimNumber: string | null;
  input: Omit<AppealLetterInput, 'documents' | 'level' | 'today'>;
}

export async function denialOfClaim(db: Executor, denialId: number, claimId: number): Promise<DenialRecord> {
  const [row] = await db
    .select()
    .from(denial)
    .where(and(eq(denial.id, denialId), eq(denial.claimId, claimId)));
  if (!row) throw notFound('denial');
  return row;
}

export async function appealContext(
  db: Executor,
  claimId: number,
  denialId: number | null,
  scope: number[],
): Promise<AppealContext> {
  const claim = await claimForLetter(db, claimId, scope);
  if (!claim) throw notFound('claim');
  const denied = denialId === null ? null : await denialOfClaim(db, denialId, claimId);
  const [patient, [coverage], payer, practice, provider, payments, carcs] = await Promise.all([
    patientById(db, claim.patientId),
    coveragesByIds(db, [claim.coverageId]),
    payerById(db, claim.payerId),
    practiceById(db, claim.practiceId),
    providerById(db, claim.renderingProviderId),
    claimPaymentsOfClaim(db, claimId),
    carcTexts(),
  ]);
  if (!patient || !payer || !practice || !provider) throw notFound('claim party');
  const payment =
    payments.find((p) => denied && p.id === denied.remittanceClaimId) ??
    [...payments].reverse().find((p) => p.payerClaimNumber);
  const payerClaimNumber = payment?.payerClaimNumber ?? claim.payerClaimNumber;
  const remarks = denied?.remarkCodes.length
    ? await db.select().from(remarkCode).where(inArray(remarkCode.code, denied.remarkCodes))
    : [];
  const name = (p: { firstName: string; lastName: string; middleName: string | null }) =>
    [p.firstName, p.middleName, p.lastName].filter(Boolean).join(' ');
  return {
    claim,
    denial: denied,
    payerClaimNumber,
    input: {
      practice,
      provider: {
        name: [name(provider), provider.credentials].filter(Boolean).join(', '),
        npi: provider.npi,
      },
      payer,
      patient: {
        name: name(patient),
        dateOfBirth: patient.dateOfBirth,
        memberId: coverage?.memberId ?? null,
      },
      claim: { ...claim, payerClaimNumber },
      denial: denied && {
        groupCode: denied.groupCode,
        reasonCode: denied.reasonCode,
        reasonText: carcs.get(denied.reasonCode) ?? null,
        remarks: denied.remarkCodes.map((code) => ({
          code,
          text: remarks.find((r) => r.code === code)?.text ?? null,
        })),
        explanation: denied.explanation,
        amountCents: denied.amountCents,
        remittanceDate: denied.remittanceDate ?? payment?.paymentDate ?? null,
      },
    },
  };
}
