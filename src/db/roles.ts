import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { migrateDatabase, type Database } from './connection.ts';

/**
 * PostgreSQL roles. The owner (whoever runs `cleanclaim migrate`) owns every table, the audit
 * triggers and the pg-boss schema. The server and workers connect as `cleanclaim_app`, which
 * may only read and write rows: it cannot ALTER, DROP or TRUNCATE a table, nor disable the
 * trigger that keeps audit_event append-only (only a table's owner can), nor change the trail
 * (UPDATE and DELETE on audit_event are not even granted).
 */
export const APP_ROLE = 'cleanclaim_app';

const journal = fileURLToPath(new URL('./migrations/meta/_journal.json', import.meta.url));
const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * Creates or updates the application role and its grants (run by `cleanclaim migrate`, as the
 * owner, after the migrations and after pg-boss has created its schema and queues). Without a
 * password the role cannot log in: grant it to a login role (`GRANT cleanclaim_app TO app_user`).
 */
export async function ensureAppRole(
  database: Database,
  options: { role?: string; password?: string | undefined } = {},
): Promise<void> {
  if (database.engine !== 'postgres') return;
  const role = quoteIdent(options.role ?? APP_ROLE);
  const name = quoteLiteral(options.role ?? APP_ROLE);
  const run = (text: string) => database.sql.executeSql(text);
  await run(`DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${name}) THEN CREATE ROLE ${role} NOLOGIN; END IF;
  END $$`);
  await run(
    options.password
      ? `ALTER ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD ${quoteLiteral(options.password)}`
      : `ALTER ROLE ${role} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS`,
  );
  const { rows } = await database.sql.executeSql('select current_database() as db');
  // Databases created before PostgreSQL 15 let everyone create objects in public.
  await run(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
  await run(`GRANT CONNECT, TEMPORARY ON DATABASE ${quoteIdent(String(rows[0]!.db))} TO ${role}`);
  for (const schema of ['public', 'pgboss']) {
    await run(`GRANT USAGE ON SCHEMA ${schema} TO ${role}`);
    await run(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${role}`);
    await run(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${role}`);
    await run(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${schema} TO ${role}`);
  }
  await run(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM ${role}`);
  await run(`GRANT USAGE ON SCHEMA drizzle TO ${role}`);
  await run(`GRANT SELECT ON drizzle.__drizzle_migrations TO ${role}`);
}

/**
 * Applies pending migrations when the connected role may (the owner, or the embedded
 * database); the application role may not, so for it a database behind the code is refused
 * with what to do instead of failing half-way.
 */
export async function migrateOrCheck(database: Database): Promise<void> {
  if (database.engine !== 'postgres' || (await canCreate(database))) return migrateDatabase(database);
  const expected = (JSON.parse(readFileSync(journal, 'utf8')) as { entries: unknown[] }).entries.length;
  const applied = await database.sql
    .executeSql('select count(*)::int as n from drizzle.__drizzle_migrations')
    .then((r) => Number(r.rows[0]!.n))
    .catch(() => 0);
  if (applied < expected)
    throw new Error(
      `the database has ${applied} of ${expected} migrations and this role may not apply them: ` +
        'run `cleanclaim migrate` with DATABASE_OWNER_URL (the owner) first',
    );
}

async function canCreate(database: Database): Promise<boolean> {
  const { rows } = await database.sql.executeSql(
    "select has_database_privilege(current_database(), 'CREATE') and has_schema_privilege('public', 'CREATE') as ok",
  );
  return rows[0]!.ok === true;
}
