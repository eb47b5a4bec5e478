// Coding audits over HTTP: draw a sample, re-code blind, score, dispute and settle; the scores
// per coder as JSON and CSV.
import { randomInt } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '../auth/roles.ts';
import type { Db } from '../db/connection.ts';
import { actorOf, requirePracticeInScope } from '../http/access.ts';
import { toCsv } from '../http/csv.ts';
import { closed, Id, IsoDate, Text } from '../shared/schema.ts';
import { PeriodQuerySchema, reviewPeriod, reviewsCoders, type PeriodQuery } from './review-period.ts';
import { AUDIT_CATEGORIES, type CodedChart } from './audits-score.ts';
import {
  auditById,
  auditChartById,
  auditScoresFor,
  blindView,
  createAudit,
  disputeChart,
  listAudits,
  resolveDispute,
  submitRecode,
  type AuditRequest,
} from './audits-store.ts';

const tags = ['coding'];
const AUDITORS: Role[] = ['admin', 'manager', 'auditor'];
const READERS: Role[] = ['admin', 'manager', 'auditor', 'coder'];
const ById = Type.Object({ id: Id }, closed);
const Code = Type.String({ minLength: 1, maxLength: 10 });
const CodedChartSchema = Type.Object(
  {
    diagnoses: Type.Array(Code, { maxItems: 12 }),
    lines: Type.Array(
      Type.Object(
        {
          procedureCode: Code,
          modifiers: Type.Array(Type.String({ minLength: 2, maxLength: 2 }), { maxItems: 4 }),
          units: Type.Number({ exclusiveMinimum: 0, maximum: 9999 }),
          pointers: Type.Array(Type.Integer({ minimum: 1, maximum: 12 }), { maxItems: 4 }),
        },
        closed,
      ),
      { maxItems: 50 },
    ),
  },
  closed,
);

const isAuditor = reviewsCoders;

export function registerCodingAuditRoutes(
  app: FastifyInstance,
  db: Db,
  now: () => Date = () => new Date(),
): void {
  app.post<{ Body: AuditRequest & { practiceId: number } }>(
    '/api/coding/audits',
    {
      config: { access: AUDITORS },
      schema: {
        tags,
        summary:
          'Draw an audit sample: a percentage of the charts sent to billing in the period, at random or targeted at a coder, a code or a payer',
        body: Type.Object(
          {
            practiceId: Id,
            name: Text(100),
            sampling: Type.Union([Type.Literal('random'), Type.Literal('targeted')]),
            criteria: Type.Object(
              { coderId: Type.Optional(Id), code: Type.Optional(Code), payerId: Type.Optional(Id) },
              closed,
            ),
            percent: Type.Integer({ minimum: 1, maximum: 100 }),
            periodFrom: IsoDate,
            periodTo: IsoDate,
          },
          closed,
        ),
      },
    },
    async (request, reply) => {
      const { practiceId, ...audit } = request.body;
      requirePracticeInScope(request, practiceId);
      const out = await db.transaction((tx) =>
        createAudit(tx, practiceId, audit, actorOf(request), randomInt(1, 2_147_483_647)),
      );
      return reply.code(201).send(out);
    },
  );

  app.get<{ Querystring: { practiceId?: number } }>(
    '/api/coding/audits',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'Coding audits, newest first',
        querystring: Type.Object({ practiceId: Type.Optional(Id) }, closed),
      },
    },
    async (request) => ({ items: await listAudits(db, request.practiceScope, request.query.practiceId) }),
  );

  app.get<{ Params: { id: number } }>(
    '/api/coding/audits/:id',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: "An audit and its charts: the coder's codes stay hidden until the auditor's re-code is in",
        params: ById,
      },
    },
    async (request) => {
      const { audit, charts } = await auditById(db, request.practiceScope, request.params.id);
      const mine = isAuditor(request, audit.practiceId)
        ? charts
        : charts.filter((c) => c.coderId === request.user?.id && c.score);
      return { audit, charts: mine.map(blindView) };
    },
  );

  app.put<{ Params: { id: number }; Body: CodedChart }>(
    '/api/coding/audit-charts/:id/recode',
    {
      config: { access: AUDITORS },
      schema: {
        tags,
        summary:
          "The auditor's blind re-code of a sampled chart; answers its score against the coder's codes",
        params: ById,
        body: CodedChartSchema,
      },
    },
    async (request) =>
      db.transaction((tx) =>
        submitRecode(tx, request.practiceScope, request.params.id, request.body, actorOf(request), now()),
      ),
  );

  app.post<{ Params: { id: number }; Body: { reason: string } }>(
    '/api/coding/audit-charts/:id/dispute',
    {
      config: { access: ['coder'] },
      schema: {
        tags,
        summary: 'The coder disputes the audit of one of their charts, saying why',
        params: ById,
        body: Type.Object({ reason: Text(2000) }, closed),
      },
    },
    async (request) =>
      db.transaction((tx) =>
        disputeChart(
          tx,
          request.practiceScope,
          request.params.id,
          request.body.reason,
          actorOf(request),
          now(),
        ),
      ),
  );

  app.post<{ Params: { id: number }; Body: { outcome: 'upheld' | 'overturned'; resolution?: string } }>(
    '/api/coding/audit-charts/:id/resolve',
    {
      config: { access: AUDITORS },
      schema: {
        tags,
        summary:
          "Settle a coder's dispute: upheld keeps the score, overturned takes the coder's codes as right",
        params: ById,
        body: Type.Object(
          {
            outcome: Type.Union([Type.Literal('upheld'), Type.Literal('overturned')]),
            resolution: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          closed,
        ),
      },
    },
    async (request) =>
      db.transaction((tx) =>
        resolveDispute(
          tx,
          request.practiceScope,
          request.params.id,
          request.body.outcome,
          request.body.resolution ?? '',
          actorOf(request),
          now(),
        ),
      ),
  );

  app.get<{ Params: { id: number } }>(
    '/api/coding/audit-charts/:id',
    {
      config: { access: READERS },
      schema: { tags, summary: 'One sampled chart (blind until re-coded)', params: ById },
    },
    async (request) => {
      const row = await auditChartById(db, request.practiceScope, request.params.id);
      if (!isAuditor(request, row.practiceId) && (row.coderId !== request.user?.id || !row.score))
        return { ...blindView(row), auditorCoding: null, score: null };
      return blindView(row);
    },
  );

  const scores = (request: FastifyRequest, q: PeriodQuery) => {
    const { from, to, coder } = reviewPeriod(request, q, 90);
    return auditScoresFor(db, q.practiceId, coder, from, to).then((s) => ({ period: { from, to }, ...s }));
  };

  app.get<{ Querystring: PeriodQuery }>(
    '/api/coding/audit-scores',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary:
          'Audit scores per coder for the period (default the last 90 days): accuracy by category against 95%, errors by kind, money moved',
        querystring: PeriodQuerySchema,
      },
    },
    async (request) => scores(request, request.query),
  );

  app.get<{ Querystring: PeriodQuery }>(
    '/api/coding/audit-scores.csv',
    {
      config: { access: READERS },
      schema: { tags, summary: 'Audit scores per coder as CSV', querystring: PeriodQuerySchema },
    },
    async (request, reply) => {
      const s = await scores(request, request.query);
      const rows = s.coders.map((c) => ({
        coderId: c.userId,
        coder: c.name ?? '',
        charts: c.summary.charts,
        accuracy: c.summary.accuracy.toFixed(4),
        meetsBar: c.summary.meetsBar,
        ...Object.fromEntries(AUDIT_CATEGORIES.map((k) => [k, c.summary.categories[k].accuracy.toFixed(4)])),
        errors: c.summary.total - c.summary.correct,
        moneyCents: c.summary.moneyCents,
      }));
      const columns = [
        'coderId',
        'coder',
        'charts',
        'accuracy',
        'meetsBar',
        ...AUDIT_CATEGORIES,
        'errors',
        'moneyCents',
      ];
      reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="audit-scores-${s.period.from}-${s.period.to}.csv"`,
        );
      return toCsv(rows, columns);
    },
  );
}
