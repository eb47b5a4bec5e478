import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, hasChromium, launchBrowser, logIn, openPage, screenshot } from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { BILLER, startServer, type TestServer } from './support/server.ts';

// A biller turns an encounter into a facility's inpatient bill: UB-04 fields on the encounter,
// revenue codes on its lines, and the claim laid out as the UB-04 with the UB-04 rules' findings
// beside their form locators.
describe.skipIf(!hasChromium)('UB-04 claims in the browser (needs /usr/bin/chromium)', () => {
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

  const openFirstEncounter = async () => {
    await page.getByRole('menuitem', { name: 'Encounters' }).click();
    await page.getByTestId('encounters-table').locator('tbody tr.ant-table-row').first().click();
    await page.waitForURL(/\/encounters\/\d+$/);
  };

  it('bills an encounter on a UB-04: type of bill and a revenue code on every line', async () => {
    await openFirstEncounter();
    await page.getByRole('switch', { name: 'Bill on a UB-04' }).click();
    await choose(page, 'Type of bill', /^111 /);
    await page.getByLabel('Admission hour').fill('07');
    const lines = await page.getByTestId('service-lines').locator('tbody tr.ant-table-row').count();
    for (let i = 1; i <= lines; i++)
      await page.getByLabel(`Line ${i} revenue code`).fill(i === 1 ? '0120' : '0300');
    await page.getByRole('button', { name: 'Save encounter' }).click();
    await page.waitForURL(/\/encounters$/);
  });

  it('reopens the inpatient encounter as 111 with its admission and POA fields, and saving keeps 111', async () => {
    await openFirstEncounter();
    const id = page.url().split('/').at(-1);
    await page.getByLabel('Admission hour').waitFor();
    expect(await page.getByTestId('poa-indicators').isVisible()).toBe(true);
    const billType = page.getByRole('combobox', { name: 'Type of bill', exact: true });
    expect(await page.locator('.ant-form-item', { has: billType }).textContent()).toContain('111 Hospital');
    await page.getByRole('button', { name: 'Save encounter' }).click();
    await page.waitForURL(/\/encounters(\?.*)?$/);
    const stored = await page.evaluate(
      async (url) => (await (await fetch(url)).json()) as { institutional: { billType: string } },
      `/api/encounters/${id}`,
    );
    expect(stored.institutional.billType).toBe('111');
  });

  it('builds an institutional claim laid out as the UB-04, with the admission findings beside FL12–15', async () => {
    await openFirstEncounter();
    expect(await page.getByRole('switch', { name: 'Bill on a UB-04' }).getAttribute('aria-checked')).toBe(
      'true',
    );
    await page.getByRole('button', { name: 'Create claim' }).click();
    await page.waitForURL(/\/claims\/\d+$/);
    await page.getByTestId('ub04').waitFor();
    expect(await page.getByTestId('type-of-bill').textContent()).toBe('0111');
    const admission = page.locator('[data-box="12–15"]');
    await eventually(() => admission.getByTestId('finding-INST-ADMISSION').first().isVisible()).toBe(true);
    expect(await page.getByTestId('ub04-lines').textContent()).toContain('0120');
    expect(await page.getByRole('link', { name: 'Print CMS-1500' }).count()).toBe(0);
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await screenshot(page, 'ub04-claim');
  });

  it('raised no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
