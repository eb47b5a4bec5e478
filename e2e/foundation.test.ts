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
import { eventually } from './support/eventually.ts';
import { ADMIN, CODER, startServer, type TestServer } from './support/server.ts';

// One walk through the foundation: log in, register a patient with coverage, record an encounter,
// check role-based refusal, and find the patient's read in the audit log.
describe.skipIf(!hasChromium)('foundation workflow in the browser (needs /usr/bin/chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let patientId = '';
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await openPage(browser, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('logs in as the admin and lists the demo practice patients', async () => {
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    await screenshot(page, 'login');
    await logIn(page, server.url, ADMIN);
    await eventually(() => page.getByTestId('patients-table').locator('tbody tr.ant-table-row').count()).toBe(
      5,
    );
    await screenshot(page, 'patients-list');
  });

  it('creates a patient, showing a field error beside its field first', async () => {
    await page.getByRole('button', { name: 'New patient' }).click();
    const form = page.getByRole('form', { name: 'New patient' });
    await form.getByLabel('Account number', { exact: true }).fill('E2E-0001');
    await form.getByLabel('Date of birth', { exact: true }).fill('1980-04-12');
    await form.getByLabel('First name', { exact: true }).fill('Ada');
    await form.getByLabel('Last name', { exact: true }).fill('Testpatient');
    await choose(page, 'Sex', 'Female');
    await form.getByLabel('Address', { exact: true }).fill('1 Main St');
    await form.getByLabel('City', { exact: true }).fill('Springfield');
    await form.getByLabel('State', { exact: true }).fill('IL');
    await form.getByLabel('ZIP', { exact: true }).fill('123');
    await page.getByRole('button', { name: 'Save' }).click();
    await eventually(() => form.getByText('is not a ZIP code (5 or 9 digits)').isVisible()).toBe(true);
    await form.getByLabel('ZIP', { exact: true }).fill('62701');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/patients\/\d+$/);
    patientId = new URL(page.url()).pathname.split('/').pop()!;
    await eventually(() => page.getByTestId('patient-name').textContent()).toBe('Testpatient, Ada');
  });

  it('adds a primary coverage to the patient', async () => {
    await page.getByRole('button', { name: 'Add coverage' }).click();
    const form = page.getByRole('form', { name: 'Add coverage' });
    await chooseFirst(page, 'Payer');
    await form.getByLabel('Member ID', { exact: true }).fill('XYZ123456');
    await form.getByLabel('Effective date', { exact: true }).fill('2024-01-01');
    await page.getByRole('button', { name: 'Save' }).click();
    await eventually(() => page.getByTestId('coverages-table').getByText('XYZ123456').isVisible()).toBe(true);
    await eventually(() => page.getByTestId('coverages-table').getByText('18 self').isVisible()).toBe(true);
    await screenshot(page, 'patient-detail');
  });

  it('records an encounter with two service lines and finds it in the encounters list', async () => {
    await page.getByRole('button', { name: 'New encounter' }).click();
    await page.waitForURL(/\/encounters\/new\?patientId=\d+/);
    await eventually(() => page.getByTestId('patient-select').textContent()).toContain('Testpatient, Ada');
    await page.getByLabel('Service date from').fill('2025-06-02');
    await chooseFirst(page, 'Rendering provider');
    await page.getByLabel('Diagnosis 1', { exact: true }).fill('E11.9');
    await page.getByRole('button', { name: 'Add diagnosis' }).click();
    await page.getByLabel('Diagnosis 2', { exact: true }).fill('I10');
    await page.getByLabel('Line 1 procedure code').fill('99213');
    await page.getByRole('button', { name: 'Add service line' }).click();
    await page.getByLabel('Line 2 procedure code').fill('36415');
    await page.getByLabel('Line 2 charge').fill('25.00');
    await choose(page, 'Line 2 diagnosis pointers', '2 I10');
    await page.keyboard.press('Escape');
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
    await screenshot(page, 'encounter-form');
    await page.getByRole('button', { name: 'Save encounter' }).click();
    await page.waitForURL(/\/encounters$/);
    const row = page.getByTestId('encounters-table').locator('tr', { hasText: 'Testpatient, Ada' });
    await eventually(() => row.isVisible()).toBe(true);
    // 99213 from the fee schedule ($140.00) and 36415 at the typed $25.00.
    await eventually(() => row.textContent()).toContain('$165.00');
  });

  it('refuses the admin users page to a coder', async () => {
    await logOut(page);
    await logIn(page, server.url, CODER);
    expect(await page.getByRole('menuitem', { name: 'Users' }).count()).toBe(0);
    await page.goto(`${server.url}/admin/users`);
    await eventually(() => page.getByText('You do not have access to this page').isVisible()).toBe(true);
    await logOut(page);
  });

  it('shows the admin the read of that patient in the audit log', async () => {
    await logIn(page, server.url, ADMIN);
    await page.getByRole('menuitem', { name: 'Audit log' }).click();
    await eventually(() => page.getByTestId('audit-table').getByText('login').first().isVisible()).toBe(true);
    await choose(page, 'Record type', 'patient');
    await choose(page, 'Action', /^read$/);
    await page.getByLabel(/^Record ID/).fill(patientId);
    await page.getByLabel(/^Record ID/).press('Enter');
    const row = page
      .getByTestId('audit-table')
      .locator('tr', { hasText: `patient ${patientId}` })
      .first();
    await eventually(() => row.isVisible()).toBe(true);
    expect(await row.textContent()).toContain(ADMIN.email);
    expect(await row.textContent()).toContain('read');
  });

  it('raised no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
