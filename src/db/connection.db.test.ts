import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { insertRows } from './raw.ts';
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

  it("inserts many rows by plain SQL in the caller's transaction, split at the parameter limit, in order", async () => {
    await database.sql.executeSql(
      'create table raw_insert_test (n integer, codes text[], doc jsonb, note text, d date, a int, b int, c int, e int)',
    );
    // 9 columns × 8,000 rows = 72,000 parameters: two statements (PostgreSQL takes 65,535 at most)
    const rows = Array.from({ length: 8_000 }, (_, n) => [
      n,
      ['CO', 'A"1'],
      JSON.stringify({ n }),
      null,
      '2026-12-01',
      1,
      2,
      3,
      4,
    ]);
    const returned = await database.db.transaction(async (tx) =>
      insertRows(
        tx,
        'raw_insert_test',
        ['n', 'codes', 'doc', 'note', 'd', 'a', 'b', 'c', 'e'],
        rows,
        'n, codes, doc, d::text',
      ),
    );
    expect(returned.map((r) => r.n)).toEqual(rows.map((r) => r[0]));
    expect(returned[7_999]).toEqual({ n: 7_999, codes: ['CO', 'A"1'], doc: { n: 7_999 }, d: '2026-12-01' });
    await expect(
      database.db.transaction(async (tx) => {
        await insertRows(tx, 'raw_insert_test', ['n'], [[-1]]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const { rows: counted } = await database.sql.executeSql(
      'select count(*)::int as n, min(n) as least from raw_insert_test',
    );
    expect(counted[0]).toEqual({ n: 8_000, least: 0 });
  });
});
