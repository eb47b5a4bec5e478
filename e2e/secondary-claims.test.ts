import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecondaryClaim } from '../src/claims/index.ts';
import { era835, paidByLineControlNumber, type EraLine } from '../src/claims/testing-835.ts';
import { parse835 } from '../src/x12/index.ts';
import { hasChromium, launchBrowser, logIn, openPage } from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { BILLER, startServer, type TestServer } from './support/server.ts';

const money = (cents: number) => `$${(cents / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;

// A biller creates the primary claim for a patient with two coverages; the primary payer's 835 is
// posted (here straight through createSecondaryClaim, as posting calls it); the secondary claim's
// page shows what the primary paid and adjusted, line by line.
describe.skipIf(!hasChromium)('secondary claims in the browser (needs /usr/bin/chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let encounterId: number;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer({ demo: { patients: 30, encounters: 30 } });
    const { rows } = await server.database.sql.executeSql(
      `select e.id from encounter e
        where e.practice_id = $1 and e.institutional is null
          and exists (select 1 from coverage c where c.patient_id = e.patient_id and c.priority = 'secondary'
             and c.effective_date <= e.service_date_from
             and (c.termination_date is null or c.termination_date >= e.service_date_from))
          and exists (select 1 from coverage c where c.patient_id = e.patient_id and c.priority = 'primary'
             and c.effective_date <= e.service_date_from
             and (c.termination_date is null or c.termination_date >= e.service_date_from))
        order by e.id limit 1`,
      [server.practiceId],
    );
    encounterId = Number(rows[0]!.id);
    browser = await launchBrowser();
    page = await openPage(browser, pageErrors);
    await logIn(page, server.url, BILLER);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows the primary payer's adjudication on the secondary claim", async () => {
    await page.goto(`${server.url}/encounters/${encounterId}`);
    await page.getByRole('button', { name: 'Create claim' }).click();
    await page.waitForURL(/\/claims\/\d+$/);
    const primaryId = Number(/\/claims\/(\d+)$/.exec(page.url())![1]);
    expect(await page.getByTestId('prior-payer').count()).toBe(0);

    const { rows } = await server.database.sql.executeSql(
      `select l.id, l.procedure_code, l.revenue_code, l.modifiers, l.units::float as units, l.charge_cents,
              l.service_date::text as service_date, c.patient_control_number
         from claim_line l join claim c on c.id = l.claim_id where c.id = $1 order by l.line_number`,
      [primaryId],
    );
    const lines: EraLine[] = rows.map((r) => {
      const charge = Number(r.charge_cents);
      const allowed = Math.round(charge * 0.8);
      const coinsurance = Math.round(allowed * 0.2);
      return {
        line: {
          id: Number(r.id),
          procedureCode: String(r.procedure_code),
          revenueCode: (r.revenue_code as string | null) ?? null,
          modifiers: r.modifiers as string[],
          units: Number(r.units),
          chargeCents: charge,
          serviceDate: String(r.service_date),
        },
        paidCents: allowed - coinsurance,
        adjustments: [
          { group: 'CO', reason: '45', amountCents: charge - allowed },
          { group: 'PR', reason: '2', amountCents: coinsurance },
        ],
      };
    });
    const text = era835({
      payerName: 'PRIMARY PAYER',
      date: '2026-11-25',
      claims: [{ patientControlNumber: String(rows[0]!.patient_control_number), status: '1', lines }],
    });
    const payment = parse835(text).remittances[0]!.claims[0]!;
    const secondaryId = await server.database.db.transaction((tx) =>
      createSecondaryClaim(tx, {
        primaryClaimId: primaryId,
        claimPayment: payment,
        paidLines: paidByLineControlNumber(payment),
        adjudicationDate: '2026-11-25',
        userId: null,
      }),
    );
    expect(secondaryId).not.toBeNull();

    await page.goto(`${server.url}/claims/${secondaryId}`);
    const box = page.getByTestId('prior-payer');
    await eventually(() => box.isVisible()).toBe(true);
    const paid = lines.reduce((s, l) => s + l.paidCents, 0);
    expect(await box.getByTestId('prior-paid').textContent()).toBe(money(paid));
    expect(await box.textContent()).toContain(`CO-45 ${money(lines[0]!.adjustments[0]!.amountCents)}`);
    expect(await box.getByRole('link').textContent()).toBe(`claim ${primaryId}`);
    expect(await page.getByRole('heading', { level: 3 }).textContent()).toMatch(/S$/);
    expect(pageErrors).toEqual([]);
    // SCREENSHOTS=1: the card for the README (below the form boxes, so the card alone).
    if (process.env.SCREENSHOTS === '1')
      await box.screenshot({
        path: fileURLToPath(new URL('../docs/screenshots/secondary-claim.png', import.meta.url)),
      });
  });
});
