import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/audit/index.ts';
import { importWageDir } from '../src/workforce/index.ts';
import { choose, hasChromium, launchBrowser, openPage, screenshot, screenshotOf } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

// Anyone, without logging in, opens the salary explorer, picks a state and sees its BLS figures
// with the release they come from.
describe.skipIf(!hasChromium)('the salary explorer in the browser (needs /usr/bin/chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    await importWageDir(server.database.db, join(process.cwd(), '../shared/salary'), SYSTEM_ACTOR);
    browser = await launchBrowser();
    page = await openPage(browser, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows a state’s mean wage and its source without a login', async () => {
    await page.goto(`${server.url}/salary`);
    await expect
      .poll(() => page.getByTestId('salary-source').textContent())
      .toContain('U.S. Bureau of Labor Statistics');
    await choose(page, 'Pick a state', 'Alabama');
    const figures = page.getByTestId('state-figures');
    await figures.waitFor();
    // The figure BLS published for Alabama, May 2023 (SOURCES.md), read from the imported file.
    expect(await figures.textContent()).toContain('$42,970');
    expect(await figures.textContent()).toContain('BLS OEWS May 2023');
    expect(await page.getByTestId('wages-national').textContent()).toContain('$48,780');
    await page.getByRole('button', { name: 'Estimate' }).click();
    await page.getByTestId('estimate-result').waitFor();
    expect(await page.getByTestId('estimate-result').textContent()).toMatch(/\$[\d,]+ – \$[\d,]+ a year/);
    await screenshot(page, 'salary-explorer');
    await screenshotOf(page.getByTestId('wages-states'), 'salary-explorer-states');
    await screenshotOf(page.getByTestId('pay-estimate'), 'salary-estimate');
    expect(pageErrors).toEqual([]);
  });
});
