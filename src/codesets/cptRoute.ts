/**
 * POST /api/codesets/cpt: an administrator uploads the practice's licensed AMA CPT data file.
 * The text comes in the JSON body (one way to call the API); it is refused whole with every
 * problem, by line, when any line breaks the layout.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../http/access.ts';
import { describeLocation, invalid } from '../shared/problem.ts';
import { closed } from '../shared/schema.ts';
import type { CodeSetCatalog } from './catalog.ts';

/** LONGULT.txt is about 2 MB; leave room for a UTF-8 copy of the largest AMA file. */
const MAX_BYTES = 24 * 1024 * 1024;
const SHOWN_PROBLEMS = 100;

interface Body {
  fileName: string;
  year: number;
  content: string;
}

export function registerCptRoute(app: FastifyInstance, catalog: CodeSetCatalog): void {
  app.post<{ Body: Body }>(
    '/api/codesets/cpt',
    {
      config: { access: 'installation-admin' },
      bodyLimit: MAX_BYTES,
      schema: {
        tags: ['code sets'],
        summary: 'Import a licensed AMA CPT data file (LONGULT, MEDU, SHORTU …) as the CPT release of a year',
        body: Type.Object(
          {
            // A plain file name: no folder, and not '.' or '..' (written into a temporary folder).
            fileName: Type.String({ minLength: 1, maxLength: 120, pattern: '^(?!\\.{1,2}$)[^/\\\\]+$' }),
            year: Type.Integer({ minimum: 2000, maximum: 2100 }),
            content: Type.String({ minLength: 1 }),
          },
          closed,
        ),
      },
    },
    async (request, reply) => {
      const { fileName, year, content } = request.body;
      const dir = await mkdtemp(path.join(tmpdir(), 'cleanclaim-cpt-'));
      try {
        const file = path.join(dir, fileName);
        await writeFile(file, content, 'utf8');
        const outcome = await catalog.importCpt(file, year, actorOf(request));
        if (outcome.problems.length > 0)
          throw invalid(
            outcome.problems.slice(0, SHOWN_PROBLEMS).map((p) => ({
              pointer: '/content',
              detail: `${describeLocation(p)}: ${p.message}`,
            })),
          );
        if (outcome.status === 'failed')
          throw invalid([{ pointer: '/content', detail: outcome.error ?? 'not imported' }]);
        reply.code(outcome.status === 'unchanged' ? 200 : 201);
        return outcome;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
}
