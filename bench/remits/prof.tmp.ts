import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import pg from 'pg';
import { SYSTEM_ACTOR } from '/work/main/src/audit/index.ts';
import { migrateDatabase, openDatabase } from '/work/main/src/db/connection.ts';
import { seedDemo } from '/work/main/src/demo/seed.ts';
import { bulkSubmittedClaims } from '/work/main/src/remits/bulk-claims.ts';
import { importEra } from '/work/main/src/remits/import.ts';
const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 10000);
const server = 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const name = `cleanclaim_prof_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: server }); await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(server); url.pathname = `/${name}`;
const database = await openDatabase({ url: url.toString() });
const { write835 } = await import('/work/main/src/remits/synthetic.ts');
await migrateDatabase(database);
const practiceId = await seedDemo(database, { seed: 835, patients: Number(process.env.PATIENTS ?? 200), encounters: 2, asOf: '2026-11-20' }, SYSTEM_ACTOR, []);
console.log('seeded', Math.round(performance.now()));
const synthetic = await bulkSubmittedClaims(database.sql, practiceId, CLAIMS, 'BENCH');
const text = write835({ traceNumber: 'BENCH-1', payerName: 'DEMO PAYER', payerIdentifier: '999999999', paymentDate: '2026-12-01', claims: synthetic, providerAdjustments: [{ reason: 'L6', amountCents: -500 }] });
await admin.query('select pg_stat_statements_reset()');
const s = new Session(); s.connect();
if (process.env.PROF) { await s.post('Profiler.enable'); await s.post('Profiler.setSamplingInterval', { interval: 500 }); await s.post('Profiler.start'); }
import { readFileSync } from 'node:fs';
const cpuAll = () => readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1, 8).map(Number).reduce((a, b) => a + b, 0) - Number(readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/)[4]);
const c0 = cpuAll(); const u0 = process.cpuUsage();
const stats = new Map<string, { n: number; params: number; rows: number }>();
if (process.env.QSTATS) {
  const orig = pg.Client.prototype.query as any;
  (pg.Client.prototype as any).query = function (this: any, q: any, v?: any, cb?: any) {
    const text = typeof q === 'string' ? q : q.text;
    const values = typeof q === 'string' ? v : q.values ?? v;
    const key = String(text).replace(/\s+/g, ' ').slice(0, 70);
    const st = stats.get(key) ?? { n: 0, params: 0, rows: 0 };
    st.n++; st.params += Array.isArray(values) ? values.length : 0; stats.set(key, st);
    const r = orig.call(this, q, v, cb);
    if (r && typeof r.then === 'function') r.then((res: any) => { st.rows += res?.rowCount ?? res?.rows?.length ?? 0; }, () => {});
    return r;
  };
}
if (process.env.HEAP) { await s.post('HeapProfiler.enable'); await s.post('HeapProfiler.startSampling', { samplingInterval: 32768, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true }); }
const t0 = performance.now();
const out = await importEra(database.db, practiceId, 'b.835', text, { userId: null, today: '2026-12-01', concurrency: Number(process.env.CONC ?? 8) });
const ms = performance.now() - t0;
const u1 = process.cpuUsage(u0); const nodeMs = (u1.user + u1.system) / 1000; const allMs = (cpuAll() - c0) * 10;
console.log('cpu: node', Math.round(nodeMs), 'ms, everything else', Math.round(allMs - nodeMs), 'ms');
if (process.env.HEAP) { const { profile } = await s.post('HeapProfiler.stopSampling'); writeFileSync('/tmp/prof/heap.json', JSON.stringify(profile)); }
if (process.env.PROF) { const { profile } = await s.post('Profiler.stop'); writeFileSync('/tmp/prof/import.cpuprofile', JSON.stringify(profile)); }
if (process.env.QSTATS) console.table([...stats].sort((a, b) => b[1].params + b[1].rows - a[1].params - a[1].rows).slice(0, 25).map(([k, v]) => ({ q: k, ...v })));
console.log(CLAIMS, 'claims', Math.round(ms), 'ms', Math.round(CLAIMS / ms * 1000), '/s', out.message);
await database.close(); if (!process.env.KEEP) await admin.query(`DROP DATABASE ${name} WITH (FORCE)`); else console.log(name); await admin.end();
