import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestDatabase } from './testing.ts';

describe('database', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => database.close());

  it('applies the migrations and stores timestamps in UTC', async () => {
    const rows = await database.sql.executeSql("select current_setting('TimeZone') as tz, now() as now");
    expect(String(rows.rows[0]!.tz)).toMatch(/^(Etc\/)?UTC$/);
    // raw SQL: src/db names no domain's tables
    const inserted = await database.sql.executeSql(
      "insert into audit_event (action, entity) values ('test', 'db') returning at",
    );
    expect(inserted.rows[0]!.at).toBeInstanceOf(Date);
  });

  it('refuses to update or delete an audit event (append-only)', async () => {
    await database.sql.executeSql("insert into audit_event (action, entity) values ('test', 'db')");
    const appendOnly = { cause: { message: expect.stringMatching(/append-only/) } };
    await expect(database.db.execute(sql`update audit_event set action = 'x'`)).rejects.toMatchObject(
      appendOnly,
    );
    await expect(database.db.execute(sql`delete from audit_event`)).rejects.toMatchObject(appendOnly);
    await expect(database.db.execute(sql`truncate audit_event`)).rejects.toMatchObject(appendOnly);
  });
});
