import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/audit/index.ts';
import { postEntries } from '../src/ledger/index.ts';
import { addDays, todayIso } from '../src/shared/dates.ts';
import { importWageDir } from '../src/workforce/index.ts';
import { addMonths } from '../src/workforce/operating.ts';
import { createStaff, enterTime } from '../src/workforce/staff-store.ts';
import { hasChromium, launchBrowser, logIn, openPage, screenshot } from './support/browser.ts';
import { ADMIN, startServer, type TestServer } from './support/server.ts';

// A manager opens the team's pay against the market and the operating figures: each page shows
// its table, the BLS release or the formulas, and no browser error.
describe.skipIf(!hasChromium)(
  'pay against the market and operating figures (needs /usr/bin/chromium)',
  () => {
    let server: TestServer;
    let browser: Browser;
    let page: Page;
    const pageErrors: string[] = [];

    beforeAll(async () => {
      server = await startServer();
      const db = server.database.db;
      await importWageDir(db, join(process.cwd(), '../shared/salary'), SYSTEM_ACTOR);
      const staff = [
        { name: 'Casey Coder', role: 'coder', rateCents: 2_350, state: 'AL', workSetting: '621000' },
        { name: 'Blake Biller', role: 'biller', rateCents: 2_700, state: 'CA', workSetting: '622000' },
      ];
      for (const s of staff) {
        const row = await createStaff(
          db,
          server.practiceId,
          { ...s, payType: 'hourly', exempt: false, hireDate: '2024-03-01' },
          SYSTEM_ACTOR,
        );
        // Eight hours a day on the last ten days.
        const days = Array.from({ length: 10 }, (_, i) => ({
          workDate: addDays(todayIso(), -i),
          minutes: 480,
        }));
        await enterTime(db, server.practiceId, row.id, days, SYSTEM_ACTOR);
      }
      await createStaff(
        db,
        server.practiceId,
        {
          name: 'Morgan Manager',
          role: 'manager',
          payType: 'salaried',
          exempt: true,
          annualSalaryCents: 6_800_000,
          state: 'TX',
          hireDate: '2023-06-01',
        },
        SYSTEM_ACTOR,
      );
      // Money collected this month and in each of the three before it, for the cost to collect.
      const { rows } = await server.database.sql.executeSql(
        'select id from patient where practice_id = $1 order by id limit 1',
        [server.practiceId],
      );
      await db.transaction((tx) =>
        postEntries(
          tx,
          [0, 1, 2, 3].map((back) => ({
            practiceId: server.practiceId,
            patientId: Number((rows[0] as { id: number }).id),
            account: 'patient' as const,
            kind: 'patient_payment' as const,
            amountCents: 3_000_000 + back * 250_000,
            effectiveDate: `${addMonths(todayIso().slice(0, 7), -back)}-01`,
            sourceType: 'user' as const,
            sourceId: 'e2e',
          })),
          SYSTEM_ACTOR,
        ),
      );
      browser = await launchBrowser();
      page = await openPage(browser, pageErrors);
      await logIn(page, server.url, ADMIN);
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('shows each person against the BLS market, then the operating figures', async () => {
      await page.goto(`${server.url}/workforce/team-market`);
      await expect
        .poll(() => page.getByTestId('team-market-source').textContent())
        .toContain('U.S. Bureau of Labor Statistics, OEWS May 2025');
      const table = page.getByTestId('team-market-table');
      await expect.poll(() => table.textContent()).toContain('Casey Coder');
      // $23.50 × 2,080 = $48,880; Alabama's market is scaled from its May 2023 mean.
      expect(await table.textContent()).toContain('48880.00');
      expect(await table.textContent()).toContain('Alabama');
      await screenshot(page, 'team-pay-against-market');

      await page.goto(`${server.url}/workforce/operating`);
      const figures = page.getByTestId('operating-table');
      await expect.poll(() => figures.textContent()).toContain(todayIso().slice(0, 7));
      expect(await page.getByText('Cost per claim = staff cost').count()).toBe(1);
      await page.getByText('Cost to collect (%)', { exact: true }).first().click();
      await expect.poll(() => figures.textContent()).toContain('Same month last year');
      await screenshot(page, 'operating-figures');
      expect(pageErrors).toEqual([]);
    });
  },
);
