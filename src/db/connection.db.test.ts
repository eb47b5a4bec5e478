import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { insertRows, isAnyOf } from './raw.ts';
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

  it("inserts many rows by plain SQL in the caller's transaction, one JSON parameter, in order", async () => {
    await database.sql.executeSql(
      'create table raw_insert_test (n integer, codes text[], doc jsonb, note text, d date, big bigint)',
    );
    const columns = { n: 'int', codes: 'text[]', doc: 'jsonb', note: 'text', d: 'date', big: 'bigint' };
    const rows = Array.from({ length: 8_000 }, (_, n) => ({
      n,
      codes: n % 3 === 0 ? ['CO', 'A"1', 'back\\slash', 'a,b'] : n % 3 === 1 ? [] : null,
      doc: { n, text: 'quote " and \\' },
      ...(n % 2 ? {} : { note: `note {${n}}` }),
      d: '2026-12-01',
      big: 2 ** 40 + n,
    }));
    const returned = await database.db.transaction(async (tx) =>
      insertRows(tx, 'raw_insert_test', columns, rows, 'n, codes, doc, note, d::text, big::text'),
    );
    expect(returned.map((r) => r.n)).toEqual(rows.map((r) => r.n));
    expect(returned[0]).toEqual({
      n: 0,
      codes: ['CO', 'A"1', 'back\\slash', 'a,b'],
      doc: { n: 0, text: 'quote " and \\' },
      note: 'note {0}',
      d: '2026-12-01',
      big: String(2 ** 40),
    });
    expect(returned[1]).toMatchObject({ codes: [], note: null });
    expect(returned[7_997]).toMatchObject({ n: 7_997, codes: null, doc: { n: 7_997 } });
    await expect(
      database.db.transaction(async (tx) => {
        await insertRows(tx, 'raw_insert_test', { n: 'int' }, [{ n: -1 }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const { rows: counted } = await database.sql.executeSql(
      'select count(*)::int as n, min(n) as least from raw_insert_test',
    );
    expect(counted[0]).toEqual({ n: 8_000, least: 0 });
  });

  it('finds rows by a list sent as one array parameter (isAnyOf), none for an empty list', async () => {
    await database.sql.executeSql('create table any_test (id integer, code text)');
    await database.sql.executeSql(`insert into any_test values (1, 'a'), (2, 'b,"c'), (3, null)`);
    const ids = (where: SQL) =>
      database.db
        .execute(sql`select id from any_test where ${where} order by id`)
        .then((r) => (r as unknown as { rows: { id: number }[] }).rows.map((x) => x.id));
    expect(await ids(isAnyOf(sql.raw('id'), [3, 1, 99]))).toEqual([1, 3]);
    expect(await ids(isAnyOf(sql.raw('code'), ['b,"c']))).toEqual([2]);
    expect(await ids(isAnyOf(sql.raw('id'), []))).toEqual([]);
  });
});
