import { describe, expect, it } from 'vitest';
import { canAdministerUser, type Administrator } from './roles.ts';

const adminOf = (...practices: number[]): Administrator => ({
  installationAdmin: false,
  grants: practices.map((practiceId) => ({ practiceId, role: 'admin' })),
});

describe('canAdministerUser', () => {
  const coderIn = (...practices: number[]): Administrator => ({
    installationAdmin: false,
    grants: practices.map((practiceId) => ({ practiceId, role: 'coder' })),
  });

  it('lets a practice admin manage users wholly inside the practices they administer', () => {
    expect(canAdministerUser(adminOf(1), coderIn(1))).toBe(true);
    expect(canAdministerUser(adminOf(1, 2), coderIn(1, 2))).toBe(true);
  });

  it('refuses a user with a grant elsewhere, an installation admin, or no grant at all', () => {
    expect(canAdministerUser(adminOf(1), coderIn(1, 2))).toBe(false);
    expect(canAdministerUser(adminOf(1), { installationAdmin: true, grants: adminOf(1).grants })).toBe(false);
    expect(canAdministerUser(adminOf(1), coderIn())).toBe(false);
  });

  it('does not count a non-admin grant as administering the practice', () => {
    const managerOf2 = {
      installationAdmin: false,
      grants: [...adminOf(1).grants, { practiceId: 2, role: 'manager' as const }],
    };
    expect(canAdministerUser(managerOf2, coderIn(1, 2))).toBe(false);
  });

  it('lets the installation admin manage everyone', () => {
    expect(
      canAdministerUser({ installationAdmin: true, grants: [] }, { installationAdmin: true, grants: [] }),
    ).toBe(true);
  });
});
