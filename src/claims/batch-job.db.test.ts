import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { JOBS } from '../server/jobs.ts';
import { buildApp } from '../server/app.ts';
import { JobQueue } from '../jobs/queue.ts';
import { getJob, jobStillRunning } from '../jobs/index.ts';
import { startTestApp, TEST_PASSWORD, testSubmitterSettings, type Client } from '../server/testing.ts';
import { writeBatchForJob } from './batch-job.ts';

/** Issue 10: a batch whose caller gave up is never written unseen, and never retried on its own. */
describe('claims.batch jobs whose caller gave up', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let biller: Client;
  let worker: JobQueue | undefined;
  const readyClaims: number[] = [];
  const claimStates = async () => {
    const { rows } = await t.database.sql.executeSql(
      `select state from claim where id = any($1::int[]) order by id`,
      [readyClaims],
    );
    return rows.map((r) => r.state);
  };

  beforeAll(async () => {
    // No worker in the app: the request's wait always ends before the job can run.
    t = await startTestApp({ work: false, batchWaitMs: 50 });
    await t.addUser('biller@example.org', [{ practiceId: t.practiceA, role: 'biller' }]);
    await t.addUser('manager@example.org', [{ practiceId: t.practiceA, role: 'manager' }]);
    await t.addUser('other@example.org', [{ practiceId: t.practiceB, role: 'biller' }]);
    biller = await t.login('biller@example.org');
    const manager = await t.login('manager@example.org');
    expect(
      (await manager.post('/api/submitter-settings', testSubmitterSettings(t.practiceA))).statusCode,
    ).toBe(201);
    const { rows } = await t.database.sql.executeSql(
      `select e.id from encounter e join coverage c on c.patient_id = e.patient_id and c.priority = 'primary'
        where e.practice_id = $1 order by e.id limit 2`,
      [t.practiceA],
    );
    for (const r of rows) {
      const claim = (await biller.post('/api/claims', { encounterId: Number(r.id) })).json();
      let detail = claim;
      for (const f of claim.findings.filter((x: { severity: string }) => x.severity === 'warning'))
        detail = (
          await biller.post(`/api/claims/${claim.id}/findings/${f.id}/override`, { reason: 'test batch' })
        ).json();
      if (detail.state === 'ready') readyClaims.push(claim.id);
    }
  });
  afterAll(async () => {
    await worker?.stop();
    await t.close();
  });

  it('declares expiry and retries for every job kind, and pg-boss holds those values', async () => {
    for (const d of JOBS) {
      expect(d.expireInSeconds, d.name).toBeGreaterThan(0);
      expect(d.retryLimit, d.name).toBeGreaterThanOrEqual(0);
      expect(typeof d.retrySafe, d.name).toBe('boolean');
      if (!d.retrySafe) expect(d.retryLimit, d.name).toBe(0);
    }
    const claimsBatch = JOBS.find((d) => d.name === 'claims.batch')!;
    expect(claimsBatch).toMatchObject({ retryLimit: 0, retrySafe: false });
    expect(claimsBatch.expireInSeconds).toBeLessThanOrEqual(600);
    const { rows } = await t.database.sql.executeSql(
      `select name, expire_seconds, retry_limit from pgboss.queue where name = any($1::text[])`,
      [JOBS.map((d) => d.name)],
    );
    expect(rows).toHaveLength(JOBS.length);
    for (const r of rows) {
      const d = JOBS.find((j) => j.name === r.name)!;
      expect({ name: r.name, expire: r.expire_seconds, retries: r.retry_limit }).toEqual({
        name: d.name,
        expire: d.expireInSeconds,
        retries: d.retryLimit,
      });
    }
  });

  it('a batch whose job is no longer running moves no claim', async () => {
    // Queued but never started (no worker yet): as if pg-boss had expired it while the batch was written.
    const id = await t.queue.enqueue(
      'claims.batch',
      { practiceId: t.practiceA, actor: SYSTEM_ACTOR },
      { practiceId: t.practiceA, requestedBy: null },
    );
    const { rows: before } = await t.database.sql.executeSql(
      `select count(*)::int as n from submission_batch`,
    );
    await expect(
      writeBatchForJob(
        t.database.db,
        id,
        { practiceId: t.practiceA, actor: SYSTEM_ACTOR },
        new Date(),
        (tx) => jobStillRunning(tx, id),
      ),
    ).rejects.toThrow(/no claim was moved/);
    const { rows: after } = await t.database.sql.executeSql(
      `select count(*)::int as n from submission_batch`,
    );
    expect(after).toEqual(before);
    expect(await claimStates()).toEqual(readyClaims.map(() => 'ready'));
    await t.queue.cancel('claims.batch', id);
  });
  it('a request that stops waiting answers 202; the job finishes later and shows with its batch', async () => {
    expect(readyClaims.length).toBeGreaterThan(0);
    const res = await biller.post('/api/batches', { practiceId: t.practiceA, claimType: 'professional' });
    expect(res.statusCode, res.body).toBe(202);
    const { jobId } = res.json() as { jobId: string };
    const pending = (await biller.get('/api/jobs?queue=claims.batch')).json();
    expect(pending[0]).toMatchObject({ id: jobId, state: 'created', requestedByEmail: 'biller@example.org' });
    expect(pending[0].callerGaveUpAt).not.toBeNull();
    expect(await claimStates()).toEqual(readyClaims.map(() => 'ready'));

    // A worker (here: another queue on the same database) takes the job after the caller left.
    worker = new JobQueue(t.database, JOBS);
    await worker.start({ work: true });
    expect((await worker.waitFor('claims.batch', jobId, 60_000)).state).toBe('completed');

    const jobs = (await biller.get(`/api/jobs?queue=claims.batch&practiceId=${t.practiceA}`)).json();
    const job = jobs.find((j: { id: string }) => j.id === jobId);
    expect(job).toMatchObject({
      state: 'completed',
      requestedByEmail: 'biller@example.org',
      expireInSeconds: JOBS.find((d) => d.name === 'claims.batch')!.expireInSeconds,
      retryLimit: 0,
      batch: { claimCount: readyClaims.length },
    });
    expect(job.callerGaveUpAt).not.toBeNull();
    const batches = (await biller.get(`/api/batches?practiceId=${t.practiceA}`)).json();
    const batch = batches.find((b: { id: number }) => b.id === job.batch.batchId);
    expect(batch).toMatchObject({ jobId, claimCount: readyClaims.length });
    // Written, not sent: the practice has no clearinghouse connection, so the claims wait in the batch.
    expect(await claimStates()).toEqual(readyClaims.map(() => 'batched'));
    // Another practice's biller sees neither.
    const other = await t.login('other@example.org');
    expect((await other.get('/api/jobs')).json().map((j: { id: string }) => j.id)).not.toContain(jobId);
  });

  it('a claims.batch job that fails is not retried', async () => {
    // A practice id the database refuses: a real failure, not a refusal answered to the biller.
    const id = await t.queue.enqueue(
      'claims.batch',
      { practiceId: 'not a number', actor: SYSTEM_ACTOR },
      { practiceId: t.practiceA, requestedBy: null },
    );
    expect((await t.queue.waitFor('claims.batch', id, 60_000)).state).toBe('failed');
    const job = await getJob(t.database.sql, id);
    expect(job).toMatchObject({ state: 'failed', retryCount: 0, retryLimit: 0 });
  });

  it('a caller that hangs up stops the wait, and the job is marked as finishing unwatched', async () => {
    await worker?.stop();
    worker = undefined; // nothing runs the job: the request could only wait
    const app = await buildApp({
      database: t.database,
      queue: t.queue,
      webRoot: '/nonexistent',
      batchWaitMs: 600_000,
    });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const login = await fetch(`${address}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'biller@example.org', password: TEST_PASSWORD }),
      });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const hangUp = new AbortController();
      const answer = fetch(`${address}/api/batches`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ practiceId: t.practiceA }),
        signal: hangUp.signal,
      }).catch((e: Error) => e.name);
      const latest = async () => (await biller.get('/api/jobs?queue=claims.batch')).json()[0];
      const before = (await latest())?.id;
      while ((await latest())?.id === before) await new Promise((r) => setTimeout(r, 50));
      hangUp.abort();
      expect(await answer).toBe('AbortError');
      let job = await latest();
      for (let i = 0; i < 200 && !job.callerGaveUpAt; i++) {
        await new Promise((r) => setTimeout(r, 100));
        job = await latest();
      }
      expect(job).toMatchObject({ state: 'created', requestedByEmail: 'biller@example.org' });
      expect(job.callerGaveUpAt).not.toBeNull();
      await t.queue.cancel('claims.batch', job.id);
    } finally {
      await app.close();
    }
  });
});
