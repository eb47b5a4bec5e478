import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse837 } from '../src/x12/index.ts';
import { hasChromium, launchBrowser, logIn, openPage, screenshot } from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { ADMIN, startServer, type TestServer } from './support/server.ts';

// An admin sets up the clearinghouse, makes a claim ready, batches it into an 837P file and,
// without a connection, marks the batch sent by hand (its claim then submitted).
describe.skipIf(!hasChromium)('submissions in the browser (needs /usr/bin/chromium)', () => {
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

  it('sets up the submitter and receiver', async () => {
    await page.getByRole('menuitem', { name: 'Clearinghouse' }).click();
    await page.getByRole('button', { name: 'New submitter setting' }).click();
    const form = page.getByRole('form', { name: /submitter setting/i });
    await form.getByLabel('Submitter name', { exact: true }).fill('Riverside Billing');
    await form.getByLabel('Submitter ID (ETIN)', { exact: true }).fill('RIVER01');
    await form.getByLabel('Contact name', { exact: true }).fill('Billing Office');
    await form.getByLabel('Contact phone', { exact: true }).fill('2175550100');
    await form.getByLabel('Receiver name', { exact: true }).fill('Demo Clearinghouse');
    await form.getByLabel('Receiver ID', { exact: true }).fill('DEMOCH');
    await page.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'hidden' });
  });

  it('makes a claim ready and batches it into an 837P file', async () => {
    await page.getByRole('menuitem', { name: 'Encounters' }).click();
    await page.getByTestId('encounters-table').locator('tbody tr.ant-table-row').first().click();
    await page.getByRole('button', { name: 'Create claim' }).click();
    await page.waitForURL(/\/claims\/\d+$/);
    const finding = page.getByTestId('finding-CODES-NOT-LOADED');
    await finding.getByRole('button', { name: 'Override' }).click();
    const dialog = page.getByRole('dialog', { name: 'Override CODES-NOT-LOADED' });
    await dialog.getByLabel('Reason').fill('Codes checked by hand against the 2026 book');
    await dialog.getByRole('button', { name: 'Override' }).click();
    await eventually(() => page.getByTestId('claim-state').textContent()).toBe('ready');

    await page.getByRole('menuitem', { name: 'Submissions' }).click();
    await page.getByTestId('submit-ready').click();
    const rows = page.getByTestId('batches-table').locator('tbody tr.ant-table-row');
    await eventually(() => rows.count()).toBe(1);
    // The batch job that wrote it is listed below, with who asked and the batch it wrote.
    const job = page.getByTestId('batch-jobs').locator('tbody tr.ant-table-row').first();
    await eventually(() => job.textContent()).toContain('claim(s) put in the batch');
    expect(await rows.first().textContent()).toContain('test');
    const href = await rows.first().getByRole('link').getAttribute('href');
    const file = await page.evaluate(async (url) => (await fetch(url!)).text(), href);
    expect(parse837(file).claims).toHaveLength(1);
    await screenshot(page, 'submissions');
  });

  it('the claim waits in the batch until the biller, who sent the file by hand, marks it sent', async () => {
    const row = page.getByTestId('batches-table').locator('tbody tr.ant-table-row').first();
    expect(await row.textContent()).toContain('not sent');
    await row.getByRole('button', { name: 'Mark sent' }).click();
    await page.getByRole('button', { name: 'OK' }).click();
    await eventually(async () => (await row.textContent())?.includes('not sent')).toBe(false);
    expect(await row.getByRole('button', { name: 'Release claims' }).count()).toBe(0);
    const states = await page.evaluate(async () => {
      const [batch] = await (await fetch('/api/batches')).json();
      return [batch.state, (await (await fetch(`/api/batches/${batch.id}`)).json()).claims[0].state];
    });
    expect(states).toEqual(['sent', 'submitted']);
  });

  it('raised no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
