import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { appUser } from './tables.ts';

/** A user's name as SQL on another domain's user id column (who moved a claim), null when none. */
export const userNameOf = (userId: SQLWrapper): SQL<string | null> =>
  sql<string | null>`(select ${appUser.name} from ${appUser} where ${appUser.id} = ${userId})`;
