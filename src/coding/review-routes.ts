// The routes of coding review: physician queries, audits and productivity (one line in the wiring).
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connection.ts';
import { registerCodingAuditRoutes } from './audits-routes.ts';
import { registerCodingProductivityRoutes } from './productivity-routes.ts';
import { registerCodingQueryRoutes } from './queries-routes.ts';

export function registerCodingReviewRoutes(app: FastifyInstance, db: Db, now?: () => Date): void {
  registerCodingQueryRoutes(app, db, now);
  registerCodingAuditRoutes(app, db, now);
  registerCodingProductivityRoutes(app, db);
}
