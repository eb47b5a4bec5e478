// Work-queue benchmark: `npm run bench:denials` (PostgreSQL: TEST_DATABASE_URL=postgres://…; a
// fresh database is created and dropped after). Three demo practices get one claim per encounter,
// 20 billers and BENCH_ITEMS (default 1,000,000) open work items made in SQL (generate_series):
// six queues, owners (a tenth unassigned), the claim's payer, amounts at stake from $10 to $10,000,
// due dates over six months, opened over a year; the denials queue's items have a denial each.
// Then the work queue's list (listWorkItems: filter, sort, page, total) and the denial queue
// (denialQueue) are timed BENCH_RUNS (default 200) times per shape: p50 and p99 against 100 ms.
// Loading takes minutes: BENCH_KEEP=1 keeps the database and prints its URL, and
// BENCH_DATABASE_URL=<that URL> times that database again without loading.
import { SYSTEM_ACTOR } from '../../src/audit/index.ts';
import { openDatabase, migrateDatabase } from '../../src/db/connection.ts';
import { scratchPostgresDatabase } from '../../src/db/testing.ts';
import { denialQueue } from '../../src/denials/store.ts';
import { listWorkItems, type WorkItemFilter } from '../../src/denials/work-queue-store.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { addDays, todayIso } from '../../src/shared/dates.ts';
import { cpus, loadavg } from 'node:os';

const N = Number(process.env.BENCH_ITEMS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const TARGET_MS = 100;
const serverUrl = process.env.TEST_DATABASE_URL;
const reuseUrl = process.env.BENCH_DATABASE_URL;
if (!serverUrl && !reuseUrl) {
  console.error('bench:denials measures PostgreSQL: set TEST_DATABASE_URL=postgres://…');
  process.exit(2);
}
const scratch = reuseUrl ? undefined : await scratchPostgresDatabase(serverUrl!, 'bench');
const db = { ...(await openDatabase({ url: reuseUrl ?? scratch!.url })), engineLabel: 'PostgreSQL' };
await migrateDatabase(db);
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
const today = todayIso();
const exec = (text: string, params: unknown[] = []) => db.sql.executeSql(text, params);

/** Three demo practices, their claims, 20 billers and N open work items (with denials) made in SQL. */
async function load(): Promise<{ practices: number[]; firstUser: number }> {
  const loadedAt = performance.now();
  const practices: number[] = [];
  for (const seed of [1, 2, 3])
    practices.push(
      await seedDemo(db, { seed, patients: 400, encounters: 1500, asOf: today }, SYSTEM_ACTOR, []),
    );
  // One claim per encounter with coverage: items point at real claims, so each page's labels are read.
  await exec(`
    insert into claim (practice_id, encounter_id, patient_id, coverage_id, payer_id, rendering_provider_id,
                       type, payer_responsibility, patient_control_number, place_of_service, diagnoses,
                       total_charge_cents, state)
    select e.practice_id, e.id, e.patient_id, c.id, c.payer_id,
           (select p.id from provider p where p.practice_id = e.practice_id order by p.id limit 1),
           'professional', 'P', 'BENCH' || e.id, '11', '{Z0000}', 15000, 'denied'
      from encounter e
      join lateral (select id, payer_id from coverage where patient_id = e.patient_id order by priority limit 1) c on true`);
  await exec(`insert into app_user (email, name, password_hash)
              select 'biller' || g || '@bench.test', 'Biller ' || g, 'x' from generate_series(1, 20) g`);
  await exec(`create temp table bench_claim as
                select row_number() over (order by id) - 1 as k, id, practice_id, patient_id, payer_id from claim`);
  const [counts] = (
    await exec(`select (select count(*) from bench_claim)::int as claims,
                       (select count(distinct payer_id) from bench_claim)::int as payers,
                       (select min(id) from app_user)::int as first_user`)
  ).rows as { claims: number; payers: number; first_user: number }[];
  const firstUser = counts!.first_user;
  // Deterministic spreads from a multiplicative hash of the row number.
  await exec(
    `insert into follow_up (practice_id, claim_id, patient_id, queue, reason_code, reason, owner, state, status,
                            amount_cents, due_on, payer_id, opened_at, next_follow_up_on)
     select c.practice_id, case when q.name = 'patient-balances' then null else c.id end, c.patient_id, q.name,
            'BENCH', 'benchmark item',
            case when h % 10 = 0 then null else $2::int + (h / 7) % 20 end,
            'open', (array['open', 'open', 'in-progress', 'waiting'])[1 + (h / 11) % 4],
            floor(power(10, 3 + 3 * ((h / 13) % 1000) / 1000.0))::bigint,
            current_date - 30 + ((h / 17) % 180)::int, c.payer_id,
            now() - make_interval(days => ((h / 19) % 365)::int), current_date + ((h / 23) % 30)::int
       from generate_series(0, $1::int - 1) g(i)
       cross join lateral (select (i::bigint * 2654435761) % 4294967296 as h) x
       join bench_claim c on c.k = x.h % $3
       cross join lateral (select case
         when (h / 3) % 100 < 30 then 'denials' when (h / 3) % 100 < 55 then 'no-response'
         when (h / 3) % 100 < 70 then 'claim-status' when (h / 3) % 100 < 82 then 'underpayments'
         when (h / 3) % 100 < 90 then 'rejections' else 'patient-balances' end as name) q`,
    [N, firstUser, counts!.claims],
  );
  await exec(
    `insert into denial (practice_id, claim_id, payer_id, group_code, reason_code, remark_codes, amount_cents,
                         category, action, remittance_date, appeal_by)
     select f.practice_id, f.claim_id, f.payer_id, 'CO', (array['29', '97', '50', '16', '197', '18'])[1 + f.id % 6],
            '{}', f.amount_cents,
            (array['timely-filing', 'bundling', 'medical-necessity', 'missing-information', 'authorization', 'duplicate'])[1 + f.id % 6],
            'appeal', f.due_on - 180, f.due_on
       from follow_up f where f.queue = 'denials'`,
  );
  await exec('analyze');
  const [sizes] = (
    await exec(
      `select (select count(*) from follow_up)::int as items, (select count(*) from denial)::int as denials`,
    )
  ).rows as { items: number; denials: number }[];
  console.log(
    `${db.engineLabel}: ${sizes!.items} open items, ${sizes!.denials} denials over ${counts!.claims} claims, ` +
      `3 practices, ${counts!.payers} payers, 20 owners, loaded in ${seconds(loadedAt)} s`,
  );
  return { practices, firstUser };
}

/** A database loaded by an earlier run (BENCH_KEEP): its practices and first biller. */
async function loaded(): Promise<{ practices: number[]; firstUser: number }> {
  const practices = (await exec(`select id from practice order by id`)).rows.map((r) => Number(r.id));
  const [user] = (await exec(`select min(id)::int as id from app_user where email like 'biller%@bench.test'`))
    .rows as { id: number }[];
  await exec(`create temp table bench_claim as select id, practice_id, payer_id from claim`);
  return { practices, firstUser: user!.id };
}

try {
  const { practices, firstUser } = reuseUrl ? await loaded() : await load();
  const one = [practices[0]!];
  const [payerRow] = (await exec(`select payer_id from bench_claim where practice_id = $1 limit 1`, one))
    .rows as { payer_id: number }[];
  const payerId = payerRow!.payer_id;
  const owner = firstUser + 3;
  const dueSoon = addDays(today, 14);
  const shapes: { name: string; run: () => Promise<{ total: number }> }[] = [];
  const work = (name: string, scope: number[], f: WorkItemFilter) =>
    shapes.push({ name: `work queue: ${name}`, run: () => listWorkItems(db.db, scope, f) });
  for (const page of [1, 50]) {
    work(`denials by amount, page ${page}`, one, { queue: 'denials', sort: 'amount', page });
    work(`denials by due date, page ${page}`, one, { queue: 'denials', sort: 'due', page });
    work(`no-response by opened, page ${page}`, one, { queue: 'no-response', sort: 'opened', page });
  }
  work('owner, by due date', one, { owner, sort: 'due' });
  work('payer, by amount', one, { payerId, sort: 'amount' });
  work('min $1,000, by amount', one, { minAmount: 100_000, sort: 'amount' });
  work('due within 14 days, by due date', one, { due: dueSoon, sort: 'due' });
  work('all open, by opened, page 50', one, { sort: 'opened', page: 50 });
  work('queue+owner+payer+min+due, by amount', one, {
    queue: 'denials',
    owner,
    payerId,
    minAmount: 50_000,
    due: dueSoon,
    sort: 'amount',
  });
  work('3 practices: denials by amount, page 1', practices, { queue: 'denials', sort: 'amount' });
  work('3 practices: all open by due date, page 50', practices, { sort: 'due', page: 50 });
  const denials = (name: string, scope: number[], f: Parameters<typeof denialQueue>[2]) =>
    shapes.push({ name: `denial queue: ${name}`, run: () => denialQueue(db.db, scope, f) });
  denials('open by amount, page 1', one, { state: 'open', sort: 'amount' });
  denials('open by deadline, page 50', one, { state: 'open', sort: 'deadline', offset: 49 * 50 });
  denials('category timely-filing by amount', one, { state: 'open', category: 'timely-filing' });
  denials('3 practices: open by deadline, page 1', practices, { state: 'open', sort: 'deadline' });

  const results = [];
  for (const shape of shapes) {
    const { total } = await shape.run(); // warm
    const times: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const at = performance.now();
      await shape.run();
      times.push(performance.now() - at);
    }
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!;
    const p99 = pct(99);
    results.push({
      shape: shape.name,
      matching: total,
      'p50 ms': +pct(50).toFixed(1),
      'p99 ms': +p99.toFixed(1),
      target: p99 < TARGET_MS ? 'ok' : 'MISSED',
    });
    console.log(`${shape.name}: p50 ${pct(50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`);
  }
  console.table(results);
  console.log(
    `${RUNS} runs per shape; ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  await db.close();
  if (scratch && process.env.BENCH_KEEP) console.log(`kept: BENCH_DATABASE_URL=${scratch.url}`);
  else await scratch?.drop();
}
