// Productivity over HTTP: the period's figures per coder and chart type, as JSON and CSV.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '../auth/roles.ts';
import type { Db } from '../db/connection.ts';
import { toCsv } from '../http/csv.ts';
import { productivityFor } from './productivity-store.ts';
import { PeriodQuerySchema, reviewPeriod, type PeriodQuery } from './review-period.ts';

const tags = ['coding'];
const READERS: Role[] = ['admin', 'manager', 'auditor', 'coder'];

export function registerCodingProductivityRoutes(app: FastifyInstance, db: Db): void {
  const figures = async (request: FastifyRequest, q: PeriodQuery) => {
    const { from, to, coder } = reviewPeriod(request, q, 30);
    return { period: { from, to }, ...(await productivityFor(db, q.practiceId, coder, from, to)) };
  };

  app.get<{ Querystring: PeriodQuery }>(
    '/api/coding/productivity',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary:
          'Coder productivity from workspace events (default the last 30 days): charts and lines an hour by chart type, minutes in a chart, hold rate',
        querystring: PeriodQuerySchema,
      },
    },
    async (request) => figures(request, request.query),
  );

  app.get<{ Querystring: PeriodQuery }>(
    '/api/coding/productivity.csv',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'Coder productivity as CSV: a row per coder and chart type',
        querystring: PeriodQuerySchema,
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
