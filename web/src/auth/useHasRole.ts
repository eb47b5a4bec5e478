import type { Role } from '../../../src/auth/roles.ts';
import { usePracticeId } from '../practice/practice-context.ts';
import { hasRole } from './access.ts';
import { useSession } from './session-context.ts';

/** Whether the user holds one of the roles in the current practice. */
export function useHasRole(roles: readonly Role[]): boolean {
  const { user } = useSession();
  return hasRole(user, usePracticeId(), roles);
}

/** Whether the user is an installation administrator (practices, code sets, demo data, other installation admins). */
export function useIsInstallationAdmin(): boolean {
  return useSession().user.installationAdmin;
}
