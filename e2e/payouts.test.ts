import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/audit/index.ts';
import { addDays, todayIso } from '../src/shared/dates.ts';
import { createStaff, enterTime } from '../src/workforce/staff-store.ts';
import { hasChromium, launchBrowser, logIn, openPage, screenshot } from './support/browser.ts';
import { ADMIN, startServer, type TestServer } from './support/server.ts';

// A manager saves a coder's compensation plan, runs last week's payout and reads the coder's
// lines with their inputs: base pay, the overtime premium on 45 hours.
describe.skipIf(!hasChromium)('compensation plans and payouts (needs /usr/bin/chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const today = todayIso();
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  const monday = addDays(today, -weekday - 7);
  const sunday = addDays(monday, 6);

  beforeAll(async () => {
    server = await startServer();
    const db = server.database.db;
    const coder = await createStaff(
      db,
      server.practiceId,
      {
        name: 'Casey Coder',
        role: 'coder',
        payType: 'hourly',
        exempt: false,
        rateCents: 2_500,
        state: 'OH',
        hireDate: '2024-03-01',
      },
      SYSTEM_ACTOR,
    );
    // Nine hours a day, Monday to Friday of last week: 45 hours.
    const days = Array.from({ length: 5 }, (_, i) => ({ workDate: addDays(monday, i), minutes: 540 }));
    await enterTime(db, server.practiceId, coder.id, days, SYSTEM_ACTOR);
    browser = await launchBrowser();
    page = await openPage(browser, pageErrors);
    await logIn(page, server.url, ADMIN);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('saves a plan version, runs last week and shows each line with its inputs', async () => {
    await page.goto(`${server.url}/workforce/compensation-plans`);
    await page.getByLabel('In force from').fill(monday);
    await page.getByRole('button', { name: 'Save as new version' }).click();
    const plans = page.getByTestId('plans-table');
    await expect.poll(() => plans.textContent()).toContain('em-visit: 4');

    await page.goto(`${server.url}/workforce/payouts`);
    await page.getByLabel('From (a Monday)').fill(monday);
    await page.getByLabel('To (a Sunday)').fill(sunday);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const card = page.locator('.ant-card', { hasText: 'Casey Coder (coder)' });
    await expect.poll(() => card.textContent()).toContain('Overtime premium');
    const text = (await card.textContent()) ?? '';
    // 45 h × $25.00 = $1,125.00; no charts, no audit; 5 h over 40 at half the regular rate.
    expect(text).toContain('$1,125.00');
    expect(text).toContain('version 1');
    expect(text).toContain('5 h over 40');
    await screenshot(page, 'payout-report');
    expect(pageErrors).toEqual([]);
  });
});
