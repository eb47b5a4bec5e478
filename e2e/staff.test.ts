import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/audit/index.ts';
import { findUserByEmail } from '../src/auth/index.ts';
import { todayIso } from '../src/shared/dates.ts';
import { listStaff, seedDemoStaff } from '../src/workforce/index.ts';
import { updateStaff } from '../src/workforce/staff-store.ts';
import { hasChromium, launchBrowser, logIn, logOut, openPage, screenshot } from './support/browser.ts';
import { ADMIN, CODER, startServer, type TestServer } from './support/server.ts';

// The team page: a manager sees the demo team and its credential reminders, and a time sheet with
// a bad row is refused with that row named; the coder linked to a record sees only her own.
describe.skipIf(!hasChromium)('staff and time (needs /usr/bin/chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    const db = server.database.db;
    await db.transaction((tx) => seedDemoStaff(tx, server.practiceId, SYSTEM_ACTOR, todayIso()));
    const jordan = (await listStaff(db, server.practiceId)).find((s) => s.name === 'Jordan Lee')!;
    const coder = await findUserByEmail(db, CODER.email);
    await updateStaff(db, server.practiceId, jordan.id, { ...jordan, userId: coder!.id }, SYSTEM_ACTOR);
    browser = await launchBrowser();
    page = await openPage(browser, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a manager sees the team and reminders; a bad time sheet is refused at its row', async () => {
    await logIn(page, server.url, ADMIN);
    await page.goto(`${server.url}/workforce/staff`);
    const table = page.getByTestId('staff-table');
    await expect.poll(() => table.textContent()).toContain('Alex Rivera');
    expect(await table.textContent()).toContain('$31.50 an hour');
    expect(await page.getByTestId('credential-reminders').textContent()).toContain('CPC expires on');
    await screenshot(page, 'staff');

    await page.getByRole('tab', { name: 'Time' }).click();
    await page
      .getByRole('cell', { name: /^\d{4}-W\d{2}$/ })
      .first()
      .waitFor();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /Import time sheet/ }).click();
    await (
      await chooser
    ).setFiles({
      name: 'week.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('staff,date,hours\nAlex Rivera,2026-11-23,8\nNobody,2026-11-23,8\n'),
    });
    await expect
      .poll(() => page.getByTestId('time-import-errors').textContent())
      .toContain('row 3/staff: no staff member named "Nobody"');
    await screenshot(page, 'staff-time');
    await logOut(page);
  });

  it('the coder sees only her own record', async () => {
    await logIn(page, server.url, CODER);
    await page.goto(`${server.url}/workforce/staff`);
    await page.getByRole('heading', { name: 'My record' }).waitFor();
    const table = page.getByTestId('staff-table');
    await expect.poll(() => table.textContent()).toContain('Jordan Lee');
    expect(await table.textContent()).not.toContain('Alex Rivera');
    expect(pageErrors).toEqual([]);
  });
});
