import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql, type SQL } from 'drizzle-orm';
import { bigint, date, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { insertColumns, insertMany, isAnyOf } from './raw.ts';

/** Rows (each its values in column order) as insertColumns takes them: a list of values a column. */
const byColumn = (rows: readonly (readonly unknown[])[]) =>
  (rows[0] ?? []).map((_, n) => rows.map((row) => row[n]));
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

  it("inserts many rows by plain SQL in the caller's transaction, more than one statement takes, in order", async () => {
    await database.sql.executeSql(
      'create table raw_insert_test (n integer, codes text[], doc jsonb, note text, d date, at timestamptz, ok boolean, big bigint, lines integer[])',
    );
    // 8,000 rows: more than one statement takes (5,000). Every kind of value an array literal must
    // carry: quotes, backslashes, commas, braces, the word NULL, an empty string, arrays of them.
    const odd = 'a "quoted", {braced} \\ NULL';
    const rows = Array.from({ length: 8_000 }, (_, n) => [
      n,
      n % 3 ? ['CO', 'A"1', odd, ''] : null,
      n % 5 ? JSON.stringify({ n, odd }) : null,
      n === 8 ? 'two\nlines,\ta tab and \\n' : n % 2 ? null : n % 4 ? odd : 'NULL',
      '2026-12-01',
      new Date(Date.UTC(2026, 11, 1, 12)),
      n % 2 === 0,
      2 ** 40 + n,
      [1, n],
    ]);
    const returned = await database.db.transaction(async (tx) =>
      insertColumns(
        tx,
        'raw_insert_test',
        [
          { name: 'n', type: 'integer' },
          { name: 'codes', type: 'text[]' },
          { name: 'doc', type: 'jsonb' },
          { name: 'note', type: 'text' },
          { name: 'd', type: 'date' },
          { name: 'at', type: 'timestamp with time zone' },
          { name: 'ok', type: 'boolean' },
          { name: 'big', type: 'bigint' },
          { name: 'lines', type: 'integer[]' },
        ],
        byColumn(rows),
        'n, codes, doc, note, d::text, at, ok, big::text, lines',
      ),
    );
    expect(returned.map((r) => r.n)).toEqual(rows.map((r) => r[0]));
    expect(returned[7_999]).toEqual({
      n: 7_999,
      codes: ['CO', 'A"1', odd, ''],
      doc: { n: 7_999, odd },
      note: null,
      d: '2026-12-01',
      at: new Date(Date.UTC(2026, 11, 1, 12)),
      ok: false,
      big: String(2 ** 40 + 7_999),
      lines: [1, 7_999],
    });
    expect(returned[7_998]).toMatchObject({ codes: null, note: odd, ok: true });
    expect(returned[7_995]).toMatchObject({ doc: null });
    expect(returned[8]).toMatchObject({ note: 'two\nlines,\ta tab and \\n' });
    expect(returned[7_996]).toMatchObject({ codes: ['CO', 'A"1', odd, ''], note: 'NULL' });
    await expect(
      database.db.transaction(async (tx) => {
        await insertColumns(tx, 'raw_insert_test', [{ name: 'n', type: 'integer' }], [[-1]]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const { rows: counted } = await database.sql.executeSql(
      'select count(*)::int as n, min(n) as least from raw_insert_test',
    );
    expect(counted[0]).toEqual({ n: 8_000, least: 0 });
    // a value every row has goes once, as a typed placeholder: each kind, and nulls of each type
    const columns = [
      { name: 'n', type: 'integer' },
      { name: 'codes', type: 'text[]' },
      { name: 'doc', type: 'jsonb' },
      { name: 'note', type: 'text' },
      { name: 'd', type: 'date' },
      { name: 'ok', type: 'boolean' },
      { name: 'big', type: 'bigint' },
      { name: 'lines', type: 'integer[]' },
    ];
    const same = await database.db.transaction((tx) =>
      insertColumns(
        tx,
        'raw_insert_test',
        columns,
        byColumn([-2, -3, -4].map((n) => [n, null, null, odd, '2026-12-02', false, 2 ** 40, null])),
        'n, codes, doc, note, d::text, ok, big::text, lines',
      ),
    );
    expect(same).toEqual(
      [-2, -3, -4].map((n) => ({
        n,
        codes: null,
        doc: null,
        note: odd,
        d: '2026-12-02',
        ok: false,
        big: String(2 ** 40),
        lines: null,
      })),
    );
    await database.db.transaction((tx) =>
      insertColumns(
        tx,
        'raw_insert_test',
        columns,
        byColumn([
          [-5, null, null, null, null, null, null, null],
          [-6, null, null, null, null, null, null, null],
        ]),
      ),
    );
    const {
      rows: [nulls],
    } = await database.sql.executeSql(
      `select count(*)::int as n from raw_insert_test where n in (-5, -6) and codes is null and doc is null
         and note is null and d is null and ok is null and big is null and lines is null`,
    );
    expect(nulls).toEqual({ n: 2 });
  });

  it('inserts rows as drizzle would (insertMany): values mapped from the schema, defaults kept, rows back in order', async () => {
    await database.sql.executeSql(
      `create table raw_many_test (id integer primary key generated always as identity, label_text text not null,
         amount_cents bigint not null, on_day date, codes text[], doc jsonb, made_at timestamptz not null default now())`,
    );
    const table = pgTable('raw_many_test', {
      id: integer().primaryKey().generatedAlwaysAsIdentity(),
      labelText: text().notNull(),
      amountCents: bigint({ mode: 'number' }).notNull(),
      onDay: date({ mode: 'string' }),
      codes: text().array(),
      doc: jsonb().$type<{ n: number; quote: string }>(),
      madeAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    });
    const rows = Array.from({ length: 5_000 }, (_, n) => ({
      labelText: `row "${n}", {braces}`,
      amountCents: 2 ** 40 + n,
      onDay: n % 2 ? null : '2026-12-01',
      codes: n % 2 ? ['CO', 'A"1,2'] : [],
      doc: { n, quote: 'a " and a \\' },
    }));
    const stored = await database.db.transaction(async (tx) => insertMany(tx, table, rows, 'rows'));
    expect(stored).toHaveLength(5_000);
    expect(stored.map((r) => r.labelText)).toEqual(rows.map((r) => r.labelText));
    expect(stored[0]).toMatchObject({
      amountCents: 2 ** 40,
      onDay: '2026-12-01',
      codes: [],
      doc: rows[0]!.doc,
    });
    expect(stored[1]).toMatchObject({ onDay: null, codes: ['CO', 'A"1,2'] });
    expect(stored[0]!.madeAt).toBeInstanceOf(Date);
    expect(stored[1]!.id).toBe(stored[0]!.id + 1);
    // what was stored is what drizzle reads back
    const [read] = await database.db.select().from(table).where(eq(table.id, stored[1]!.id));
    expect(read).toEqual(stored[1]);
    const ids = await database.db.transaction(async (tx) =>
      insertMany(tx, table, [{ labelText: 'x', amountCents: 1 }]),
    );
    expect(ids).toEqual([stored[4_999]!.id + 1]);
    await expect(
      database.db.transaction(async (tx) =>
        insertMany(tx, table, [
          { labelText: 'a', amountCents: 1, madeAt: new Date() },
          { labelText: 'b', amountCents: 2 },
        ]),
      ),
    ).rejects.toThrow(/madeAt is given in some rows only/);
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
