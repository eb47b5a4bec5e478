// The denials queue (issue 12: the record and its list; working a denial comes later).
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { OFFICE } from '../auth/roles.ts';
import type { Db } from '../db/connection.ts';
import { listDenials } from './store.ts';

export function registerDenialRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Querystring: { practiceId?: number; state?: string } }>(
    '/api/denials',
    {
      config: { access: OFFICE },
      schema: {
        tags: ['denials'],
        summary: 'The denials queue: one row per denied service line, with its group code, CARC and RARCs',
        querystring: Type.Object({
          practiceId: Type.Optional(Type.Integer({ minimum: 1 })),
          state: Type.Optional(Type.String({ maxLength: 20 })),
        }),
      },
    },
    async (request) => {
      const scope = request.query.practiceId
        ? request.practiceScope.filter((p) => p === request.query.practiceId)
        : request.practiceScope;
      return {
        items: await listDenials(db, scope, request.query.state ? { state: request.query.state } : {}),
      };
    },
  );
}
