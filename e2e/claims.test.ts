import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  choose,
  chooseFirst,
  hasChromium,
  launchBrowser,
  logIn,
  logOut,
  openPage,
  screenshot,
} from './support/browser.ts';
import { writeSmallCodeSets } from './support/codesets.ts';
import { eventually } from './support/eventually.ts';
import { ADMIN, BILLER, CODER, startServer, type TestServer } from './support/server.ts';

/** Answers a reason modal (override, void) and waits for it to close. */
async function giveReason(page: Page, title: string | RegExp, reason: string, ok: string) {
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.getByLabel('Reason').fill(reason);
  await dialog.getByRole('button', { name: ok }).click();
  await dialog.waitFor({ state: 'hidden' });
}

// A biller creates a claim from an encounter and works its scrubber findings: an override with a
// reason, a charge edit and its one-click fix, then a void that the history records.
describe.skipIf(!hasChromium)('claims in the browser (needs /usr/bin/chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const state = () => page.getByTestId('claim-state').textContent();

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

  it('creates the claim from an encounter and shows the code-set warning beside box 21', async () => {
    await page.getByRole('menuitem', { name: 'Encounters' }).click();
    await page.getByTestId('encounters-table').locator('tbody tr.ant-table-row').first().click();
    await page.waitForURL(/\/encounters\/\d+$/);
    await page.getByRole('button', { name: 'Create claim' }).click();
    await page.waitForURL(/\/claims\/\d+$/);
    const box21 = page.locator('[data-box="21"]');
    await eventually(() => box21.getByTestId('finding-CODES-NOT-LOADED').isVisible()).toBe(true);
    expect(await box21.getByTestId('finding-CODES-NOT-LOADED').textContent()).toContain(
      'Code sets are not loaded',
    );
    expect(await state()).toBe('scrubbed');
  });

  it('overrides the warning with a reason, and the claim is ready', async () => {
    const finding = page.getByTestId('finding-CODES-NOT-LOADED');
    await finding.getByRole('button', { name: 'Override' }).click();
    await giveReason(
      page,
      'Override CODES-NOT-LOADED',
      'Codes checked by hand against the 2026 book',
      'Override',
    );
    await eventually(state).toBe('ready');
    await eventually(() => finding.textContent()).toContain('Overridden: Codes checked by hand');
  });

  it('flags a charge off the fee schedule beside its line and fixes it in one click', async () => {
    await page.getByRole('button', { name: 'Edit claim' }).click();
    const form = page.getByRole('form', { name: /^Edit claim/ });
    await form.getByLabel('Line 1 charge').fill('999.00');
    await page.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'hidden' });
    const chargeFee = page.getByTestId('claim-lines').getByTestId('finding-CHARGE-FEE');
    await eventually(() => chargeFee.isVisible()).toBe(true);
    expect(await page.getByTestId('claim-line-1').textContent()).toContain('$999.00');
    await page.setViewportSize({ width: 1440, height: 1500 });
    await page.mouse.move(700, 1200);
    await page.locator('.ant-dropdown:not(.ant-dropdown-hidden)').waitFor({ state: 'hidden' });
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await screenshot(page, 'claim-detail');
    await page.setViewportSize({ width: 1440, height: 900 });
    await chargeFee.getByRole('button', { name: 'Fix' }).click();
    await eventually(() => chargeFee.count()).toBe(0);
    expect(await page.getByTestId('claim-line-1').textContent()).not.toContain('$999.00');
  });

  it("edits a line's NDC, quantity and unit in the claim drawer (hyphens dropped), shown in box 24", async () => {
    await page.getByRole('button', { name: 'Edit claim' }).click();
    const form = page.getByRole('form', { name: /^Edit claim/ });
    await form.getByLabel('Line 1 NDC', { exact: true }).fill('00003-0293-05');
    await form.getByLabel('Line 1 NDC quantity').fill('2');
    await choose(page, 'Line 1 NDC unit', /^ML$/);
    await page.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'hidden' });
    await eventually(() => page.getByTestId('claim-line-1').textContent()).toContain('N4 00003029305 ML2');
  });

  it('voids the claim with a reason that the history shows', async () => {
    await page.getByRole('button', { name: 'Void claim' }).click();
    await giveReason(page, /^Void claim/, 'Patient paid in full at the visit', 'Void claim');
    await eventually(state).toBe('voided');
    const history = page.getByTestId('claim-history');
    await eventually(() => history.textContent()).toContain('Patient paid in full at the visit');
    expect(await history.textContent()).toContain(BILLER.name);
    expect(await page.getByRole('button', { name: 'Edit claim' }).count()).toBe(0);
  });

  it('lists the claim and filters the list by state', async () => {
    await page.getByRole('menuitem', { name: 'Claims' }).click();
    const rows = page.getByTestId('claims-table').locator('tbody tr.ant-table-row');
    await eventually(() => rows.count()).toBe(1);
    await choose(page, 'State', /^ready$/);
    await eventually(() => rows.count()).toBe(0);
    // Thirteen states: the list is virtual, so type to reach the later ones.
    await page.getByRole('combobox', { name: 'State', exact: true }).fill('void');
    await choose(page, 'State', /^voided$/);
    await eventually(() => rows.count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await screenshot(page, 'claims-list');
  });

  it('raised no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});

// A coder looks codes up in a small ICD-10-CM 2026 release (chapter 1) imported before the start.
describe.skipIf(!hasChromium)('coding in the browser (needs /usr/bin/chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let dir = '';
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = writeSmallCodeSets();
    server = await startServer({ codesetsDir: dir });
    browser = await launchBrowser();
    page = await openPage(browser, pageErrors);
    await logIn(page, server.url, CODER);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('finds cholera as the coder types and opens A00.0', async () => {
    await page.getByRole('menuitem', { name: /Coding$/ }).click();
    await page.getByLabel('Date of service').fill('2026-01-15');
    await page.getByLabel('Search codes').pressSequentially('cholera');
    const results = page.getByTestId('code-results');
    const a000 = results.locator('[data-code="A00.0"]');
    await eventually(() => a000.isVisible()).toBe(true);
    await a000.click();
    const detail = page.getByTestId('code-detail');
    await eventually(() => detail.textContent()).toContain(
      'Cholera due to Vibrio cholerae 01, biovar cholerae',
    );
    expect(await detail.textContent()).toContain('billable');
    expect(await detail.textContent()).toContain('A00 Cholera');
  });

  it('validates several codes, showing A00 as a header', async () => {
    await page.getByLabel('Codes to validate').fill('A00 A00.0');
    await page.getByRole('button', { name: 'Validate', exact: true }).click();
    const table = page.getByTestId('validate-table');
    const a00 = table.locator('tr', { has: page.getByRole('button', { name: 'A00', exact: true }) });
    await eventually(() => a00.textContent()).toContain('header');
    expect(await table.locator('tr', { hasText: 'A00.0' }).textContent()).toContain('billable');
  });

  it('opens the header A00 and picks one of its codes from the chips', async () => {
    await page.getByTestId('validate-table').getByRole('button', { name: 'A00', exact: true }).click();
    const chips = page.getByTestId('code-completions');
    await eventually(() => chips.textContent()).toContain('A00.1');
    await screenshot(page, 'coding');
    await chips.getByText('A00.1', { exact: true }).click();
    await eventually(() => page.getByTestId('code-detail').textContent()).toContain(
      'Cholera due to Vibrio cholerae 01, biovar eltor',
    );
  });

  it('shows the admin the imported release and follows a new import to completion', async () => {
    await logOut(page);
    await logIn(page, server.url, ADMIN);
    await page.getByRole('menuitem', { name: 'Code sets' }).click();
    const row = page.getByTestId('codesets-table').locator('tr', { hasText: 'ICD-10-CM' });
    await eventually(() => row.textContent()).toContain('2026');
    await page.getByRole('button', { name: 'Import from the configured folder' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toContain('completed');
    await screenshot(page, 'code-sets');
  });

  it('lets the admin add a payer rule with procedure codes as tags', async () => {
    await page.getByRole('menuitem', { name: 'Payer rules' }).click();
    await page.getByRole('button', { name: 'New payer rule' }).click();
    const form = page.getByRole('form', { name: 'New payer rule' });
    await chooseFirst(page, 'Payer');
    await choose(page, 'Rule', 'Prior authorization required');
    await form.getByLabel('Procedure codes').fill('72148');
    await form.getByLabel('Procedure codes').press('Enter');
    await form.getByLabel('Procedure codes').fill('72149');
    await form.getByLabel('Procedure codes').press('Enter');
    await form.getByLabel('Note', { exact: true }).fill('MRI lumbar spine');
    await page.getByRole('button', { name: 'Save' }).click();
    const row = page.getByTestId('payer-rules-table').locator('tr', { hasText: 'MRI lumbar spine' });
    await eventually(() => row.isVisible()).toBe(true);
    expect(await row.textContent()).toContain('72149');
  });

  it('raised no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
