import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCharges, postEntries } from '../src/ledger/index.ts';
import { choose, hasChromium, launchBrowser, logIn, openPage, screenshot } from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { BILLER, startServer, type TestServer } from './support/server.ts';

const money = (cents: number) =>
  `${cents < 0 ? '-' : ''}$${Math.trunc(Math.abs(cents) / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;

describe.skipIf(!hasChromium)('patient ledger and payments in the browser (needs /usr/bin/chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let patientId: number;
  let owes: number;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    // one visit, charged and adjudicated: $25.00 of each line is the patient's
    const { rows } = await server.database.sql.executeSql(
      `select sl.id, sl.charge_cents, e.id encounter_id, e.patient_id from service_line sl
         join encounter e on e.id = sl.encounter_id where e.practice_id = $1
        order by e.id, sl.line_number`,
      [server.practiceId],
    );
    patientId = Number(rows[0]!.patient_id);
    const lines = rows.filter((r) => Number(r.encounter_id) === Number(rows[0]!.encounter_id));
    owes = 0;
    await server.database.db.transaction(async (tx) => {
      await ensureCharges(
        tx,
        { serviceLineIds: lines.map((l) => Number(l.id)), payerId: null },
        { userId: null },
      );
      await postEntries(
        tx,
        lines.flatMap((l) => {
          const charge = Number(l.charge_cents);
          const share = Math.min(2_500, charge);
          owes += share;
          const base = {
            practiceId: server.practiceId,
            patientId,
            encounterId: Number(l.encounter_id),
            serviceLineId: Number(l.id),
            effectiveDate: '2026-11-25',
            sourceType: 'user' as const,
            sourceId: 'e2e',
          };
          // a self-pay charge is the patient's whole: write off all but the share
          return charge - share > 0
            ? [
                {
                  ...base,
                  account: 'patient' as const,
                  kind: 'write_off' as const,
                  amountCents: charge - share,
                },
              ]
            : [];
        }),
        { userId: null },
      );
    });
    browser = await launchBrowser();
    page = await openPage(browser, pageErrors);
    await logIn(page, server.url, BILLER);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the balance, posts a check paying more than owed, keeps the rest as a credit and gives a receipt', async () => {
    await page.goto(`${server.url}/patients/${patientId}`);
    await page.getByRole('tab', { name: 'Ledger' }).click();
    await eventually(() => page.getByTestId('patient-balance').textContent()).toBe(money(owes));
    await expect(
      page.getByTestId('ledger-table').locator('tbody tr.ant-table-row').count(),
    ).resolves.toBeGreaterThan(1);
    await screenshot(page, 'patient-ledger');

    await page.getByRole('button', { name: 'Post payment' }).click();
    const dialog = page.getByRole('dialog', { name: 'Post payment' });
    await choose(page, 'Method', 'Check');
    await dialog.getByLabel('Check number').fill('2201');
    await dialog.getByLabel('Amount ($)').fill(((owes + 1_000) / 100).toFixed(2));
    await dialog.getByRole('button', { name: 'Post payment' }).click();
    await eventually(() => dialog.textContent()).toContain(`${money(1_000)} kept as a credit`);
    const href = await dialog.getByRole('link', { name: /Download receipt/ }).getAttribute('href');
    const pdf = await page.request.get(`${server.url}${href}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await eventually(() => page.getByTestId('patient-balance').textContent()).toBe(money(-1_000));

    await page.getByRole('button', { name: 'Refund credit' }).click();
    await page.getByRole('button', { name: 'OK' }).click();
    await eventually(() => page.getByTestId('patient-balance').textContent()).toBe(money(0));
    await expect(page.getByTestId('payments-table').textContent()).resolves.toContain('refunded');
    expect(pageErrors).toEqual([]);
  });
});
