/**
 * The writes the crash-safety test fires at a running server, the ledger of every write the
 * server answered 2xx, and the check that each of them is still there after a restart.
 */
import type { ApiClient } from './crash-testing.ts';

export type Write =
  | { kind: 'patient'; id: number; accountNumber: string }
  | { kind: 'encounter'; id: number; patientId: number }
  | { kind: 'claim'; id: number }
  | { kind: 'batch'; id: number; claimIds: number[] }
  | { kind: 'job'; id: string }
  | { kind: 'release'; system: string; version: string };

/** What the test knows of the practice it writes into (read from the database before the first start). */
export interface Practice {
  practiceId: number;
  patient: Record<string, unknown>;
  encounter: Record<string, unknown>;
  /** Encounters of patients with a primary coverage, not yet billed. */
  claimable: number[];
}

export class Ledger {
  readonly writes: { round: number; write: Write }[] = [];
  /**
   * Each claim's history (its states in order) as the server last answered it. A write whose
   * answer the kill cut off may add to it after a restart; nothing answered may go missing.
   */
  readonly claimHistory = new Map<number, string[]>();
  counts: Record<Write['kind'], number> = {
    patient: 0,
    encounter: 0,
    claim: 0,
    batch: 0,
    job: 0,
    release: 0,
  };

  record(round: number, write: Write): void {
    this.writes.push({ round, write });
    this.counts[write.kind]++;
  }
}

export interface Round {
  round: number;
  api: ApiClient;
  ledger: Ledger;
  practice: Practice;
  random: () => number;
  /** Set just before the signal is sent: from then on a dropped connection is expected. */
  killed: boolean;
  /** Answers no write should get before the kill (5xx, a refused valid write). */
  unexpected: string[];
  /** Called on each answered write: the kill timer starts at the round's first (or first of a kind). */
  answered: (kind: Write['kind']) => void;
}

function keep(r: Round, write: Write): void {
  r.ledger.record(r.round, write);
  r.answered(write.kind);
}

const states = (claim: { history: { toState: string }[] }) => claim.history.map((h) => h.toState);

const fail = (r: Round, what: string, status: number, body: unknown) => {
  if (!r.killed) r.unexpected.push(`round ${r.round}: ${what} answered ${status} ${JSON.stringify(body)}`);
};

async function createPatient(r: Round, seq: number): Promise<void> {
  const accountNumber = `CRASH-${r.round}-${seq}`;
  const res = await r.api.post('/api/patients', { ...r.practice.patient, accountNumber });
  if (res.status !== 201) return fail(r, 'POST /api/patients', res.status, res.body);
  keep(r, { kind: 'patient', id: res.body.id, accountNumber });
}

async function createEncounter(r: Round): Promise<void> {
  const res = await r.api.post('/api/encounters', r.practice.encounter);
  if (res.status !== 201) return fail(r, 'POST /api/encounters', res.status, res.body);
  keep(r, { kind: 'encounter', id: res.body.id, patientId: res.body.patientId });
  r.practice.claimable.push(res.body.id);
}

/** Builds a claim from an encounter and overrides its warnings, so it becomes ready to batch. */
async function buildClaim(r: Round): Promise<void> {
  const encounterId = r.practice.claimable.shift();
  if (encounterId === undefined) return createEncounter(r);
  const res = await r.api.post('/api/claims', { encounterId });
  // 409: a claim for it committed in a round whose answer the kill cut off.
  if (res.status === 409) return;
  if (res.status !== 201) return fail(r, 'POST /api/claims', res.status, res.body);
  const claimId: number = res.body.id;
  keep(r, { kind: 'claim', id: claimId });
  r.ledger.claimHistory.set(claimId, states(res.body));
  const warnings = (res.body.findings as { id: number; severity: string }[]).filter(
    (f) => f.severity === 'warning',
  );
  for (const w of warnings) {
    const o = await r.api.post(`/api/claims/${claimId}/findings/${w.id}/override`, {
      reason: 'crash-safety test',
    });
    if (o.status !== 200) return fail(r, 'POST override', o.status, o.body);
    r.ledger.claimHistory.set(claimId, states(o.body));
  }
}

async function batchReadyClaims(r: Round): Promise<void> {
  const ready = [...r.ledger.claimHistory]
    .filter(([, history]) => history.at(-1) === 'ready')
    .map(([id]) => id)
    .slice(0, 8);
  if (ready.length === 0) return buildClaim(r);
  const res = await r.api.post('/api/batches', { practiceId: r.practice.practiceId, claimIds: ready });
  // 409: another worker batched them first.
  if (res.status === 409) return;
  if (res.status !== 201) return fail(r, 'POST /api/batches', res.status, res.body);
  const skipped = new Set((res.body.skipped as { claimId: number }[]).map((s) => s.claimId));
  // Claims whose 837 breaks the guide go back to scrubbed instead of into the batch.
  const returned = new Set(((res.body.returned ?? []) as { claimId: number }[]).map((s) => s.claimId));
  const claimIds = ready.filter((id) => !skipped.has(id) && !returned.has(id));
  for (const id of returned) r.ledger.claimHistory.get(id)?.push('scrubbed');
  for (const id of claimIds) r.ledger.claimHistory.get(id)?.push('batched');
  keep(r, { kind: 'batch', id: res.body.batchId, claimIds });
}

/** One writer: a random mix of writes until the server goes away. */
export async function writer(r: Round, name: number): Promise<void> {
  for (let seq = 0; ; seq++) {
    const pick = r.random();
    const ready = [...r.ledger.claimHistory.values()].some((h) => h.at(-1) === 'ready');
    try {
      // Ready claims are batched soon, so most rounds carry a batch (it runs as a job: slow).
      if (ready && pick < 0.4) await batchReadyClaims(r);
      else if (pick < 0.55) await createPatient(r, name * 100_000 + seq);
      else if (pick < 0.7) await createEncounter(r);
      else await buildClaim(r);
    } catch (error) {
      if (r.killed) return;
      r.unexpected.push(`round ${r.round}: a request failed before the kill: ${String(error)}`);
      return;
    }
  }
}

/** Starts a code-set import and follows the job; a release seen active is a write to keep. */
export async function codesetImport(r: Round): Promise<void> {
  try {
    const res = await r.api.post('/api/codesets/import', {});
    if (res.status !== 202) return fail(r, 'POST /api/codesets/import', res.status, res.body);
    const jobId: string = res.body.id;
    keep(r, { kind: 'job', id: jobId });
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const job = await r.api.get(`/api/jobs/${jobId}`);
      if (job.body?.state !== 'completed') continue;
      const releases = await r.api.get('/api/codesets');
      for (const rel of releases.body as { system: string; version: string }[])
        keep(r, { kind: 'release', system: rel.system, version: rel.version });
      return;
    }
  } catch (error) {
    if (!r.killed) r.unexpected.push(`round ${r.round}: the import request failed: ${String(error)}`);
  }
}

/** Every recorded write (of the given rounds) that the restarted server does not show. */
export async function missingWrites(
  api: ApiClient,
  ledger: Ledger,
  rounds: (round: number) => boolean,
): Promise<string[]> {
  const missing: string[] = [];
  let releases: { system: string; version: string }[] | undefined;
  for (const { round, write } of ledger.writes.filter((w) => rounds(w.round))) {
    const where = `(answered 2xx in round ${round})`;
    switch (write.kind) {
      case 'patient': {
        const res = await api.get(`/api/patients/${write.id}`);
        if (res.status !== 200 || res.body.accountNumber !== write.accountNumber)
          missing.push(`patient ${write.id} ${write.accountNumber} ${where}: ${res.status}`);
        break;
      }
      case 'encounter': {
        const res = await api.get(`/api/encounters/${write.id}`);
        if (res.status !== 200 || res.body.patientId !== write.patientId)
          missing.push(`encounter ${write.id} ${where}: ${res.status}`);
        break;
      }
      case 'claim': {
        const res = await api.get(`/api/claims/${write.id}`);
        const answered = ledger.claimHistory.get(write.id) ?? [];
        const stored: string[] = res.status === 200 ? states(res.body) : [];
        // A write the kill cut off (a batch, say) may have moved it on; what was answered stays.
        if (res.status !== 200 || answered.some((state, i) => stored[i] !== state))
          missing.push(
            `claim ${write.id} ${where}: ${res.status}, history ${stored.join('>')}, answered ${answered.join('>')}`,
          );
        break;
      }
      case 'batch': {
        const res = await api.get(`/api/batches/${write.id}`);
        const inBatch = new Set(((res.body?.claims ?? []) as { id: number }[]).map((c) => c.id));
        if (res.status !== 200 || !write.claimIds.every((id) => inBatch.has(id)))
          missing.push(`batch ${write.id} with claims ${write.claimIds.join(',')} ${where}: ${res.status}`);
        break;
      }
      case 'job': {
        const res = await api.get(`/api/jobs/${write.id}`);
        if (res.status !== 200) missing.push(`job ${write.id} ${where}: ${res.status}`);
        break;
      }
      case 'release': {
        releases ??= (await api.get('/api/codesets')).body;
        if (!releases!.some((x) => x.system === write.system && x.version === write.version))
          missing.push(`code-set release ${write.system} ${write.version} ${where}`);
        break;
      }
    }
  }
  return missing;
}
