import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import type { Role } from '../auth/roles.ts';
import { createUser } from '../auth/index.ts';
import { CodeSetCatalog } from '../codesets/catalog.ts';
import { importCodesetDirectory } from '../codesets/storage/import.ts';
import { seedDemo } from '../demo/seed.ts';
import { openTestDatabase } from '../db/testing.ts';
import { JOBS } from './jobs.ts';
import { JobQueue } from '../jobs/queue.ts';
import { buildApp } from './app.ts';
import type { LogStream } from './logging.ts';

/** Bundles a test's child-process script (its own imports inlined, packages left to node_modules) to run with plain node. */
export async function bundleTestWorker(entry: string, outfile: string): Promise<void> {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
}

export const TEST_PASSWORD = 'correct horse battery staple';

/** The clearinghouse settings a practice needs before it can batch claims. */
export const testSubmitterSettings = (practiceId: number) => ({
  practiceId,
  submitterName: 'Riverside Billing',
  submitterId: 'RIVER01',
  contactName: 'Billing Office',
  contactPhone: '2175550100',
  receiverName: 'Demo Clearinghouse',
  receiverId: 'DEMOCH',
});

/** A real app on a fresh database (PGlite, or PostgreSQL with TEST_DATABASE_URL) with two small demo practices. */
export async function startTestApp(
  options: {
    sessionIdleMinutes?: number;
    work?: boolean;
    batchWaitMs?: number;
    logStream?: LogStream;
    /** A code-set release folder imported and loaded before the app starts (small ones: tests import it). */
    codeSets?: string;
  } = {},
) {
  const database = await openTestDatabase();
  const queue = new JobQueue(database, JOBS);
  await queue.start({ work: options.work ?? false });
  const practiceA = await seedDemo(
    database,
    { seed: 1, patients: 6, encounters: 6, asOf: '2026-11-20' },
    SYSTEM_ACTOR,
    [],
  );
  const practiceB = await seedDemo(
    database,
    { seed: 2, patients: 6, encounters: 6, asOf: '2026-11-20' },
    SYSTEM_ACTOR,
    [],
  );
  let catalog: CodeSetCatalog | undefined;
  if (options.codeSets) {
    await importCodesetDirectory(database, options.codeSets, SYSTEM_ACTOR);
    catalog = new CodeSetCatalog(database);
    await catalog.reload();
  }
  const app = await buildApp({
    database,
    queue,
    ...(catalog ? { catalog } : {}),
    sessionIdleMinutes: options.sessionIdleMinutes ?? 30,
    webRoot: '/nonexistent',
    logger: process.env.TEST_LOG === '1',
    ...(options.logStream ? { logStream: options.logStream } : {}),
    ...(options.batchWaitMs === undefined ? {} : { batchWaitMs: options.batchWaitMs }),
  });
  const addUser = (
    email: string,
    grants: { practiceId: number; role: Role }[],
    options: { installationAdmin?: boolean } = {},
  ) => createUser(database.db, { email, name: email, password: TEST_PASSWORD, grants, ...options });
  return {
    app,
    database,
    queue,
    practiceA,
    practiceB,
    addUser,
    login: (email: string) => login(app, email),
    async close() {
      await app.close();
      await queue.stop();
      await database.close();
    },
  };
}

export interface Client {
  csrfToken: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload: unknown): Promise<LightMyRequestResponse>;
}

async function login(app: FastifyInstance, email: string): Promise<Client> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password: TEST_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`login ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'cleanclaim_session')!;
  const csrfToken = (res.json() as { csrfToken: string }).csrfToken;
  const request = (options: InjectOptions) =>
    app.inject({
      ...options,
      cookies: { cleanclaim_session: cookie.value },
      headers: { 'x-csrf-token': csrfToken, ...(options.headers ?? {}) },
    });
  return {
    csrfToken,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, payload: payload as never }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as never }),
  };
}
