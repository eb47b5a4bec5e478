// Roles are granted per practice. Each route names the roles it needs; this is the catalogue.
// provider: a physician who answers coding queries (CDI) about their own charts.
export const ROLES = ['admin', 'manager', 'coder', 'biller', 'auditor', 'provider'] as const;
export type Role = (typeof ROLES)[number];

export const EVERYONE: Role[] = [...ROLES];
export const OFFICE: Role[] = ['admin', 'manager', 'biller'];
export const CLINICAL: Role[] = ['admin', 'manager', 'coder', 'biller'];
export const MANAGERS: Role[] = ['admin', 'manager'];
export const ADMINS: Role[] = ['admin'];

export interface Grant {
  practiceId: number;
  role: Role;
}

/** A grant as a session carries it (the toolkit sees roles as plain names). */
type GrantOf = { practiceId: number; role: string };

/** The practices in which the user holds at least one of the roles. */
export function practicesWithRole(grants: readonly GrantOf[], roles: readonly string[]): number[] {
  return [...new Set(grants.filter((g) => roles.includes(g.role)).map((g) => g.practiceId))];
}

/** Who an administrator is: the installation flag and the per-practice grants. */
export interface Administrator {
  installationAdmin: boolean;
  grants: readonly GrantOf[];
}

/**
 * Whether the caller may change the target user's account (password, status, name, grants).
 * The installation admin manages everyone; a practice admin only users whose every grant lies in
 * practices the caller administers, and never an installation admin: otherwise a practice-A
 * admin could take over an account that reaches practice B.
 */
export function canAdministerUser(caller: Administrator, target: Administrator): boolean {
  if (caller.installationAdmin) return true;
  if (target.installationAdmin || target.grants.length === 0) return false;
  const administered = practicesWithRole(caller.grants, ADMINS);
  return target.grants.every((g) => administered.includes(g.practiceId));
}
