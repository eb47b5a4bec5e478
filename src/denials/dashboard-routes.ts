// The denials dashboard for managers and billers: every KPI as JSON, one CSV (a section per KPI,
// or one KPI with ?kpi=) and a PDF of the tables. Filters: practice, period, payer.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { OFFICE } from '../auth/roles.ts';
import type { Db } from '../db/connection.ts';
import { requirePracticeInScope } from '../http/access.ts';
import { toCsv } from '../http/csv.ts';
import { payerNames } from '../payers/index.ts';
import { practiceById } from '../practices/index.ts';
import { addDays, todayIso } from '../shared/dates.ts';
import { invalid, notFound } from '../shared/problem.ts';
import { closed, Id, IsoDate } from '../shared/schema.ts';
import { dashboard, type DashboardQuery } from './dashboard.ts';
import { renderDashboardPdf } from './dashboard-pdf.ts';
import { KPI_NAMES, kpiTables, type KpiName } from './dashboard-tables.ts';

const tags = ['dashboard'];
const Filters = {
  practiceId: Id,
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  payerId: Type.Optional(Id),
};
type Query = { practiceId: number; from?: string; to?: string; payerId?: number; kpi?: KpiName };

export interface DashboardRouteOptions {
  today?: () => string;
}

export function registerDashboardRoutes(
  app: FastifyInstance,
  db: Db,
  options: DashboardRouteOptions = {},
): void {
  const today = options.today ?? (() => todayIso());

  /** The period (default: the first of the month five months back to today) and the figures. */
  const figures = async (request: FastifyRequest, query: Query) => {
    requirePracticeInScope(request, query.practiceId);
    const day = today();
    const to = query.to ?? day;
    const from = query.from ?? `${addDays(`${to.slice(0, 7)}-01`, -150).slice(0, 7)}-01`;
    if (from > to)
      throw invalid([{ pointer: '/from', detail: `the period starts (${from}) after it ends (${to})` }]);
    const q: DashboardQuery = {
      practiceId: query.practiceId,
      from,
      to,
      ...(query.payerId ? { payerId: query.payerId } : {}),
    };
    return dashboard(db, q, day);
  };

  app.get<{ Querystring: Query }>(
    '/api/dashboard',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary:
          'Denials dashboard: denial rates (by payer, category, CARC, provider, procedure, per month), appeals, A/R aging by payer, days in A/R, net collection, first-pass resolution, clean-claim rate, denials actioned within 10 business days',
        querystring: Type.Object(Filters, closed),
      },
    },
    async (request) => figures(request, request.query),
  );

  app.get<{ Querystring: Query }>(
    '/api/dashboard.csv',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'The dashboard as CSV: a section per KPI (title line, header, rows), or one KPI with ?kpi=',
        querystring: Type.Object(
          { ...Filters, kpi: Type.Optional(Type.Union(KPI_NAMES.map((k) => Type.Literal(k)))) },
          closed,
        ),
      },
    },
    async (request, reply) => {
      const k = await figures(request, request.query);
      const tables = kpiTables(k).filter((t) => !request.query.kpi || t.kpi === request.query.kpi);
      const csv =
        tables.length === 1
          ? toCsv(tables[0]!.rows, tables[0]!.columns)
          : tables.map((t) => `${toCsv([], [t.title])}${toCsv(t.rows, t.columns)}`).join('\r\n');
      reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="dashboard-${request.query.kpi ?? 'all'}-${k.period.from}-${k.period.to}.csv"`,
        );
      return csv;
    },
  );

  app.get<{ Querystring: Query }>(
    '/api/dashboard.pdf',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: "The dashboard as a PDF: each KPI's table",
        querystring: Type.Object(Filters, closed),
      },
    },
    async (request, reply) => {
      const k = await figures(request, request.query);
      const { practiceId, payerId } = request.query;
      const practice = await practiceById(db, practiceId);
      if (!practice) throw notFound('practice');
      const payerName = payerId
        ? ((await payerNames(db, practiceId, [payerId]))[0]?.name ?? `Payer ${payerId}`)
        : null;
      const pdf = await renderDashboardPdf(
        { practiceName: practice.name, period: k.period, payerName, today: k.today },
        kpiTables(k),
        { creationDate: new Date() },
      );
      reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="dashboard-${k.period.from}-${k.period.to}.pdf"`);
      return pdf;
    },
  );
}
