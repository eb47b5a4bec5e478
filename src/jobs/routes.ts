import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { EVERYONE } from '../auth/roles.ts';
import { batchesOfJobs } from '../claims/batch-job.ts';
import type { Database } from '../db/connection.ts';
import { notFound } from '../shared/problem.ts';
import { closed, Id } from '../shared/schema.ts';
import type { JobQueue } from './queue.ts';
import { getJob, listJobs, type JobRow } from './store.ts';

const Job = Type.Object({
  id: Type.String(),
  queue: Type.String(),
  state: Type.String(),
  practiceId: Type.Union([Type.Integer(), Type.Null()]),
  requestedBy: Type.Union([Type.Integer(), Type.Null()]),
  requestedByEmail: Type.Union([Type.String(), Type.Null()]),
  callerGaveUpAt: Type.Union([Type.String(), Type.Null()]),
  expireInSeconds: Type.Union([Type.Integer(), Type.Null()]),
  retryLimit: Type.Union([Type.Integer(), Type.Null()]),
  done: Type.Integer(),
  total: Type.Union([Type.Integer(), Type.Null()]),
  message: Type.Union([Type.String(), Type.Null()]),
  retryCount: Type.Integer(),
  createdOn: Type.String(),
  startedOn: Type.Union([Type.String(), Type.Null()]),
  completedOn: Type.Union([Type.String(), Type.Null()]),
  output: Type.Unknown(),
  /** claims.batch: the batch it wrote (also when its output was lost to an expiry). */
  batch: Type.Optional(Type.Object({ batchId: Type.Integer(), claimCount: Type.Integer() })),
});
const tags = ['jobs'];

/** Each claims.batch job with the batch it wrote: a biller sees every batch a job made. */
async function withBatches(database: Database, jobs: JobRow[]) {
  const batches = await batchesOfJobs(
    database.db,
    jobs.filter((j) => j.queue === 'claims.batch').map((j) => j.id),
  );
  return jobs.map((j) => {
    const batch = batches.get(j.id);
    return batch ? { ...j, batch } : j;
  });
}

export function registerJobRoutes(app: FastifyInstance, database: Database, queue: JobQueue): void {
  app.get<{ Querystring: { queue?: string; practiceId?: number } }>(
    '/api/jobs',
    {
      config: { access: EVERYONE },
      schema: {
        tags,
        summary: 'Background jobs, newest first: who started each, its state and result',
        querystring: Type.Object(
          { queue: Type.Optional(Type.String({ maxLength: 50 })), practiceId: Type.Optional(Id) },
          closed,
        ),
        response: { 200: Type.Array(Job) },
      },
    },
    async (request) => {
      const { queue: kind, practiceId } = request.query;
      const isAdmin = request.user!.grants.some((g) => g.role === 'admin');
      const scope = practiceId
        ? request.practiceScope.filter((p) => p === practiceId)
        : request.practiceScope;
      const jobs = await listJobs(database.sql, scope, isAdmin && !practiceId, { queue: kind });
      return withBatches(database, jobs);
    },
  );
  app.get<{ Params: { id: string } }>(
    '/api/jobs/:id',
    {
      config: { access: EVERYONE },
      schema: { tags, params: Type.Object({ id: Type.String({ format: 'uuid' }) }), response: { 200: Job } },
    },
    async (request) => {
      const job = await getJob(database.sql, request.params.id);
      const visible =
        job &&
        (job.practiceId === null
          ? request.user!.grants.some((g) => g.role === 'admin')
          : request.practiceScope.includes(job.practiceId));
      if (!visible) throw notFound('job');
      return (await withBatches(database, [job]))[0];
    },
  );
  app.post<{ Body: { patients?: number; encounters?: number; seed?: number } }>(
    '/api/jobs/demo-seed',
    {
      config: { access: 'installation-admin' },
      schema: {
        tags,
        summary: 'Load another synthetic demo practice in the background',
        body: Type.Object(
          {
            patients: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
            encounters: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
            seed: Type.Optional(Type.Integer()),
          },
          closed,
        ),
        response: { 202: Type.Object({ id: Type.String() }) },
      },
    },
    async (request, reply) => {
      const { patients = 200, encounters = 1000, seed = Date.now() % 100_000 } = request.body;
      const id = await queue.enqueue(
        'demo.seed',
        { seed, patients, encounters, adminUserIds: [request.user!.id] },
        { practiceId: null, requestedBy: request.user!.id },
      );
      reply.code(202);
      return { id };
    },
  );
}
