import { STATUS, type ApiCode } from '../http/problem.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzRequests, type FuzzRequest } from './fuzz-inputs.ts';
import { startTestApp, type Client } from './testing.ts';

// Issue 10: bad input never answers 500. Every route's path, query and body fields, taken from
// the OpenAPI document, get NUL, lone surrogates, absurd numbers, '.', '..', wrong types and
// nesting; each answer must be 2xx (the value was fine) or a 4xx problem+json that stored nothing.
describe('hostile input on every route', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let root: Client;
  let requests: FuzzRequest[];
  let countRows: () => Promise<Record<string, number>>;

  beforeAll(async () => {
    t = await startTestApp({ batchWaitMs: 200 });
    // Path ids are 1 in every generated request: user 1 must not be the one running the test,
    // whose grants a valid PATCH /api/users/1 { grants: [] } would rightly remove.
    await t.addUser('target@example.org', [{ practiceId: t.practiceA, role: 'coder' }]);
    await t.addUser(
      'root@example.org',
      [
        { practiceId: t.practiceA, role: 'admin' },
        { practiceId: t.practiceB, role: 'admin' },
      ],
      { installationAdmin: true },
    );
    root = await t.login('root@example.org');
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    // Logging out would end the session the rest of the run uses.
    const { ['/api/auth/logout']: _logout, ...paths } = doc.paths;
    requests = fuzzRequests(paths);
    const { rows } = await t.database.sql.executeSql(
      "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
    );
    // Each table's row count kept by triggers in one small table, read after every answer: counting
    // every table after each of the thousands of requests took most of this test's time. The
    // triggers add on insert and take away on delete, so the figures are exactly count(*); in the
    // audit trail a refused log-in is rightly recorded, so it is not counted.
    const tables = rows.map((r) => String(r.table_name));
    await t.database.sql.executeSql(`
      create table zz_row_count (name text primary key, n bigint not null);
      insert into zz_row_count ${tables
        .map((name) =>
          name === 'audit_event'
            ? `select 'audit_event', count(*) from audit_event where action <> 'login-failed'`
            : `select '${name}', count(*) from "${name}"`,
        )
        .join(' union all ')};
      create function zz_count_row() returns trigger language plpgsql as $$
      begin
        update zz_row_count set n = n + case when tg_op = 'INSERT' then 1 else -1 end where name = tg_table_name;
        return null;
      end $$;
      ${tables
        .map((name) =>
          name === 'audit_event'
            ? `create trigger zz_count_insert after insert on audit_event for each row
                 when (new.action <> 'login-failed') execute function zz_count_row();
               create trigger zz_count_delete after delete on audit_event for each row execute function zz_count_row();`
            : `create trigger zz_count after insert or delete on "${name}" for each row execute function zz_count_row();`,
        )
        .join('\n')}`);
    countRows = async () => {
      const counts = (await t.database.sql.executeSql('select name, n from zz_row_count')).rows;
      return Object.fromEntries(counts.map((r) => [String(r.name), Number(r.n)]));
    };
  }, 120_000);
  afterAll(() => t.close());

  it('answers every hostile value with 2xx or a 4xx problem, and a refused request stores nothing', async () => {
    expect(requests.length).toBeGreaterThanOrEqual(1_500);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    // Counted after every answer: a refusal must leave the counts where the last answer left them.
    let before = await countRows();
    for (const r of requests) {
      const res = await root.request({
        method: r.method as never,
        url: r.url,
        ...(r.payload !== undefined
          ? { payload: JSON.stringify(r.payload), headers: { 'content-type': 'application/json' } }
          : {}),
      });
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      const where = `${r.method} ${r.url.slice(0, 120)} (${r.what})`;
      const after = await countRows();
      if (res.statusCode >= 500) failures.push(`${where}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      else if (res.statusCode >= 400) {
        if (!String(res.headers['content-type']).startsWith('application/problem+json'))
          failures.push(`${where}: ${res.statusCode} as ${res.headers['content-type']}`);
        // every refusal names its code, and the code's status is the one sent
        const code = (res.json() as { code?: string }).code;
        if (
          !code ||
          !(code in STATUS) ||
          (STATUS[code as ApiCode] !== res.statusCode && code !== 'BAD_REQUEST')
        )
          failures.push(`${where}: ${res.statusCode} with code ${code}`);
        const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
        if (changed.length)
          failures.push(`${where}: refused with ${res.statusCode} but changed ${changed.join(', ')}`);
      }
      before = after;
    }
    console.log(
      `hostile inputs: ${requests.length} requests; answers ${[...statuses].map(([s, n]) => `${s}×${n}`).join(', ')}`,
    );
    expect(failures).toEqual([]);
  }, 600_000);
});
