import { setImmediate } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { createUser } from '../auth/index.ts';
import { openTestDatabase } from '../db/testing.ts';
import { seedDemo } from '../demo/seed.ts';
import { JOBS } from './jobs.ts';
import { JobQueue } from '../jobs/queue.ts';
import { buildApp } from './app.ts';
import { TEST_PASSWORD } from './testing.ts';

// After a restart the server listens before its code tables are loaded (cleanclaim serve loads
// them in the background): health and login answer at once, code lookups and claims wait.
describe('a server whose code sets are still loading', () => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let loaded: () => void;

  beforeAll(async () => {
    const database = await openTestDatabase();
    const queue = new JobQueue(database, JOBS);
    await queue.start({ work: false });
    const practiceId = await seedDemo(
      database,
      { seed: 3, patients: 2, encounters: 2, asOf: '2026-11-20' },
      SYSTEM_ACTOR,
      [],
    );
    await createUser(database.db, {
      email: 'coder@example.org',
      name: 'coder',
      password: TEST_PASSWORD,
      grants: [{ practiceId, role: 'coder' }],
    });
    const codeSetsReady = new Promise<void>((resolve) => (loaded = resolve));
    app = await buildApp({ database, queue, codeSetsReady, webRoot: '/nonexistent' });
    close = async () => {
      await app.close();
      await queue.stop();
      await database.close();
    };
  });
  afterAll(() => close());

  it('answers health and login at once, and a code lookup once they are loaded', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'coder@example.org', password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const session = login.cookies.find((c) => c.name === 'cleanclaim_session')!.value;
    let answered = false;
    const lookup = app
      .inject({ method: 'GET', url: '/api/codes/J45.909', cookies: { cleanclaim_session: session } })
      .then((res) => ((answered = true), res));
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    for (let i = 0; i < 20; i++) await setImmediate();
    expect(answered).toBe(false);
    loaded();
    const res = await lookup;
    // No release is imported in this database: the lookup says so once the load has finished.
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('no code set release is imported');
  });
});
