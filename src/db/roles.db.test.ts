import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { createUser } from '../auth/index.ts';
import { seedDemo } from '../demo/index.ts';
import { JOBS } from '../server/jobs.ts';
import { JobQueue } from '../jobs/index.ts';
import { buildApp } from '../server/app.ts';
import { migrateDatabaseAsOwner } from '../server/migrate.ts';
import { openDatabase, type Database } from './connection.ts';
import { migrateOrCheck } from './roles.ts';
import { openTestDatabase } from './testing.ts';

// PGlite runs every statement as one superuser inside the process: there are no roles to
// separate, so this runs only on PostgreSQL (TEST_DATABASE_URL).
describe.skipIf(!process.env.TEST_DATABASE_URL)(
  'PostgreSQL: the application role (on PostgreSQL only: PGlite has no roles to separate)',
  () => {
    // Roles are cluster-wide: a name of this run's own, dropped afterwards.
    const role = `cleanclaim_app_${randomBytes(4).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    let owner: Awaited<ReturnType<typeof openTestDatabase>>;
    let appUrl: string;
    let asApp: pg.Client;

    beforeAll(async () => {
      owner = await openTestDatabase();
      await migrateDatabaseAsOwner(owner, password, role);
      const { rows } = await owner.sql.executeSql('select current_database() as db');
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.username = role;
      url.password = password;
      url.pathname = `/${String(rows[0]!.db)}`;
      appUrl = url.toString();
      asApp = new pg.Client({ connectionString: appUrl });
      await asApp.connect();
    }, 120_000);
    afterAll(async () => {
      await asApp?.end();
      await owner.close();
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP ROLE IF EXISTS ${role}`);
      await admin.end();
    });

    const refused = async (statement: string) => {
      const error = await asApp.query(statement).then(
        () => undefined,
        (e: { code?: string; message: string }) => e,
      );
      return error ? `${error.code}: ${error.message}` : 'ran';
    };

    it('cannot disable the audit triggers, alter, drop or truncate tables, or change the trail', async () => {
      expect(await refused('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update')).toMatch(
        /^42501: must be owner/,
      );
      expect(await refused('ALTER TABLE audit_event DISABLE TRIGGER ALL')).toMatch(/^42501/);
      expect(await refused('DROP TRIGGER audit_event_no_update ON audit_event')).toMatch(/^42501/);
      expect(await refused('ALTER TABLE patient ADD COLUMN smuggled text')).toMatch(/^42501/);
      expect(await refused('DROP TABLE claim')).toMatch(/^42501/);
      expect(await refused('TRUNCATE audit_event')).toMatch(/^42501/);
      expect(await refused('DELETE FROM audit_event')).toMatch(/^42501/);
      expect(await refused('UPDATE audit_event SET action = action')).toMatch(/^42501/);
      expect(await refused('CREATE TABLE public.smuggled (x int)')).toMatch(/^42501/);
      expect(await refused('CREATE SCHEMA smuggled')).toMatch(/^42501/);
      expect(await refused('ALTER TABLE pgboss.job DISABLE TRIGGER ALL')).toMatch(/^42501/);
    });

    it("does the application's work: start-up check, the job queue, writes, the API", async () => {
      let app: Awaited<ReturnType<typeof buildApp>> | undefined;
      let database: Database | undefined;
      let queue: JobQueue | undefined;
      try {
        database = await openDatabase({ url: appUrl });
        await migrateOrCheck(database); // nothing pending: passes without trying to migrate
        queue = new JobQueue(database, JOBS);
        await queue.start({ work: true });
        const practiceId = await seedDemo(
          database,
          { seed: 3, patients: 3, encounters: 3, asOf: '2026-11-20' },
          SYSTEM_ACTOR,
          [],
        );
        await createUser(database.db, {
          email: 'root@example.org',
          name: 'Root',
          password: 'correct horse battery staple',
          grants: [{ practiceId, role: 'admin' }],
          installationAdmin: true,
        });
        app = await buildApp({ database, queue, webRoot: '/nonexistent' });
        const login = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'root@example.org', password: 'correct horse battery staple' },
        });
        expect(login.statusCode).toBe(200);
        const cookies = {
          cleanclaim_session: login.cookies.find((c) => c.name === 'cleanclaim_session')!.value,
        };
        const headers = { 'x-csrf-token': login.json().csrfToken as string };
        const patients = await app.inject({ url: '/api/patients', cookies });
        expect(patients.json().total).toBe(3);
        const queued = await app.inject({
          method: 'POST',
          url: '/api/jobs/demo-seed',
          cookies,
          headers,
          payload: { patients: 2, encounters: 2, seed: 4 },
        });
        expect(queued.statusCode).toBe(202);
        expect((await queue.waitFor('demo.seed', queued.json().id, 60_000)).state).toBe('completed');
      } finally {
        await app?.close();
        await queue?.stop();
        await database?.close();
      }
    }, 120_000);

    it('refuses to start on a database behind the code, naming the command to run', async () => {
      await owner.sql.executeSql(
        'delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)',
      );
      const database = await openDatabase({ url: appUrl });
      try {
        await expect(migrateOrCheck(database)).rejects.toThrow(/cleanclaim migrate/);
      } finally {
        await database.close();
      }
    });
  },
);
