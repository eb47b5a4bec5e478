// Compensation plans and payouts over HTTP. Plans and runs are for managers; anyone on the staff
// may list and open the runs they are paid in and sees only their own line.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { EVERYONE, MANAGERS, ROLES, practicesWithRole } from '../auth/roles.ts';
import type { Db } from '../db/connection.ts';
import { actorOf, requirePracticeInScope } from '../http/access.ts';
import { toCsv } from '../http/csv.ts';
import { rethrowConstraint } from '../http/resource.ts';
import { forbidden } from '../shared/problem.ts';
import { closed, Id, IsoDate, Nullable } from '../shared/schema.ts';
import { CompPlanSchema } from './comp-plan.ts';
import type { CompPlan } from './payout.ts';
import { PAYOUT_COLUMNS, payoutReportRows } from './payout-report.ts';
import {
  compensationPlans,
  payoutRuns,
  payoutRunsOf,
  readPayoutRun,
  runPayout,
  saveCompensationPlan,
} from './payout-store.ts';
import { staffOfUser } from './staff-store.ts';

const tags = ['payouts'];
const Practice = Type.Object({ practiceId: Id }, closed);
const RunParams = Type.Object({ id: Id }, closed);

const manages = (request: FastifyRequest, practiceId: number) =>
  Boolean(request.user && practicesWithRole(request.user.grants, MANAGERS).includes(practiceId));

function requireManager(request: FastifyRequest, practiceId: number) {
  requirePracticeInScope(request, practiceId);
  if (!manages(request, practiceId)) throw forbidden('only a manager sees and changes compensation');
}

export function registerPayoutRoutes(app: FastifyInstance, db: Db): void {
  const viewerOf = async (request: FastifyRequest, practiceId: number) => {
    requirePracticeInScope(request, practiceId);
    const manager = manages(request, practiceId);
    const own = request.user ? await staffOfUser(db, practiceId, request.user.id) : undefined;
    return { actor: actorOf(request), manager, staffId: own?.id ?? null };
  };
  const report = async (request: FastifyRequest, practiceId: number, runId: number) => {
    const viewer = await viewerOf(request, practiceId);
    return db.transaction((tx) => readPayoutRun(tx, practiceId, runId, viewer));
  };

  app.get<{ Querystring: { practiceId: number } }>(
    '/api/compensation-plans',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: "Every version of each role's compensation plan, newest first",
        querystring: Practice,
      },
    },
    async (request) => {
      requireManager(request, request.query.practiceId);
      return { items: await compensationPlans(db, request.query.practiceId) };
    },
  );

  app.post<{
    Body: { practiceId: number; role: string; effectiveFrom: string; plan: CompPlan; note?: string | null };
  }>(
    '/api/compensation-plans',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: "A new version of a role's compensation plan (earlier versions are kept; audited)",
        body: Type.Object(
          {
            practiceId: Id,
            role: Type.Union(ROLES.map((r) => Type.Literal(r))),
            effectiveFrom: IsoDate,
            plan: CompPlanSchema,
            note: Nullable(Type.String({ maxLength: 500 })),
          },
          closed,
        ),
      },
    },
    async (request, reply) => {
      const { practiceId, ...draft } = request.body;
      requireManager(request, practiceId);
      // Two managers saving the same role at once would take one version number: the second is a 409.
      const row = await db
        .transaction((tx) => saveCompensationPlan(tx, practiceId, draft, actorOf(request)))
        .catch((e: unknown) => rethrowConstraint(e, { label: 'plan version', uniqueField: 'role' }));
      reply.code(201);
      return row;
    },
  );

  app.get<{ Querystring: { practiceId: number } }>(
    '/api/payouts',
    {
      config: { access: EVERYONE },
      schema: {
        tags,
        summary: "Payout runs, newest first: a manager sees all, anyone else the runs they're paid in",
        querystring: Practice,
      },
    },
    async (request) => {
      const viewer = await viewerOf(request, request.query.practiceId);
      const items = viewer.manager
        ? await payoutRuns(db, request.query.practiceId)
        : viewer.staffId === null
          ? []
          : await payoutRunsOf(db, request.query.practiceId, viewer.staffId);
      return { manager: viewer.manager, items };
    },
  );

  app.post<{ Body: { practiceId: number; from: string; to: string } }>(
    '/api/payouts',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary:
          "Run the payout of a period of whole workweeks (Monday to Sunday): each person's pay, bonuses and overtime with every input, kept (audited)",
        body: Type.Object({ practiceId: Id, from: IsoDate, to: IsoDate }, closed),
      },
    },
    async (request, reply) => {
      const { practiceId, from, to } = request.body;
      requireManager(request, practiceId);
      const run = await runPayout(db, practiceId, { from, to }, actorOf(request));
      reply.code(201);
      return run;
    },
  );

  app.get<{ Params: { id: number }; Querystring: { practiceId: number } }>(
    '/api/payouts/:id',
    {
      config: { access: EVERYONE },
      schema: {
        tags,
        summary: "A payout run's report: every person's lines and inputs (a manager; audited), or your own",
        params: RunParams,
        querystring: Practice,
      },
    },
    async (request) => report(request, request.query.practiceId, request.params.id),
  );

  app.get<{ Params: { id: number }; Querystring: { practiceId: number } }>(
    '/api/payouts/:id/report.csv',
    {
      config: { access: EVERYONE },
      schema: {
        tags,
        summary: 'A payout run as CSV: a row per person and line, with its inputs',
        params: RunParams,
        querystring: Practice,
      },
    },
    async (request, reply) => {
      const { run, lines } = await report(request, request.query.practiceId, request.params.id);
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="payout-${run.periodFrom}-${run.periodTo}.csv"`);
      return toCsv(payoutReportRows(lines), PAYOUT_COLUMNS);
    },
  );
}
