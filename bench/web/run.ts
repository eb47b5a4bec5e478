// Web benchmark: `npm run bench:web` (needs `npm run build:web` first and Debian's Chromium at
// /usr/bin/chromium). A server on PGlite with the demo practice (DEMO_DEFAULTS: 200 patients, 1,000
// encounters, a claim each; BENCH_ENCOUNTERS to change) and the BLS wage files of ../shared/salary. Each run opens
// a fresh browser context (empty cache) and times, from navigation start, until the page shows its
// first meaningful content: the salary explorer's national percentile table and source line (no
// login); the claims list's first row (logged in as a biller beforehand). BENCH_RUNS (default 10).
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { SYSTEM_ACTOR } from '../../src/audit/index.ts';
import { DEMO_DEFAULTS } from '../../src/demo/defaults.ts';
import { importWageDir } from '../../src/workforce/index.ts';
import { hasChromium, launchBrowser } from '../../e2e/support/browser.ts';
import { BILLER, startServer } from '../../e2e/support/server.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const ENCOUNTERS = Number(process.env.BENCH_ENCOUNTERS ?? DEMO_DEFAULTS.encounters);
if (!hasChromium) {
  console.error('bench:web needs Chromium at /usr/bin/chromium');
  process.exit(2);
}

const loading = performance.now();
const server = await startServer({ demo: { ...DEMO_DEFAULTS, encounters: ENCOUNTERS } });
await importWageDir(server.database.db, join(process.cwd(), '../shared/salary'), SYSTEM_ACTOR);
// The demo makes encounters, not claims: one claim per encounter in SQL (as bench:denials does), so
// the claims list has a full first page and a total over them all.
await server.database.sql.executeSql(`
  insert into claim (practice_id, encounter_id, patient_id, coverage_id, payer_id, rendering_provider_id,
                     type, payer_responsibility, patient_control_number, place_of_service, diagnoses,
                     total_charge_cents, state)
  select e.practice_id, e.id, e.patient_id, c.id, c.payer_id,
         (select p.id from provider p where p.practice_id = e.practice_id order by p.id limit 1),
         'professional', 'P', 'BENCH' || e.id, '11', '{Z0000}', 15000, 'ready'
    from encounter e
    join lateral (select id, payer_id from coverage where patient_id = e.patient_id order by priority limit 1) c on true`);
console.log(
  `demo loaded in ${((performance.now() - loading) / 1000).toFixed(1)} s (${ENCOUNTERS} encounters)`,
);
const browser: Browser = await launchBrowser();

/** Milliseconds from the page's navigation start until `ready` resolves (the page's own clock). */
async function time(context: BrowserContext, path: string, selector: string): Promise<number> {
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`${server.url}${path}`, { waitUntil: 'commit' });
  await page.locator(selector).first().waitFor();
  const ms = await page.evaluate(() => performance.now());
  await page.close();
  return ms;
}

let saved: Awaited<ReturnType<BrowserContext['storageState']>> | undefined;
async function session() {
  if (saved) return saved;
  const context = await browser.newContext();
  const res = await context.request.post(`${server.url}/api/auth/login`, {
    data: { email: BILLER.email, password: BILLER.password },
  });
  if (!res.ok()) throw new Error(`login: ${res.status()}`);
  saved = await context.storageState();
  await context.close();
  return saved;
}

async function measure(name: string, path: string, selector: string, login: boolean) {
  const times: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    // A fresh context (empty cache); the biller's session cookie from one login (logins are rate-limited).
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      ...(login ? { storageState: await session() } : {}),
    });
    const ms = await time(context, path, selector);
    if (i > 0) times.push(ms); // the first run warms the server, not the browser
    await context.close();
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)]!;
  return {
    page: name,
    runs: times.length,
    p50: Math.round(q(0.5)),
    p95: Math.round(q(0.95)),
    max: Math.round(q(1)),
  };
}

const results = [
  await measure(
    'salary explorer (/salary)',
    '/salary',
    '[data-testid="wages-national"] .ant-table-row >> nth=0',
    false,
  ),
  await measure('claims list (/claims)', '/claims', '[data-testid="claims-table"] .ant-table-row', true),
];
await browser.close();
await server.stop();
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model}, load ${loadavg()[0]!.toFixed(2)} (1-min average)`,
);
console.table(results);
console.log(JSON.stringify(results));
