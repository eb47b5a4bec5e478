// Who reads a staff record's pay: a manager of the practice (everyone's, audited) or anyone else
// (only their own). One test for every workforce route.
import type { FastifyRequest } from 'fastify';
import { MANAGERS, practicesWithRole } from '../auth/roles.ts';
import { actorOf, requirePracticeInScope } from '../http/access.ts';
import type { Viewer } from './staff-store.ts';

/** Whether the user manages the practice (sees and changes everyone's record). */
export const manages = (request: FastifyRequest, practiceId: number): boolean =>
  Boolean(request.user && practicesWithRole(request.user.grants, MANAGERS).includes(practiceId));

/** The viewer of a practice's records; 404/403 for a practice out of the route's scope. */
export function viewerIn(request: FastifyRequest, practiceId: number): Viewer {
  requirePracticeInScope(request, practiceId);
  return { actor: actorOf(request), manager: manages(request, practiceId) };
}
