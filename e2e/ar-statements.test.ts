import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postEntries, type NewLedgerEntry } from '../src/ledger/index.ts';
import { hasChromium, launchBrowser, logIn, openPage, screenshot } from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { ADMIN, startServer, type TestServer } from './support/server.ts';

/**
 * A ledger history for the demo practice's lines, as remittances and patient payments would
 * leave it: some lines still with the payer, some paid with a patient share, some self-pay.
 */
async function postHistory(server: TestServer): Promise<{ insurance: number; patient: number }> {
  const { rows } = await server.database.sql.executeSql(
    `select sl.id, sl.charge_cents, sl.service_date::text as service_date, e.id as encounter_id, e.patient_id,
            (select c.payer_id from coverage c where c.patient_id = e.patient_id order by c.priority limit 1) as payer_id
       from service_line sl join encounter e on e.id = sl.encounter_id
      where e.practice_id = $1 order by sl.id`,
    [server.practiceId],
  );
  const entries: NewLedgerEntry[] = [];
  let insurance = 0;
  let patient = 0;
  rows.forEach((r, i) => {
    const charge = Number(r.charge_cents);
    const payerId = r.payer_id == null ? null : Number(r.payer_id);
    const base = {
      practiceId: server.practiceId,
      patientId: Number(r.patient_id),
      encounterId: Number(r.encounter_id),
      serviceLineId: Number(r.id),
      effectiveDate: String(r.service_date),
      sourceType: 'user' as const,
      sourceId: 'e2e history',
      payerId,
    };
    const add = (account: NewLedgerEntry['account'], kind: NewLedgerEntry['kind'], amountCents: number) =>
      entries.push({ ...base, account, kind, amountCents });
    const paid = Math.round(charge * 0.55);
    const adjusted = Math.round(charge * 0.3);
    const share = charge - paid - adjusted;
    if (payerId == null || i % 4 === 2) {
      add('patient', 'charge', charge);
      patient += charge;
      return;
    }
    add('insurance', 'charge', charge);
    if (i % 4 === 0) {
      insurance += charge;
      return;
    }
    add('insurance', 'insurance_payment', paid);
    add('insurance', 'contractual_adjustment', adjusted);
    add('patient', 'patient_responsibility', share);
    if (i % 4 === 3) add('patient', 'patient_payment', Math.round(share / 2));
    patient += share - (i % 4 === 3 ? Math.round(share / 2) : 0);
  });
  await server.database.db.transaction((tx) => postEntries(tx, entries, { userId: null }));
  return { insurance, patient };
}

const money = (cents: number) =>
  `$${Math.trunc(cents / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${String(cents % 100).padStart(2, '0')}`;

describe.skipIf(!hasChromium)('A/R and statements in the browser (needs /usr/bin/chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let owed: { insurance: number; patient: number };
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer({ demo: { patients: 12, encounters: 30 } });
    owed = await postHistory(server);
    browser = await launchBrowser();
    page = await openPage(browser, pageErrors);
    await logIn(page, server.url, ADMIN);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the A/R aged by payer and by patient, with the chart and the figures', async () => {
    await page.getByRole('menuitem', { name: 'A/R' }).click();
    await eventually(() => page.getByTestId('total-ar').textContent()).toContain(
      money(owed.insurance + owed.patient),
    );
    const table = page.getByTestId('aging-table');
    await eventually(() => table.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    await expect(page.getByTestId('aging-chart').getAttribute('aria-label')).resolves.toMatch(/0–30 days/);
    await expect(table.locator('.ant-table-summary').textContent()).resolves.toContain(money(owed.insurance));
    await expect(page.getByTestId('days-in-ar').textContent()).resolves.toMatch(/\d/);
    await screenshot(page, 'ar-aging');
    await page.getByText('By patient (patient balances)').click();
    await eventually(() => table.locator('.ant-table-summary').textContent()).toContain(money(owed.patient));
    expect(pageErrors).toEqual([]);
  });

  it('previews and runs statements, then lists the run with its PDF', async () => {
    await page.getByRole('menuitem', { name: 'Statements' }).click();
    await page.getByTestId('statements-preview').click();
    await eventually(() => page.getByText(/patient\(s\) would get a statement/).textContent()).toMatch(
      /^[1-9]\d* patient/,
    );
    await page.getByTestId('statements-run').click();
    await page.getByRole('button', { name: 'OK' }).click();
    const runs = page.getByTestId('statement-runs').locator('tbody tr.ant-table-row');
    await eventually(() => runs.count()).toBe(1);
    const href = await runs
      .first()
      .getByRole('link', { name: /All statements/ })
      .getAttribute('href');
    const pdf = await page.request.get(`${server.url}${href}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await screenshot(page, 'statements');
    expect(pageErrors).toEqual([]);
  });
});
