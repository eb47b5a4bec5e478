import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postEntries } from '../src/ledger/index.ts';
import { addDays, todayIso } from '../src/shared/dates.ts';
import { hasChromium, launchBrowser, logIn, openPage, screenshot } from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { BILLER, startServer, type TestServer } from './support/server.ts';

/** Two claims decided three weeks ago (one paid, one denied for coding and won on appeal) and a line owed by the payer. */
async function seedActivity(server: TestServer): Promise<void> {
  const sql = (text: string, params: unknown[] = []) => server.database.sql.executeSql(text, params);
  const day = (n: number) => `${addDays(todayIso(), -n)}T15:00:00Z`;
  const { rows } = await sql(
    `select e.id, e.patient_id, e.rendering_provider_id, c.id as coverage_id, c.payer_id, sl.id as line_id
       from encounter e join coverage c on c.patient_id = e.patient_id join service_line sl on sl.encounter_id = e.id
      where e.practice_id = $1 order by e.id limit 1`,
    [server.practiceId],
  );
  const e = rows[0]!;
  for (const [pcn, procedure, outcome] of [
    ['E2E-DASH-1', '99213', 'paid'],
    ['E2E-DASH-2', '99214', 'denied'],
  ] as const) {
    const c = await sql(
      `insert into claim (practice_id, encounter_id, patient_id, coverage_id, payer_id, rendering_provider_id, type,
                          payer_responsibility, patient_control_number, place_of_service, diagnoses, total_charge_cents, state)
       values ($1, $2, $3, $4, $5, $6, 'professional', 'P', $7, '11', '{J069}', 15000, $8) returning id`,
      [
        server.practiceId,
        e.id,
        e.patient_id,
        e.coverage_id,
        e.payer_id,
        e.rendering_provider_id,
        pcn,
        outcome,
      ],
    );
    const claimId = Number(c.rows[0]!.id);
    const l = await sql(
      `insert into claim_line (claim_id, line_number, service_date, procedure_code, modifiers, units, charge_cents, diagnosis_pointers)
       values ($1, 1, $2, $3, '{}', 1, 15000, '{1}') returning id`,
      [claimId, addDays(todayIso(), -30), procedure],
    );
    for (const [n, toState, reason] of [
      [28, 'ready', 'scrubbed clean'],
      [27, 'submitted', 'sent'],
      [21, outcome, '835'],
    ] as const)
      await sql(`insert into claim_event (claim_id, at, to_state, reason) values ($1, $2, $3, $4)`, [
        claimId,
        day(n),
        toState,
        reason,
      ]);
    if (outcome === 'denied') {
      const d = await sql(
        `insert into denial (practice_id, claim_id, claim_line_id, group_code, reason_code, remark_codes, amount_cents, opened_at, category)
         values ($1, $2, $3, 'CO', '16', '{}', 15000, $4, 'coding') returning id`,
        [server.practiceId, claimId, Number(l.rows[0]!.id), day(21)],
      );
      await sql(
        `insert into appeal (practice_id, claim_id, denial_id, letter, documents, state, recovered_cents, created_at, decided_at)
         values ($1, $2, $3, 'letter', '[]', 'won', 9000, $4, $5)`,
        [server.practiceId, claimId, Number(d.rows[0]!.id), day(20), day(5)],
      );
    }
  }
  await server.database.db.transaction((tx) =>
    postEntries(
      tx,
      [
        {
          practiceId: server.practiceId,
          patientId: Number(e.patient_id),
          encounterId: Number(e.id),
          serviceLineId: Number(e.line_id),
          effectiveDate: addDays(todayIso(), -100),
          sourceType: 'user',
          sourceId: 'e2e dashboard',
          account: 'insurance',
          kind: 'charge',
          amountCents: 15000,
          payerId: Number(e.payer_id),
        },
      ],
      { userId: null },
    ),
  );
}

// The dashboard page opens for a biller (its chart library loads on first visit), shows every
// KPI's card with its table, and offers the CSV and PDF. F5's denial-flow test works the queue.
describe.skipIf(!hasChromium)('denials dashboard in the browser (needs /usr/bin/chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    await seedActivity(server);
    browser = await launchBrowser();
    page = await openPage(browser, pageErrors);
    await logIn(page, server.url, BILLER);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens from the menu with every KPI as a chart and a table, and downloads', async () => {
    await page.getByRole('menuitem', { name: 'Denials dashboard' }).click();
    for (const id of [
      'kpi-denial-rate',
      'kpi-appeals',
      'kpi-ar-aging',
      'kpi-days-in-ar',
      'kpi-net-collection',
      'kpi-first-pass',
      'kpi-clean-claims',
      'kpi-actioned',
    ])
      await eventually(() => page.getByTestId(id).count()).toBe(1);
    // the figures arrived: one of two claims denied, charts drawn
    await eventually(() => page.getByTestId('kpi-table-denial-rate').textContent()).toContain('50.00%');
    await expect(page.getByTestId('kpi-table-appeals').textContent()).resolves.toContain('90.00');
    await expect(page.getByTestId('kpi-table-ar-aging').textContent()).resolves.toContain('150.00');
    await eventually(() => page.locator('[data-testid="kpi-ar-aging"] canvas').count()).toBeGreaterThan(0);
    const pdf = await page.getByRole('link', { name: /PDF/ }).getAttribute('href');
    const res = await page.request.get(`${server.url}${pdf}`);
    expect(res.headers()['content-type']).toBe('application/pdf');
    await screenshot(page, 'denials-dashboard');
    expect(pageErrors).toEqual([]);
  });
});
