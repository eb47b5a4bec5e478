import type { Role } from '../../../src/auth/roles.ts';
import type { SessionUser } from '../api/types.ts';

/** Whether the user holds one of the roles in the current practice (the practice every list and form uses). */
export function hasRole(user: SessionUser, practiceId: number | undefined, roles: readonly Role[]): boolean {
  return user.grants.some((g) => g.practiceId === practiceId && roles.includes(g.role));
}
