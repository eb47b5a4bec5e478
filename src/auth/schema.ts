import { Type } from '@sinclair/typebox';
import { closed, Id, Text, Timestamp } from '../shared/schema.ts';
import { ROLES } from './roles.ts';

/** NIST SP 800-63B asks for at least 8; we ask for 12. */
export const MIN_PASSWORD_LENGTH = 12;

export const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));
export const GrantSchema = Type.Object({ practiceId: Id, role: RoleSchema }, closed);
export const Password = Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 200 });

export const LoginBody = Type.Object(
  { email: Text(100), password: Type.String({ minLength: 1, maxLength: 200 }) },
  closed,
);
export const SessionInfo = Type.Object({
  user: Type.Object({
    id: Id,
    email: Type.String(),
    name: Type.String(),
    grants: Type.Array(GrantSchema),
    installationAdmin: Type.Boolean(),
  }),
  csrfToken: Type.String(),
  expiresAt: Type.Optional(Timestamp),
});

export const UserCreate = Type.Object(
  {
    email: Text(100, { format: 'email' }),
    name: Text(100),
    password: Password,
    // Empty only for an installation administrator (checked in the route).
    grants: Type.Array(GrantSchema, { maxItems: 500 }),
    installationAdmin: Type.Optional(Type.Boolean()),
  },
  closed,
);
export const UserUpdate = Type.Partial(
  Type.Object({
    name: Text(100),
    password: Password,
    active: Type.Boolean(),
    grants: Type.Array(GrantSchema, { maxItems: 500 }),
    installationAdmin: Type.Boolean(),
  }),
  closed,
);
export const User = Type.Object({
  id: Id,
  email: Type.String(),
  name: Type.String(),
  active: Type.Boolean(),
  installationAdmin: Type.Boolean(),
  createdAt: Timestamp,
  lastLoginAt: Type.Union([Timestamp, Type.Null()]),
  grants: Type.Array(GrantSchema),
});
