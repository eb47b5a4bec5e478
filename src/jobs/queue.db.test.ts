import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing.ts';
import { JobQueue, type JobDefinition } from './queue.ts';
import { getJob } from './store.ts';

describe('job queue (pg-boss)', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  const handledBy: Record<string, string[]> = {};
  const attempts: Record<string, number> = {};
  const definitions = (worker: string): JobDefinition<never>[] => [
    {
      name: 'test.echo',
      expireInSeconds: 60,
      retryLimit: 0,
      retrySafe: true,
      async run(data: { n: number }, ctx) {
        (handledBy[data.n] ??= []).push(worker);
        await ctx.progress(1, 1, `done by ${worker}`);
        return { n: data.n, worker };
      },
    } satisfies JobDefinition<{ n: number }> as JobDefinition<never>,
    {
      name: 'test.flaky',
      expireInSeconds: 60,
      retryLimit: 2,
      retrySafe: true,
      retryDelaySeconds: 1,
      async run(data: { key: string }) {
        attempts[data.key] = (attempts[data.key] ?? 0) + 1;
        if (attempts[data.key] === 1) throw new Error('first attempt fails');
        return { attempts: attempts[data.key] };
      },
    } satisfies JobDefinition<{ key: string }> as JobDefinition<never>,
  ];
  let one: JobQueue;
  let two: JobQueue;

  beforeAll(async () => {
    database = await openTestDatabase();
    one = new JobQueue(database, definitions('one'));
    two = new JobQueue(database, definitions('two'));
    await one.start({ work: true });
    await two.start({ work: true });
  });
  afterAll(async () => {
    await one.stop();
    await two.stop();
    await database.close();
  });

  it('runs each job exactly once across two workers sharing the database, with progress', async () => {
    const ids = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) => one.enqueue('test.echo', { n }, { practiceId: null, requestedBy: null })),
    );
    const results = await Promise.all(ids.map((id) => two.waitFor('test.echo', id, 60_000)));
    expect(results.every((r) => r.state === 'completed')).toBe(true);
    for (const n of [1, 2, 3, 4, 5, 6]) expect(handledBy[n]).toHaveLength(1);
    const job = await getJob(database.sql, ids[0]!);
    expect(job).toMatchObject({ state: 'completed', done: 1, total: 1 });
    expect(job!.message).toMatch(/^done by (one|two)$/);
  });

  it('retries a failed job', async () => {
    const id = await one.enqueue('test.flaky', { key: 'a' }, { practiceId: null, requestedBy: null });
    const result = await one.waitFor('test.flaky', id, 60_000);
    expect(result).toMatchObject({ state: 'completed', output: { attempts: 2 } });
    expect((await getJob(database.sql, id))!.retryCount).toBe(1);
  });
});
