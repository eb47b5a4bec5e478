import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, logIn, openPage, screenshot } from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { BILLER, startServer, type TestServer } from './support/server.ts';

// The dashboard page opens for a biller (its chart library loads on first visit), shows every
// KPI's card with its table, and offers the CSV and PDF. F5's denial-flow test works the queue.
describe.skipIf(!hasChromium)('denials dashboard in the browser (needs /usr/bin/chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
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
    await expect(page.getByTestId('kpi-table-ar-aging').count()).resolves.toBe(1);
    const pdf = await page.getByRole('link', { name: /PDF/ }).getAttribute('href');
    const res = await page.request.get(`${server.url}${pdf}`);
    expect(res.headers()['content-type']).toBe('application/pdf');
    await screenshot(page, 'denials-dashboard');
    expect(pageErrors).toEqual([]);
  });
});
