// Productivity over HTTP: the period's figures per coder and chart type, as JSON and CSV.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '../auth/roles.ts';
import type { Db } from '../db/connection.ts';
import { requirePracticeInScope } from '../http/access.ts';
import { toCsv } from '../http/csv.ts';
import { addDays, todayIso } from '../shared/dates.ts';
import { closed, Id, IsoDate } from '../shared/schema.ts';
import { productivityFor } from './productivity-store.ts';

const tags = ['coding'];
const READERS: Role[] = ['admin', 'manager', 'auditor', 'coder'];
const MANAGING: Role[] = ['admin', 'manager', 'auditor'];
type Period = { practiceId: number; coderId?: number; from?: string; to?: string };
const PeriodQuery = Type.Object(
  { practiceId: Id, coderId: Type.Optional(Id), from: Type.Optional(IsoDate), to: Type.Optional(IsoDate) },
  closed,
);

export function registerCodingProductivityRoutes(app: FastifyInstance, db: Db): void {
  const figures = async (request: FastifyRequest, q: Period) => {
    requirePracticeInScope(request, q.practiceId);
    const to = q.to ?? todayIso();
    const from = q.from ?? addDays(to, -30);
    const manages =
      request.user?.installationAdmin ||
      request.user?.grants.some((g) => g.practiceId === q.practiceId && MANAGING.includes(g.role as Role));
    // A coder sees their own figures only.
    const coder = manages ? (q.coderId ?? 'all') : (request.user?.id ?? 0);
    return { period: { from, to }, ...(await productivityFor(db, q.practiceId, coder, from, to)) };
  };

  app.get<{ Querystring: Period }>(
    '/api/coding/productivity',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary:
          'Coder productivity from workspace events (default the last 30 days): charts and lines an hour by chart type, minutes in a chart, hold rate',
        querystring: PeriodQuery,
      },
    },
    async (request) => figures(request, request.query),
  );

  app.get<{ Querystring: Period }>(
    '/api/coding/productivity.csv',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'Coder productivity as CSV: a row per coder and chart type',
        querystring: PeriodQuery,
      },
    },
    async (request, reply) => {
      const p = await figures(request, request.query);
      const rows = p.coders.flatMap((c) =>
        [...c.byType, c.total].map((r) => ({ coderId: c.userId, coder: c.name, ...r })),
      );
      const columns = [
        'coderId',
        'coder',
        'chartType',
        'charts',
        'lines',
        'hours',
        'chartsPerHour',
        'linesPerHour',
        'minutesPerChart',
        'touched',
        'held',
        'holdRate',
      ];
      reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="productivity-${p.period.from}-${p.period.to}.csv"`,
        );
      return toCsv(rows, columns);
    },
  );
}
