/** GET /api/codes/index: the alphabetic index, drug, neoplasm and external-cause tables, and the ICD-10-PCS Index. */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { EVERYONE } from '../auth/roles.ts';
import { conflict } from '../shared/problem.ts';
import { todayIso } from '../shared/dates.ts';
import { closed, IsoDate } from '../shared/schema.ts';
import { INDEX_TABLES, type IndexTable } from './book/indexBook.ts';
import type { IndexRequest } from './book/lookUp.ts';
import type { CodeSetCatalog } from './catalog.ts';

interface Query {
  system?: IndexRequest['system'];
  table?: IndexTable;
  term: string;
  path?: string[];
  dos?: string;
  column?: string;
  depth?: number;
}

export function registerIndexRoute(app: FastifyInstance, catalog: CodeSetCatalog): void {
  app.get<{ Querystring: Query }>(
    '/api/codes/index',
    {
      config: { access: EVERYONE },
      schema: {
        tags: ['code sets'],
        summary:
          'Look a term up in the index: main terms, subterms, see/see also, codes verified on the date of service',
        description:
          'Main terms starting with `term` when none is named exactly; otherwise the entry at `term` → `path`… with its codes checked against the tabular (billable, header, 7th-character choices), where its "see" and "see also" lead, and its subterms to `depth` levels.',
        querystring: Type.Object(
          {
            system: Type.Optional(Type.Union([Type.Literal('ICD-10-CM'), Type.Literal('ICD-10-PCS')])),
            table: Type.Optional(Type.Union(INDEX_TABLES.map((t) => Type.Literal(t)))),
            term: Type.String({ minLength: 1, maxLength: 200 }),
            path: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 20 })),
            dos: Type.Optional(IsoDate),
            column: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
            depth: Type.Optional(Type.Integer({ minimum: 1, maximum: 40 })),
          },
          closed,
        ),
      },
    },
    async (request) => {
      const {
        system = 'ICD-10-CM',
        table = 'index',
        term,
        path = [],
        dos = todayIso(),
        column,
        depth,
      } = request.query;
      const found = await catalog.lookUpIndex({
        system,
        table: system === 'ICD-10-PCS' ? 'index' : table,
        term,
        path,
        dos,
        ...(column ? { column } : {}),
        ...(depth ? { depth } : {}),
      });
      if (!found) throw conflict('no code set release is imported yet: run `cleanclaim codesets import DIR`');
      return found;
    },
  );
}
