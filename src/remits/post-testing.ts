// Test helpers: demo claims taken through the API to submitted, and an 835 paying them.
import type { Db } from '../db/connection.ts';
import { candidateById, type StoredCandidate } from './candidates.ts';
import { write835, type Synthetic835, type SyntheticClaim } from './synthetic.ts';

/** Builds claims from the practice's encounters, makes them ready, batches them and marks the batch sent (submitted). */
/** What the helpers need of a logged-in test client (src/server/testing.ts makes them). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test response's JSON, read loosely
type Json = any;
interface Client {
  get(url: string): Promise<{ statusCode: number; body: string; json(): Json }>;
  post(url: string, payload: unknown): Promise<{ statusCode: number; body: string; json(): Json }>;
}

export async function submittedDemoClaims(
  db: Db,
  sql: { executeSql(q: string, p?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> },
  practiceId: number,
  biller: Client,
  manager: Client,
  count: number,
  /** The test harness's submitter settings for the practice, used when it has none. */
  submitterSettings: unknown,
): Promise<StoredCandidate[]> {
  const { rows } = await sql.executeSql(
    `select e.id from encounter e join coverage c on c.patient_id = e.patient_id and c.priority = 'primary'
      where e.practice_id = $1 and e.institutional is null order by e.id`,
    [practiceId],
  );
  const ready: number[] = [];
  for (const r of rows) {
    if (ready.length >= count) break;
    const created = await biller.post('/api/claims', { encounterId: Number(r.id) });
    if (created.statusCode !== 201) continue;
    const claim = created.json();
    let detail = claim;
    for (const f of claim.findings.filter((x: { severity: string }) => x.severity === 'warning'))
      detail = (
        await biller.post(`/api/claims/${claim.id}/findings/${f.id}/override`, {
          reason: 'checked for the test',
        })
      ).json();
    if (detail.state === 'ready') ready.push(claim.id);
  }
  if (ready.length < count)
    throw new Error(`only ${ready.length} of ${count} demo claims could be made ready`);
  const settings = await manager.get(`/api/submitter-settings?practiceId=${practiceId}`);
  if (!settings.json().items?.length) {
    const made = await manager.post('/api/submitter-settings', submitterSettings);
    if (made.statusCode !== 201) throw new Error(`submitter settings: ${made.body}`);
  }
  const batch = await biller.post('/api/batches', { practiceId, claimIds: ready });
  if (batch.statusCode !== 201) throw new Error(`batch: ${batch.statusCode} ${batch.body}`);
  // Without a clearinghouse connection the claims wait batched until the biller says the file was sent.
  const sent = await biller.post(`/api/batches/${batch.json().batchId}/sent`, {});
  if (sent.statusCode !== 200 && sent.statusCode !== 409) throw new Error(`mark sent: ${sent.body}`);
  const out: StoredCandidate[] = [];
  for (const id of ready) out.push((await candidateById(db, id, [practiceId])) as StoredCandidate);
  return out;
}

/** The synthetic 835 claim paying a stored claim (REF*6R echoed, CLP01 ours). */
export const syntheticClaimOf = (
  c: StoredCandidate,
  outcome: SyntheticClaim['outcome'] = 'paid',
  overrides: Partial<SyntheticClaim> = {},
): SyntheticClaim => ({
  patientControlNumber: c.patientControlNumber,
  patientLastName: c.patient.lastName.toUpperCase(),
  patientFirstName: (c.patient.firstName ?? '').toUpperCase(),
  memberId: 'M' + c.patientId,
  outcome,
  lines: c.lines.map((l) => ({
    lineControlNumber: String(l.id),
    procedureCode: l.procedureCode,
    modifiers: [...l.modifiers],
    chargeCents: l.chargeCents,
    serviceDate: l.serviceDate,
    units: l.units,
  })),
  ...overrides,
});

export const era835 = (claims: SyntheticClaim[], over: Partial<Synthetic835> = {}) =>
  write835({
    traceNumber: 'EFT0001',
    payerName: 'DEMO PAYER',
    payerIdentifier: '999999999',
    paymentDate: '2026-12-01',
    claims,
    ...over,
  });
