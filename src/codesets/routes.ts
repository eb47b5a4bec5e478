import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { EVERYONE } from '../auth/roles.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { conflict } from '../shared/problem.ts';
import { todayIso } from '../shared/dates.ts';
import { closed, IsoDate } from '../shared/schema.ts';
import type { CodeSetCatalog } from './catalog.ts';
import type { CodeSystem } from './release/release.ts';
import { releasesNotInForce } from './release/notInForce.ts';
import { showCode } from './show.ts';
import { registerIndexRoute } from './indexRoute.ts';
import { registerCptRoute } from './cptRoute.ts';
import { CodeViewJson } from './responses.ts';

const tags = ['code sets'];
const SYSTEMS = [
  'ICD-10-CM',
  'ICD-10-PCS',
  'HCPCS',
  'CPT',
  'POS',
  'CARC',
  'CLAIM-ADJUSTMENT-GROUP',
  'TYPE-OF-BILL',
  'NUCC-TAXONOMY',
];
const System = Type.Union(SYSTEMS.map((s) => Type.Literal(s)));
const notLoaded = () =>
  conflict(
    'no code set release is imported yet: run `cleanclaim codesets import DIR` or POST /api/codesets/import',
  );

export function registerCodesetRoutes(
  app: FastifyInstance,
  catalog: CodeSetCatalog,
  queue: JobQueue,
  codesetsDir: string | undefined,
): void {
  app.get(
    '/api/codesets',
    {
      config: { access: EVERYONE },
      schema: { tags, summary: 'Imported releases with effective dates and counts' },
    },
    async () =>
      catalog.list().map((r) => ({
        system: r.release.system,
        version: r.release.version,
        effectiveFrom: r.release.effectiveFrom,
        effectiveThrough: r.release.effectiveThrough ?? null,
        counts: r.counts,
        importedAt: r.importedAt,
        files: r.files,
      })),
  );

  app.post(
    '/api/codesets/import',
    {
      config: { access: 'installation-admin' },
      schema: { tags, summary: 'Import every release in the configured code-set folder (a background job)' },
    },
    async (request, reply) => {
      if (!codesetsDir) throw conflict('no code-set folder is configured (CLEANCLAIM_CODESETS_DIR)');
      const id = await queue.enqueue(
        'codesets.import',
        { dir: codesetsDir },
        { practiceId: null, requestedBy: request.user!.id },
      );
      reply.code(202);
      return { id };
    },
  );

  registerIndexRoute(app, catalog);
  registerCptRoute(app, catalog);

  app.get<{ Querystring: { q: string; dos?: string; system?: CodeSystem[]; limit?: number } }>(
    '/api/codes/search',
    {
      config: { access: EVERYONE },
      schema: {
        tags,
        summary:
          'Search codes, descriptions, inclusion and index terms; notLoaded names each code set searched that has no release in force on the date, with its latest loaded release',
        querystring: Type.Object(
          {
            q: Type.String({ minLength: 1, maxLength: 100 }),
            dos: Type.Optional(IsoDate),
            /** one or more: system=CPT&system=HCPCS for a procedure code */
            system: Type.Optional(Type.Array(System, { maxItems: SYSTEMS.length })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
          },
          closed,
        ),
      },
    },
    async (request) => {
      if (!catalog.loaded) throw notLoaded();
      const { q, dos = todayIso(), system, limit = 25 } = request.query;
      const hits = await catalog.search(q, dos, { limit, ...(system?.length ? { systems: system } : {}) });
      // A code set with no release in force on the date is otherwise silently missing from the hits.
      const releases = catalog.list().map((r) => r.release);
      return { hits, notLoaded: releasesNotInForce(releases, dos, system?.length ? system : undefined) };
    },
  );

  app.get<{ Params: { code: string }; Querystring: { dos?: string; system?: CodeSystem } }>(
    '/api/codes/:code',
    {
      config: { access: EVERYONE },
      schema: {
        tags,
        summary: 'A code on a date of service: description, billable, notes, parents',
        params: Type.Object({ code: Type.String({ maxLength: 10 }) }),
        querystring: Type.Object({ dos: Type.Optional(IsoDate), system: Type.Optional(System) }, closed),
        response: { 200: CodeViewJson },
      },
    },
    async (request) => {
      const tables = catalog.codeTables();
      if (!tables) throw notLoaded();
      return showCode(request.params.code, request.query.dos ?? todayIso(), tables, request.query.system);
    },
  );

  app.post<{ Body: { codes: string[]; dos: string; system?: CodeSystem } }>(
    '/api/codes/validate',
    {
      config: { access: EVERYONE },
      schema: {
        tags,
        summary: 'Validate codes on a date of service',
        body: Type.Object(
          {
            codes: Type.Array(Type.String({ maxLength: 10 }), { minItems: 1, maxItems: 200 }),
            dos: IsoDate,
            system: Type.Optional(System),
          },
          closed,
        ),
        response: { 200: Type.Array(CodeViewJson) },
      },
    },
    async (request) => {
      const tables = catalog.codeTables();
      if (!tables) throw notLoaded();
      return request.body.codes.map((c) => showCode(c, request.body.dos, tables, request.body.system));
    },
  );
}
