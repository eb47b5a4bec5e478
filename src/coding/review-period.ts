// What the audit-score and productivity routes share: the period asked (or the last N days), and
// whose figures: a coder sees only their own; auditors and managers anyone's, or everyone's.
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../auth/roles.ts';
import { requirePracticeInScope } from '../http/access.ts';
import { addDays, todayIso } from '../shared/dates.ts';
import { closed, Id, IsoDate } from '../shared/schema.ts';

export const REVIEWERS: Role[] = ['admin', 'manager', 'auditor'];

export type PeriodQuery = { practiceId: number; coderId?: number; from?: string; to?: string };
export const PeriodQuerySchema = Type.Object(
  { practiceId: Id, coderId: Type.Optional(Id), from: Type.Optional(IsoDate), to: Type.Optional(IsoDate) },
  closed,
);

/** Whether the user reviews coders in the practice (auditor, manager, admin, installation admin). */
export const reviewsCoders = (request: FastifyRequest, practiceId: number): boolean =>
  Boolean(
    request.user?.installationAdmin ||
    request.user?.grants.some((g) => g.practiceId === practiceId && REVIEWERS.includes(g.role as Role)),
  );

export function reviewPeriod(request: FastifyRequest, q: PeriodQuery, days: number) {
  requirePracticeInScope(request, q.practiceId);
  const to = q.to ?? todayIso();
  const from = q.from ?? addDays(to, -days);
  const coder: number | 'all' = reviewsCoders(request, q.practiceId)
    ? (q.coderId ?? 'all')
    : (request.user?.id ?? 0);
  return { from, to, coder };
}
