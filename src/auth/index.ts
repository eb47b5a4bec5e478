// What other domains and the wiring use of auth: users, sessions and their upkeep.
export {
  createUser,
  findUserByEmail,
  grantsOf,
  resumeSession,
  purgeExpiredSessions,
  endSessionsOf,
  usersGrantedIn,
  grantRole,
  countUsers,
  type SessionUser,
} from './store.ts';
export { userNameOf } from './columns.ts';
