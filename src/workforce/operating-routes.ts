// The team's pay against the market (a manager the team's, anyone else their own) and the
// practice's operating figures (managers only): each as JSON and as CSV (the same table, src/workforce/operating-table.ts and team-market.ts).
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { EVERYONE, MANAGERS } from '../auth/roles.ts';
import type { Db } from '../db/connection.ts';
import { actorOf, requirePracticeInScope } from '../http/access.ts';
import { toCsv } from '../http/csv.ts';
import { todayIso } from '../shared/dates.ts';
import { notFound } from '../shared/problem.ts';
import { closed, Id } from '../shared/schema.ts';
import { OPERATING_COLUMNS, operatingRows } from './operating-table.ts';
import { operatingFor } from './operating-store.ts';
import { TEAM_MARKET_COLUMNS, teamMarketRows } from './team-market.ts';
import { teamMarketFor } from './team-market-store.ts';
import { viewerIn } from './viewer.ts';

const tags = ['workforce'];
type OperatingQuery = { practiceId: number; month?: string };
const OperatingQuerySchema = Type.Object(
  {
    practiceId: Id,
    month: Type.Optional(
      Type.String({
        // 2000–2099: the figures reach 23 months back, and a date past 9999 is not a date.
        pattern: '^20\\d{2}-(0[1-9]|1[0-2])$',
        description: 'The last month shown (default: this month)',
      }),
    ),
  },
  closed,
);
const TeamQuerySchema = Type.Object({ practiceId: Id }, closed);

const csv = (
  reply: FastifyReply,
  name: string,
  note: string,
  rows: Record<string, unknown>[],
  columns: string[],
) => {
  reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`);
  return `${toCsv([], [note])}${toCsv(rows, columns)}`;
};

export const STAFF_COST_NOTE =
  'Staff cost: gross pay from stored payout runs where they cover the month, else estimated from pay (hourly with overtime; salary a twelfth a month); no employer taxes or benefits.';

export function registerOperatingRoutes(app: FastifyInstance, db: Db): void {
  const operating = async (request: FastifyRequest, q: OperatingQuery) => {
    requirePracticeInScope(request, q.practiceId);
    const lastMonth = q.month ?? todayIso().slice(0, 7);
    return {
      lastMonth,
      note: STAFF_COST_NOTE,
      months: await operatingFor(db, q.practiceId, lastMonth, actorOf(request)),
    };
  };
  const team = async (request: FastifyRequest, practiceId: number) => {
    const view = await teamMarketFor(db, practiceId, viewerIn(request, practiceId), todayIso());
    if (!view) throw notFound('wage data (import the BLS files: cleanclaim wages import DIR)');
    return view;
  };

  app.get<{ Querystring: OperatingQuery }>(
    '/api/workforce/operating',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary:
          'Operating figures by month for the last twelve months: cost per claim, cost to collect, FTE, claims and collections per FTE, each against the same month last year and the trailing twelve months',
        querystring: OperatingQuerySchema,
      },
    },
    async (request) => operating(request, request.query),
  );

  app.get<{ Querystring: OperatingQuery }>(
    '/api/workforce/operating.csv',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'The operating figures as CSV: a row per month',
        querystring: OperatingQuerySchema,
      },
    },
    async (request, reply) => {
      const o = await operating(request, request.query);
      return csv(reply, `operating-${o.lastMonth}`, o.note, operatingRows(o.months), OPERATING_COLUMNS);
    },
  );

  app.get<{ Querystring: { practiceId: number } }>(
    '/api/workforce/team-market',
    {
      config: { access: EVERYONE },
      schema: {
        tags,
        summary:
          "Each current staff member's annualised pay as a percentile of the BLS market: national, their state and their work setting. A manager sees the team (audited); anyone else their own record",
        querystring: TeamQuerySchema,
      },
    },
    async (request) => team(request, request.query.practiceId),
  );

  app.get<{ Querystring: { practiceId: number } }>(
    '/api/workforce/team-market.csv',
    {
      config: { access: EVERYONE },
      schema: {
        tags,
        summary: 'Pay against the market as CSV: a row per staff member',
        querystring: TeamQuerySchema,
      },
    },
    async (request, reply) => {
      const v = await team(request, request.query.practiceId);
      return csv(
        reply,
        'team-pay-against-market',
        `Pay against the market: ${v.occupation.title} (${v.occupation.code}). Source: U.S. Bureau of Labor Statistics, OEWS ${v.release}`,
        teamMarketRows(v.rows),
        TEAM_MARKET_COLUMNS,
      );
    },
  );
}
