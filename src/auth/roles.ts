// Roles are granted per practice. Each route names the roles it needs; this is the catalogue.
export const ROLES = ['admin', 'manager', 'coder', 'biller', 'auditor'] as const;
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

/** The practices in which the user holds at least one of the roles. */
export function practicesWithRole(grants: Grant[], roles: readonly Role[]): number[] {
  return [...new Set(grants.filter((g) => roles.includes(g.role)).map((g) => g.practiceId))];
}
