import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { EVERYONE } from '../auth/roles.ts';
import type { Database } from '../db/connection.ts';
import { notFound } from '../server/problem.ts';
import { closed } from '../shared/schema.ts';
import type { JobQueue } from './queue.ts';
import { getJob, listJobs } from './store.ts';

const Job = Type.Object({
  id: Type.String(),
  queue: Type.String(),
  state: Type.String(),
  practiceId: Type.Union([Type.Integer(), Type.Null()]),
  requestedBy: Type.Union([Type.Integer(), Type.Null()]),
  done: Type.Integer(),
  total: Type.Union([Type.Integer(), Type.Null()]),
  message: Type.Union([Type.String(), Type.Null()]),
  retryCount: Type.Integer(),
  createdOn: Type.String(),
  startedOn: Type.Union([Type.String(), Type.Null()]),
  completedOn: Type.Union([Type.String(), Type.Null()]),
  output: Type.Unknown(),
});
const tags = ['jobs'];

export function registerJobRoutes(app: FastifyInstance, database: Database, queue: JobQueue): void {
  app.get(
    '/api/jobs',
    {
      config: { access: EVERYONE },
      schema: { tags, summary: 'Background jobs, newest first', response: { 200: Type.Array(Job) } },
    },
    async (request) => {
      const isAdmin = request.user!.grants.some((g) => g.role === 'admin');
      return listJobs(database.sql, request.practiceScope, isAdmin);
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
      return job;
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
