// The stored claims an 835 may pay, read through claims' and patients' exports and shaped for the
// pure matcher (match.ts): first by CLP01, then, for what is left, by the patient and visit dates.
import {
  claimForRemittance,
  claimsForPatientVisit,
  claimsForRemittance,
  type RemittanceCandidate,
} from '../claims/index.ts';
import type { Executor } from '../db/connection.ts';
import { patientIdsNamedByPayer, patientNamesByIds } from '../patients/index.ts';
import type { ClaimPayment } from '../x12/index.ts';
import type { CandidateClaim } from './match.ts';
import { serviceDateOf } from './match.ts';

/** A candidate for the matcher that keeps what posting needs (patient, encounter, payer). */
export interface StoredCandidate extends CandidateClaim {
  practiceId: number;
  patientId: number;
  encounterId: number;
  payerId: number;
  state: string;
}

const CHUNK = 5_000;

async function shaped(
  db: Executor,
  practiceId: number,
  rows: RemittanceCandidate[],
): Promise<StoredCandidate[]> {
  const ids = [...new Set(rows.map((r) => r.patientId))];
  const names = new Map<number, { lastName: string; firstName: string }>();
  for (let i = 0; i < ids.length; i += CHUNK)
    for (const p of await patientNamesByIds(db, practiceId, ids.slice(i, i + CHUNK))) names.set(p.id, p);
  return rows.map((r) => ({
    id: r.claimId,
    patientControlNumber: r.patientControlNumber,
    practiceId: r.practiceId,
    patientId: r.patientId,
    encounterId: r.encounterId,
    payerId: r.payerId,
    state: r.state,
    patient: {
      lastName: names.get(r.patientId)?.lastName ?? '',
      firstName: names.get(r.patientId)?.firstName ?? null,
    },
    // a hand-made claim line bills no encounter line: nothing to post against, so it cannot match
    lines: r.lines.flatMap((l) =>
      l.serviceLineId == null
        ? []
        : [
            {
              id: l.id,
              serviceLineId: l.serviceLineId,
              lineControlNumber: l.lineControlNumber,
              serviceDate: l.serviceDate,
              procedureCode: l.procedureCode,
              revenueCode: l.revenueCode,
              modifiers: l.modifiers,
              units: Number(l.units),
              chargeCents: l.chargeCents,
            },
          ],
    ),
  }));
}

/** Candidates by patient control number, for many claim payments at once. */
export async function candidatesByControlNumber(
  db: Executor,
  practiceId: number,
  payments: readonly ClaimPayment[],
): Promise<Map<string, StoredCandidate[]>> {
  const pcns = [...new Set(payments.map((p) => p.patientControlNumber))];
  const out = new Map<string, StoredCandidate[]>();
  for (let i = 0; i < pcns.length; i += CHUNK) {
    const rows = await claimsForRemittance(db, practiceId, pcns.slice(i, i + CHUNK));
    for (const c of await shaped(db, practiceId, rows))
      out.set(c.patientControlNumber, [...(out.get(c.patientControlNumber) ?? []), c]);
  }
  return out;
}

/** Candidates for a claim payment whose CLP01 is not ours: the patient's claims around its dates. */
export async function candidatesByPatient(
  db: Executor,
  practiceId: number,
  payment: ClaimPayment,
): Promise<StoredCandidate[]> {
  const who = payment.patient ?? payment.insured;
  const patientIds = await patientIdsNamedByPayer(db, practiceId, {
    memberId: payment.insured?.id ?? payment.patient?.id,
    lastName: who?.lastOrOrganizationName,
    firstName: who?.firstName,
  });
  const dates = payment.serviceLines
    .map((s) => serviceDateOf(s, payment))
    .concat(payment.dates.filter((d) => d.qualifier === '232' || d.qualifier === '233').map((d) => d.date))
    .filter((d): d is string => !!d)
    .sort();
  if (!patientIds.length || !dates.length) return [];
  const rows = await claimsForPatientVisit(db, practiceId, patientIds, {
    from: dates[0] as string,
    to: dates.at(-1) as string,
  });
  return shaped(db, practiceId, rows);
}

/** One claim, as a candidate, in the user's practices (manual match and posting). */
export async function candidateById(
  db: Executor,
  claimId: number,
  practiceIds: number[],
): Promise<StoredCandidate | undefined> {
  const row = await claimForRemittance(db, claimId, practiceIds);
  return row ? (await shaped(db, row.practiceId, [row]))[0] : undefined;
}
