// Market pay, open without login: the salary explorer's figures (JSON and CSV per table), the pay
// estimate, and the assumptions it uses (changed by an installation administrator only).
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connection.ts';
import { actorOf } from '../http/access.ts';
import { toCsv } from '../http/csv.ts';
import { invalid, notFound } from '../shared/problem.ts';
import { closed } from '../shared/schema.ts';
import { estimatePay } from './estimate.ts';
import { WAGE_TABLES, wageTables } from './explorer-tables.ts';
import { estimateBases, payAssumptions, updatePayAssumption, wageExplorer } from './store.ts';

const tags = ['wages'];
const Occupation = Type.Optional(Type.String({ pattern: '^\\d{2}-\\d{4}$' }));

export function registerWageRoutes(app: FastifyInstance, db: Db): void {
  const explorer = async (occupation?: string) => {
    const x = await wageExplorer(db, occupation);
    if (!x) throw notFound('wage data (import the BLS files: cleanclaim wages import DIR)');
    return x;
  };

  app.get<{ Querystring: { occupation?: string } }>(
    '/api/wages',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'The salary explorer: national percentiles by release, state means, work settings, job outlook and the files they come from (BLS OEWS and Employment Projections)',
        querystring: Type.Object({ occupation: Occupation }, closed),
      },
    },
    async (request) => {
      const x = await explorer(request.query.occupation);
      return { ...x, tables: wageTables(x) };
    },
  );

  app.get<{ Querystring: { occupation?: string; table: (typeof WAGE_TABLES)[number] } }>(
    '/api/wages.csv',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One explorer table as CSV, with its BLS release on the first line',
        querystring: Type.Object(
          { occupation: Occupation, table: Type.Union(WAGE_TABLES.map((t) => Type.Literal(t))) },
          closed,
        ),
      },
    },
    async (request, reply) => {
      const x = await explorer(request.query.occupation);
      const t = wageTables(x).find((w) => w.name === request.query.table)!;
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="wages-${t.name}-${x.occupation.code}.csv"`);
      return `${toCsv([], [`${t.title}. Source: U.S. Bureau of Labor Statistics, ${t.release}`])}${toCsv(t.rows, t.columns)}`;
    },
  );

  app.get(
    '/api/wages/assumptions',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          "The pay estimate's assumptions (experience bands, certifications, remote) with their source and year",
      },
    },
    async () => payAssumptions(db),
  );

  app.put<{
    Params: { key: string };
    Body: { low: number; high: number; source: string; sourceYear: number; note?: string; label?: string };
  }>(
    '/api/wages/assumptions/:key',
    {
      config: { access: 'installation-admin' },
      schema: {
        tags,
        summary: 'Change one assumption of the pay estimate (audited)',
        params: Type.Object({ key: Type.String({ maxLength: 60 }) }),
        body: Type.Object(
          {
            low: Type.Integer({ minimum: -10_000, maximum: 100_000 }),
            high: Type.Integer({ minimum: -10_000, maximum: 100_000 }),
            source: Type.String({ minLength: 1, maxLength: 500 }),
            sourceYear: Type.Integer({ minimum: 1990, maximum: 2100 }),
            note: Type.Optional(Type.String({ maxLength: 1000 })),
            label: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          },
          closed,
        ),
      },
    },
    async (request) => {
      const { key } = request.params;
      const body = request.body;
      if (body.low > body.high)
        throw invalid([{ pointer: '/low', detail: 'the low end is above the high end' }]);
      const current = (await payAssumptions(db)).find((a) => a.key === key);
      if (!current) throw notFound('assumption');
      if (current.kind === 'experience')
        for (const f of ['low', 'high'] as const)
          if (![10, 25, 50, 75, 90].includes(body[f]))
            throw invalid([
              { pointer: `/${f}`, detail: 'an experience band is a BLS percentile: 10, 25, 50, 75 or 90' },
            ]);
      const updated = await updatePayAssumption(
        db,
        key,
        { ...body, note: body.note ?? current.note },
        actorOf(request),
      );
      if (!updated) throw notFound('assumption');
      return updated;
    },
  );

  app.post<{
    Body: {
      occupation?: string;
      state?: string;
      setting?: string;
      experience: string;
      certifications?: string[];
      remote?: boolean;
    };
  }>(
    '/api/wages/estimate',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          "One person's pay as a range: BLS figures for the state and work setting, with the experience and certification assumptions listed",
        body: Type.Object(
          {
            occupation: Occupation,
            state: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
            setting: Type.Optional(
              Type.String({ pattern: '^\\d{2,6}$', description: 'NAICS of the work setting' }),
            ),
            experience: Type.String({ maxLength: 40 }),
            certifications: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10 })),
            remote: Type.Optional(Type.Boolean()),
          },
          closed,
        ),
      },
    },
    async (request) => {
      const body = request.body;
      const x = await explorer(body.occupation);
      const all = await payAssumptions(db);
      const experience = all.find((a) => a.kind === 'experience' && a.key === body.experience);
      const unknownCerts = (body.certifications ?? []).filter(
        (c) => !all.some((a) => a.key === c && a.kind === 'certification'),
      );
      const errors = [
        ...(experience
          ? []
          : [
              {
                pointer: '/experience',
                detail: `not an experience band: ${all
                  .filter((a) => a.kind === 'experience')
                  .map((a) => a.key)
                  .join(', ')}`,
              },
            ]),
        ...unknownCerts.map((c) => ({
          pointer: '/certifications',
          detail: `not a certification on file: ${c}`,
        })),
      ];
      const bases = await estimateBases(db, x.occupation.code, body.state, body.setting);
      if (body.state && !bases.state)
        errors.push({ pointer: '/state', detail: `no BLS state figures for ${body.state}` });
      if (body.setting && !bases.setting)
        errors.push({ pointer: '/setting', detail: `no BLS figures for the work setting ${body.setting}` });
      if (errors.length || !experience || !bases.national) throw invalid(errors);
      const pair = (p?: { row: typeof bases.national; national?: typeof bases.national }) =>
        p?.national
          ? {
              row: { ...p.row, title: p.row.areaTitle === 'U.S.' ? p.row.naicsTitle : p.row.areaTitle },
              national: { ...p.national, title: 'U.S.' },
            }
          : undefined;
      const estimate = estimatePay({
        national: { ...bases.national, title: `${x.occupation.title}, U.S., all industries` },
        state: pair(bases.state),
        setting: pair(bases.setting),
        experience,
        certifications: all.filter((a) => body.certifications?.includes(a.key)),
        remote: body.remote ? all.find((a) => a.kind === 'remote') : undefined,
      });
      return { occupation: x.occupation, ...estimate };
    },
  );
}
