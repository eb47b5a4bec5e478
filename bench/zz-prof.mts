import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import pg from 'pg';
import { SYSTEM_ACTOR } from '../src/audit/index.ts';
import { migrateDatabase, openDatabase } from '../src/db/connection.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { bulkSubmittedClaims } from '../src/remits/bulk-claims.ts';
import { importEra } from '../src/remits/import.ts';
const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 10000);
const server = 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const name = `cleanclaim_prof_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: server }); await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(server); url.pathname = `/${name}`;
const database = await openDatabase({ url: url.toString() });
const { write835 } = await import('../src/remits/synthetic.ts');
await migrateDatabase(database);
const practiceId = await seedDemo(database, { seed: 835, patients: Math.max(200, Math.ceil(CLAIMS / 4)), encounters: 2, asOf: '2026-11-20' }, SYSTEM_ACTOR, []);
const synthetic = await bulkSubmittedClaims(database.sql, practiceId, CLAIMS, 'BENCH');
const text = write835({ traceNumber: 'BENCH-1', payerName: 'DEMO PAYER', payerIdentifier: '999999999', paymentDate: '2026-12-01', claims: synthetic, providerAdjustments: [{ reason: 'L6', amountCents: -500 }] });
await admin.query('select pg_stat_statements_reset()');
const s = new Session(); s.connect();
if (process.env.PROF) { await s.post('Profiler.enable'); await s.post('Profiler.setSamplingInterval', { interval: 500 }); await s.post('Profiler.start'); }
if (process.env.ALLOC) { await s.post('HeapProfiler.enable'); await s.post('HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true }); }
const t0 = performance.now();
const out = await importEra(database.db, practiceId, 'b.835', text, { userId: null, today: '2026-12-01', concurrency: Number(process.env.CONC ?? 8) });
const ms = performance.now() - t0;
if (process.env.PROF) { const { profile } = await s.post('Profiler.stop'); writeFileSync('/tmp/prof/import.cpuprofile', JSON.stringify(profile)); }
if (process.env.ALLOC) { const { profile } = await s.post('HeapProfiler.stopSampling'); writeFileSync('/tmp/alloc.heapprofile', JSON.stringify(profile)); }
console.log((globalThis as any).__n, (globalThis as any).__e, (globalThis as any).__s);
console.log(CLAIMS, 'claims', Math.round(ms), 'ms', Math.round(CLAIMS / ms * 1000), '/s', out.message);
await database.close(); await admin.query(`DROP DATABASE ${name} WITH (FORCE)`); await admin.end();
