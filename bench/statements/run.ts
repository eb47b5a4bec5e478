// Statements and A/R benchmark: `npx tsx bench/statements/run.ts` (TEST_DATABASE_URL=postgres://… for
// PostgreSQL; BENCH_ENCOUNTERS, default 4,000). Seeds a demo practice, posts a ledger history for
// every line (a quarter still with the payer, the rest paid with a patient share, no coverage:
// self-pay), then times A/R aging, the summary, a statement preview, a run and its combined PDF.
import { SYSTEM_ACTOR } from '../../src/audit/index.ts';
import { openTestDatabase } from '../../src/db/testing.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { postEntries, type NewLedgerEntry } from '../../src/ledger/index.ts';
import { arAging, arSummary } from '../../src/ledger/ar/report.ts';
import { runStatements, statementCandidates, statementsOf } from '../../src/ledger/statements/run.ts';
import { renderStatementsPdf } from '../../src/ledger/statements/statement-pdf.ts';
import { todayIso } from '../../src/shared/dates.ts';

const encounters = Number(process.env.BENCH_ENCOUNTERS ?? 4000);
const db = await openTestDatabase();
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(2);
const today = todayIso();

const seededAt = performance.now();
const practiceId = await seedDemo(
  db,
  { seed: 3, patients: Math.round(encounters / 4), encounters, asOf: today },
  SYSTEM_ACTOR,
  [],
);
console.log(`${db.engineLabel}: ${encounters} encounters seeded in ${seconds(seededAt)} s`);

const { rows } = await db.sql.executeSql(
  `select sl.id, sl.charge_cents, sl.service_date::text as service_date, e.id as encounter_id, e.patient_id,
          (select c.payer_id from coverage c where c.patient_id = e.patient_id order by c.priority limit 1) as payer_id
     from service_line sl join encounter e on e.id = sl.encounter_id where e.practice_id = $1`,
  [practiceId],
);
const entries: NewLedgerEntry[] = [];
rows.forEach((r, i) => {
  const charge = Number(r.charge_cents);
  const base = {
    practiceId,
    patientId: Number(r.patient_id),
    encounterId: Number(r.encounter_id),
    serviceLineId: Number(r.id),
    effectiveDate: String(r.service_date),
    sourceType: 'user' as const,
    sourceId: 'bench',
    payerId: r.payer_id == null ? null : Number(r.payer_id),
  };
  if (base.payerId == null)
    return void entries.push({ ...base, account: 'patient', kind: 'charge', amountCents: charge });
  entries.push({ ...base, account: 'insurance', kind: 'charge', amountCents: charge });
  if (i % 4 === 0) return;
  const paid = Math.round(charge * 0.55);
  const adjusted = Math.round(charge * 0.3);
  entries.push({ ...base, account: 'insurance', kind: 'insurance_payment', amountCents: paid });
  entries.push({ ...base, account: 'insurance', kind: 'contractual_adjustment', amountCents: adjusted });
  entries.push({
    ...base,
    account: 'patient',
    kind: 'patient_responsibility',
    amountCents: charge - paid - adjusted,
  });
});
const postedAt = performance.now();
for (let i = 0; i < entries.length; i += 2000)
  await db.db.transaction((tx) => postEntries(tx, entries.slice(i, i + 2000), { userId: null }));
console.log(
  `${rows.length} service lines, ${entries.length} ledger entries posted in ${seconds(postedAt)} s`,
);

const results: { step: string; seconds: string; note?: string }[] = [];
async function time<T>(step: string, f: () => Promise<T>, note?: (value: T) => string): Promise<T> {
  const at = performance.now();
  const value = await f();
  results.push({ step, seconds: seconds(at), ...(note ? { note: note(value) } : {}) });
  return value;
}
await time(
  'A/R aging by payer',
  () => arAging(db.db, practiceId, 'payer', today),
  (a) => `${a.rows.length} payers`,
);
await time(
  'A/R aging by patient',
  () => arAging(db.db, practiceId, 'patient', today),
  (a) => `${a.rows.length} patients`,
);
await time(
  'A/R summary',
  () => arSummary(db.db, practiceId, today),
  (s) => `days in A/R ${s.daysInAr}`,
);
await time(
  'statement preview',
  () => statementCandidates(db.db, practiceId, today),
  (c) => `${c.candidates.length} patients due`,
);
const run = await time(
  'statement run',
  () => db.db.transaction((tx) => runStatements(tx, practiceId, today, SYSTEM_ACTOR)),
  (r) => `${r.statementCount} statements`,
);
const stored = await statementsOf(db.db, { runId: run.id }, [practiceId]);
await time(
  'combined PDF',
  () =>
    renderStatementsPdf(
      stored.map((s) => s.content),
      { creationDate: new Date() },
    ),
  (pdf) => `${(pdf.length / 1e6).toFixed(1)} MB`,
);
clearInterval(sampler);
console.table(results);
console.log(`peak RSS ${Math.round(peakRss / 2 ** 20)} MiB`);
await db.close();
