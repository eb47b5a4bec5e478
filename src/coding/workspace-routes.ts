// The coder's workspace over HTTP: the queue, claiming a chart (or the next one), the coding
// screen's content, live checks, saving codes, suggestion decisions, hold and send to billing.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connection.ts';
import { actorOf, requirePracticeInScope } from '../http/access.ts';
import { todayIso } from '../shared/dates.ts';
import { notFound } from '../shared/problem.ts';
import { closed, Formatted, Id, IsoDate, Text } from '../shared/schema.ts';
import { listQueue, nextQueuedChart, type QueueFilters } from './queue-list.ts';
import { claimChart, enqueueChart, holdChart } from './queue-store.ts';
import {
  checkChartCodes,
  decideSuggestion,
  openChart,
  saveChartCodes,
  sendChart,
  type CodesInput,
  type CodingLookups,
} from './workspace-store.ts';

const CODERS = ['admin', 'manager', 'coder'];
const tags = ['coding'];
const STATES = ['queued', 'in-progress', 'held', 'query', 'done'];
const CHART_TYPES = ['em-visit', 'procedure', 'surgery', 'inpatient'];
const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));

const QueueQuery = Type.Object(
  {
    practiceId: Type.Optional(Id),
    providerId: Type.Optional(Id),
    specialty: Type.Optional(Text(20)),
    chartType: Type.Optional(literals(CHART_TYPES)),
    state: Type.Optional(literals(STATES)),
    priority: Type.Optional(Type.Integer({ minimum: 1, maximum: 3 })),
    minAgeDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })),
    mine: Type.Optional(Type.Boolean()),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  closed,
);
type QueueQuery = typeof QueueQuery.static;

const Stay = Type.Object(
  {
    admissionDate: IsoDate,
    dischargeDate: IsoDate,
    /** The principal procedure first (UB-04 FL74, 837I HI*BBR then HI*BBQ). */
    procedures: Type.Array(Type.Object({ code: Formatted('icd10pcs-code', 7), date: IsoDate }, closed), {
      maxItems: 25,
    }),
    /** Present on admission per diagnosis, in diagnosis order (UB-04 FL67): '' when exempt. */
    presentOnAdmission: Type.Optional(
      Type.Array(Type.Union(['Y', 'N', 'U', 'W', '1', ''].map((v) => Type.Literal(v))), { maxItems: 25 }),
    ),
  },
  closed,
);

const Codes = Type.Object(
  {
    // The first is the principal diagnosis; a UB-04 holds up to 25 (HI ABK + two HI ABF segments).
    diagnoses: Type.Array(Formatted('icd10cm-code', 8), { maxItems: 25 }),
    inpatient: Type.Optional(Stay),
    /** Left out on a facility visit: its revenue-code lines come from the facility's charges. */
    serviceLines: Type.Optional(
      Type.Array(
        Type.Object(
          {
            procedureCode: Formatted('procedure-code', 5),
            modifiers: Type.Optional(Type.Array(Formatted('modifier', 2), { maxItems: 4 })),
            units: Type.Number({ exclusiveMinimum: 0, maximum: 9999 }),
            diagnosisPointers: Type.Array(Type.Integer({ minimum: 1, maximum: 12 }), { maxItems: 4 }),
          },
          closed,
        ),
        { maxItems: 50 },
      ),
    ),
  },
  closed,
);
const Params = Type.Object({ id: Id });
type P = { Params: { id: number } };

export function registerCodingRoutes(app: FastifyInstance, db: Db, lookups: () => CodingLookups): void {
  const filtersOf = (q: QueueQuery, userId: number | undefined): QueueFilters => {
    const { mine, ...rest } = q;
    return { ...rest, ...(mine && userId ? { coderId: userId } : {}) };
  };

  app.get<{ Querystring: QueueQuery }>(
    '/api/coding/queue',
    {
      config: { access: CODERS },
      schema: { tags, summary: 'Charts to code, most urgent and oldest first', querystring: QueueQuery },
    },
    async (request) =>
      listQueue(db, request.practiceScope, todayIso(), filtersOf(request.query, request.user?.id)),
  );

  app.post<{ Body: { practiceId: number; encounterId: number; chartType: string; priority?: number } }>(
    '/api/coding/queue',
    {
      config: { access: CODERS },
      schema: {
        tags,
        summary: 'Put an encounter entered by hand on the coding queue (imported charts enter it themselves)',
        body: Type.Object(
          {
            practiceId: Id,
            encounterId: Id,
            chartType: literals(CHART_TYPES),
            priority: Type.Optional(Type.Integer({ minimum: 1, maximum: 3 })),
          },
          closed,
        ),
      },
    },
    async (request, reply) => {
      const { practiceId, encounterId, chartType, priority } = request.body;
      requirePracticeInScope(request, practiceId);
      const { chart, created } = await db.transaction((tx) =>
        enqueueChart(tx, practiceId, encounterId, chartType, actorOf(request), priority),
      );
      reply.code(created ? 201 : 200);
      return chart;
    },
  );

  app.post<{ Querystring: QueueQuery }>(
    '/api/coding/queue/next',
    {
      config: { access: CODERS },
      schema: { tags, summary: 'Claim the top queued chart under the filters', querystring: QueueQuery },
    },
    async (request) =>
      db.transaction(async (tx) => {
        const next = await nextQueuedChart(
          tx,
          request.practiceScope,
          todayIso(),
          filtersOf(request.query, undefined),
        );
        if (!next) throw notFound('queued chart');
        return claimChart(tx, next.id, request.practiceScope, actorOf(request));
      }),
  );

  app.post<P>(
    '/api/coding/charts/:id/claim',
    { config: { access: CODERS }, schema: { tags, params: Params } },
    async (request) =>
      db.transaction((tx) => claimChart(tx, request.params.id, request.practiceScope, actorOf(request))),
  );

  app.get<P>(
    '/api/coding/charts/:id',
    { config: { access: CODERS }, schema: { tags, params: Params } },
    async (request) =>
      db.transaction((tx) => openChart(tx, request.params.id, request.practiceScope, actorOf(request))),
  );

  app.post<P & { Body: CodesInput }>(
    '/api/coding/charts/:id/check',
    { config: { access: CODERS }, schema: { tags, params: Params, body: Codes } },
    async (request) => ({
      findings: await checkChartCodes(
        db,
        request.params.id,
        request.practiceScope,
        request.body,
        lookups(),
        todayIso(),
      ),
    }),
  );

  app.put<P & { Body: CodesInput }>(
    '/api/coding/charts/:id/codes',
    { config: { access: CODERS }, schema: { tags, params: Params, body: Codes } },
    async (request) =>
      db.transaction((tx) =>
        saveChartCodes(tx, request.params.id, request.practiceScope, request.body, actorOf(request)),
      ),
  );

  app.post<P & { Body: { accepted: boolean; system: string; code: string; confidence?: number } }>(
    '/api/coding/charts/:id/suggestions',
    {
      config: { access: CODERS },
      schema: {
        tags,
        summary: 'Record a suggestion accepted or rejected',
        params: Params,
        body: Type.Object(
          {
            accepted: Type.Boolean(),
            system: Text(20),
            code: Text(10),
            confidence: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
          },
          closed,
        ),
      },
    },
    async (request) => {
      await db.transaction((tx) =>
        decideSuggestion(tx, request.params.id, request.practiceScope, request.body, actorOf(request)),
      );
      return { recorded: true };
    },
  );

  app.post<P & { Body: { reason: string } }>(
    '/api/coding/charts/:id/hold',
    {
      config: { access: CODERS },
      schema: {
        tags,
        params: Params,
        body: Type.Object({ reason: Text(500, { minLength: 1 }) }, closed),
      },
    },
    async (request) =>
      db.transaction((tx) =>
        holdChart(tx, request.params.id, request.practiceScope, request.body.reason, actorOf(request)),
      ),
  );

  app.post<P>(
    '/api/coding/charts/:id/send',
    {
      config: { access: CODERS },
      schema: { tags, summary: 'Send the coded chart to billing', params: Params },
    },
    async (request) =>
      db.transaction((tx) =>
        sendChart(tx, request.params.id, request.practiceScope, actorOf(request), lookups(), todayIso()),
      ),
  );
}
