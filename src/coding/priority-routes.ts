// A manager reorders the coding queue: a chart's priority (1 urgent, 2 high, 3 routine), audited.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { MANAGERS } from '../auth/roles.ts';
import type { Db } from '../db/connection.ts';
import { actorOf } from '../http/access.ts';
import { closed, Id, Text } from '../shared/schema.ts';
import { changeChartPriority } from './queue-store.ts';

export function registerChartPriorityRoutes(app: FastifyInstance, db: Db): void {
  app.put<{ Params: { id: number }; Body: { priority: number; reason?: string } }>(
    '/api/coding/charts/:id/priority',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['coding'],
        summary: "Change a chart's priority on the coding queue (managers)",
        params: Type.Object({ id: Id }),
        body: Type.Object(
          {
            priority: Type.Integer({ minimum: 1, maximum: 3 }),
            reason: Type.Optional(Text(500)),
          },
          closed,
        ),
      },
    },
    async (request) =>
      db.transaction((tx) =>
        changeChartPriority(
          tx,
          request.params.id,
          request.practiceScope,
          request.body.priority,
          request.body.reason,
          actorOf(request),
        ),
      ),
  );
}
