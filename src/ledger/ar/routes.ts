import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../audit/index.ts';
import { OFFICE, type Role } from '../../auth/roles.ts';
import type { Db } from '../../db/connection.ts';
import { actorOf, requirePracticeInScope } from '../../http/access.ts';
import { toCsv } from '../../http/csv.ts';
import { todayIso } from '../../shared/dates.ts';
import { formatDollars } from '../../shared/money.ts';
import { closed, Id, IsoDate } from '../../shared/schema.ts';
import type { Aging } from './aging.ts';
import { arAging, arSummary, type AgingBy } from './report.ts';

const tags = ['a/r'];
/** Who reads A/R: the office and the auditors (by patient it names patients: PHI, audited). */
const AR_READERS: Role[] = [...OFFICE, 'auditor'];
const AgingQuery = Type.Object(
  { practiceId: Id, by: Type.Optional(Type.Union([Type.Literal('payer'), Type.Literal('patient')])) },
  closed,
);

export interface ArRouteOptions {
  today?: () => string;
}

export function registerArRoutes(app: FastifyInstance, db: Db, options: ArRouteOptions = {}): void {
  const today = options.today ?? (() => todayIso());

  const aging = async (
    request: Parameters<typeof actorOf>[0],
    query: { practiceId: number; by?: AgingBy },
    action: 'list' | 'export',
  ) => {
    requirePracticeInScope(request, query.practiceId);
    const by = query.by ?? 'payer';
    const day = today();
    const result = await arAging(db, query.practiceId, by, day);
    if (by === 'patient' && result.rows.length)
      await recordAudit(db, actorOf(request), {
        practiceId: query.practiceId,
        action,
        entity: 'ar_aging',
        detail: { by, patientKeys: result.rows.map((r) => r.key) },
      });
    return { today: day, by, ...result };
  };

  app.get<{ Querystring: { practiceId: number; by?: AgingBy } }>(
    '/api/ar/aging',
    {
      config: { access: AR_READERS },
      schema: {
        tags,
        summary:
          'A/R aging by payer (insurance balances) or by patient (patient balances): 0–30, 31–60, 61–90, 91–120, over 120 days from the date of service',
        querystring: AgingQuery,
      },
    },
    async (request) => aging(request, request.query, 'list'),
  );

  app.get<{ Querystring: { practiceId: number; by?: AgingBy } }>(
    '/api/ar/aging.csv',
    {
      config: { access: AR_READERS },
      schema: { tags, summary: 'A/R aging as CSV (dollars)', querystring: AgingQuery },
    },
    async (request, reply) => {
      const result = await aging(request, request.query, 'export');
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="ar-aging-by-${result.by}-${result.today}.csv"`);
      return agingCsv(result, result.by);
    },
  );

  app.get<{ Querystring: { practiceId: number; from?: string; to?: string } }>(
    '/api/ar/summary',
    {
      config: { access: AR_READERS },
      schema: {
        tags,
        summary:
          'Total A/R, days in A/R (last 90 days of charges) and net collection rate over a period (default the last 90 days)',
        querystring: Type.Object(
          { practiceId: Id, from: Type.Optional(IsoDate), to: Type.Optional(IsoDate) },
          closed,
        ),
      },
    },
    async (request) => {
      const { practiceId, from, to } = request.query;
      requirePracticeInScope(request, practiceId);
      return arSummary(db, practiceId, today(), { ...(from ? { from } : {}), ...(to ? { to } : {}) });
    },
  );
}

/** One row per payer or patient and a total row; amounts in dollars, as a spreadsheet wants them. */
export function agingCsv(aging: Aging, by: AgingBy): string {
  const name = by === 'payer' ? 'Payer' : 'Patient';
  const columns = [name, ...aging.buckets.map((b) => `${b.label} days`), 'Total'];
  const rows = [...aging.rows, aging.totals].map((r) => ({
    [name]: r.label,
    ...Object.fromEntries(aging.buckets.map((b, i) => [`${b.label} days`, formatDollars(r.buckets[i]!)])),
    Total: formatDollars(r.total),
  }));
  return toCsv(rows, columns);
}
