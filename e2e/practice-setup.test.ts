import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npiFromBase } from '../src/shared/npi.ts';
import { choose, hasChromium, launchBrowser, logIn, openPage, screenshot } from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { ADMIN, startServer, type TestServer } from './support/server.ts';

// Master data and jobs: errors beside their fields (from the shared schema and from the server),
// money typed in dollars, an encounter edited, and a background job followed to completion.
describe.skipIf(!hasChromium)('practice setup in the browser (needs /usr/bin/chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await openPage(browser, pageErrors);
    await logIn(page, server.url, ADMIN);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows a bad NPI and a duplicate NPI beside the NPI field', async () => {
    await page.getByRole('menuitem', { name: 'Providers' }).click();
    const table = page.getByTestId('providers-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    const takenNpi = (await table
      .locator('tbody tr.ant-table-row')
      .first()
      .locator('td')
      .nth(3)
      .textContent())!;
    await page.getByRole('button', { name: 'New provider' }).click();
    const form = page.getByRole('form', { name: 'New provider' });
    await form.getByLabel('First name', { exact: true }).fill('Grace');
    await form.getByLabel('Last name', { exact: true }).fill('Hopper');
    await form.getByLabel('NPI', { exact: true }).fill('1234567890');
    await page.getByRole('button', { name: 'Save' }).click();
    await eventually(() => form.getByText(/is not a valid NPI/).isVisible()).toBe(true);
    await form.getByLabel('NPI', { exact: true }).fill(takenNpi);
    await page.getByRole('button', { name: 'Save' }).click();
    await eventually(() => form.getByText('is already in use').isVisible()).toBe(true);
    await form.getByLabel('NPI', { exact: true }).fill(npiFromBase('199999999'));
    await page.getByRole('button', { name: 'Save' }).click();
    await eventually(() => table.getByText('Hopper').isVisible()).toBe(true);
  });

  it('keeps a fee in exact cents when typed in dollars', async () => {
    await page.getByRole('menuitem', { name: 'Fee schedule' }).click();
    await page.getByRole('button', { name: 'New fee' }).click();
    const form = page.getByRole('form', { name: 'New fee' });
    await form.getByLabel('Procedure code', { exact: true }).fill('99499');
    await form.getByLabel('Charge', { exact: true }).fill('1234.56');
    await form.getByLabel('Effective date', { exact: true }).fill('2024-01-01');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByLabel('Search fee schedule').fill('99499');
    await page.getByLabel('Search fee schedule').press('Enter');
    await eventually(() => page.getByTestId('fee-schedule-table').getByText('$1,234.56').isVisible()).toBe(
      true,
    );
  });

  it('edits an encounter, showing a pointer past the last diagnosis beside the line', async () => {
    await page.getByRole('menuitem', { name: 'Encounters' }).click();
    await page.getByTestId('encounters-table').locator('tbody tr.ant-table-row').first().click();
    await page.waitForURL(/\/encounters\/\d+$/);
    await page.getByLabel('Line 1 procedure code').waitFor();
    const n = await page.getByRole('textbox', { name: /^Diagnosis \d+$/ }).count();
    await page.getByRole('button', { name: 'Add diagnosis' }).click();
    await page.getByLabel(`Diagnosis ${n + 1}`, { exact: true }).fill('Z00.00');
    await choose(page, 'Line 1 diagnosis pointers', `${n + 1} Z00.00`);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: `Remove diagnosis ${n + 1}` }).click();
    await page.getByLabel('Line 1 charge').fill('99.99');
    await page.getByRole('button', { name: 'Save encounter' }).click();
    const lines = page.getByTestId('service-lines');
    await eventually(() =>
      lines.getByText(`points at diagnosis ${n + 1}, but the encounter has ${n}`).isVisible(),
    ).toBe(true);
    await page.getByRole('button', { name: 'Add diagnosis' }).click();
    await page.getByLabel(`Diagnosis ${n + 1}`, { exact: true }).fill('Z00.00');
    await page.getByRole('button', { name: 'Save encounter' }).click();
    await page.waitForURL(/\/encounters$/);
    await eventually(() => page.getByTestId('encounters-table').getByText('Z00.00').isVisible()).toBe(true);
  });

  it('loads a demo practice as a background job and follows its progress', async () => {
    await page.getByRole('menuitem', { name: 'Jobs' }).click();
    await page.getByRole('button', { name: 'Load demo practice' }).click();
    await page.getByLabel('Patients').fill('20');
    await page.getByLabel('Encounters').fill('40');
    await page.getByRole('button', { name: 'Queue' }).click();
    const row = page.getByTestId('jobs-table').locator('tr', { hasText: 'Load demo practice' }).first();
    await expect.poll(() => row.textContent(), { timeout: 60_000, interval: 250 }).toContain('completed');
    await screenshot(page, 'jobs');
    await page.reload();
    await page.getByTestId('practice-selector').click();
    await eventually(() => page.locator('.ant-select-item-option').count()).toBe(2);
    await page.keyboard.press('Escape');
  });

  it('adds a user with a role in the current practice', async () => {
    await page.getByRole('menuitem', { name: 'Users' }).click();
    await page.getByRole('button', { name: 'New user' }).click();
    const form = page.getByRole('form', { name: 'New user' });
    await form.getByLabel('Email', { exact: true }).fill('biller@e2e.test');
    await form.getByLabel('Name', { exact: true }).fill('Billie Biller');
    await form.getByLabel('Password', { exact: true }).fill('short');
    await choose(page, 'Roles', 'biller');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Save' }).click();
    await eventually(() => form.getByText('is shorter than 12 characters').isVisible()).toBe(true);
    await form.getByLabel('Password', { exact: true }).fill('biller-password-e2e');
    await page.getByRole('button', { name: 'Save' }).click();
    const row = page.getByTestId('users-table').locator('tr', { hasText: 'biller@e2e.test' });
    await eventually(() => row.textContent()).toContain('biller ·');
  });

  it('raised no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
