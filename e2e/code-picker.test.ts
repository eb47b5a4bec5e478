import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeOrderSubsets } from '../src/codesets/testing.ts';
import { hasChromium, launchBrowser, logIn, openPage, screenshot } from './support/browser.ts';
import { codesStartingWith } from './support/codesets.ts';
import { eventually } from './support/eventually.ts';
import { ADMIN, startServer, type TestServer } from './support/server.ts';

const shared = fileURLToPath(new URL('../../shared/codesets/', import.meta.url));
const fixtures = fileURLToPath(new URL('../src/codesets/fixtures/', import.meta.url));
const DOS = '2026-03-02';

const ICD10CM_2026 = 'icd10cm/2026/icd10cm_order_2026.txt';

/**
 * ICD-10-CM FY2026 (drug table from CMS; the main index and tabular are the fixtures in the
 * official layout, the FY2026 files not being available) and HCPCS 2026-JAN. Of CMS's order file,
 * only the lines of the code families the index fixture and the drug table name (the drug table's
 * T36–T65, with every 7th character): the whole file took tens of seconds to import.
 */
function writeCodeSets(): string {
  const dir = writeOrderSubsets({
    [ICD10CM_2026]: codesStartingWith(ICD10CM_2026, [
      ...['E08', 'E09', 'E10', 'E11', 'E12', 'E13', 'E85', 'G62', 'I2', 'I5', 'J4', 'J6', 'M84', 'S52'],
      ...['T3', 'T4', 'T5', 'T6'],
    ]),
  });
  const copies: [string, string][] = [
    [`${shared}icd10cm/2026/icd10cm_drug_2026.xml`, 'icd10cm/2026/icd10cm_drug_2026.xml'],
    [`${fixtures}index/pass/asthma-fracture-diabetes.xml`, 'icd10cm/2026/icd10cm_index_2026.xml'],
    [`${fixtures}tabular/pass/diabetes-asthma-injury-poisoning.xml`, 'icd10cm/2026/icd10cm_tabular_2026.xml'],
    [
      `${shared}hcpcs/2026/HCPC2026_JAN_ANWEB_01122026.txt.gz`,
      'hcpcs/2026/HCPC2026_JAN_ANWEB_01122026.txt.gz',
    ],
  ];
  for (const [from, to] of copies) {
    mkdirSync(join(dir, to, '..'), { recursive: true });
    copyFileSync(from, join(dir, to));
  }
  return dir;
}

// A coder walks the index the way the book is used, then codes an encounter with the picker: a
// suggestion as they type, a drug-table code completed in the finder, and a licensed CPT code.
describe.skipIf(!hasChromium)('code picker and index browser (needs /usr/bin/chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let dir = '';
  const pageErrors: string[] = [];
  const indexBrowser = () => page.getByTestId('index-browser');
  const term = (title: string) => indexBrowser().locator(`[data-term="${title}"]`);
  const entry = () => page.getByTestId('index-entry');
  const detail = () => page.getByTestId('code-detail');

  beforeAll(async () => {
    dir = writeCodeSets();
    server = await startServer({ codesetsDir: dir });
    browser = await launchBrowser();
    page = await openPage(browser, pageErrors);
    await logIn(page, server.url, ADMIN);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('imports a licensed CPT data file (made-up descriptions) from the code sets page', async () => {
    await page.getByRole('menuitem', { name: 'Code sets' }).click();
    await page.getByRole('button', { name: 'Import CPT file' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import your licensed CPT data file' });
    await dialog.getByLabel('CPT year').fill('2026');
    await dialog.getByLabel('CPT data file').setInputFiles(`${fixtures}cpt/fail/duplicate-code.txt`);
    await dialog.getByRole('button', { name: 'Import' }).click();
    await eventually(() => dialog.textContent()).toContain(
      'duplicate-code.txt, line 3: CPT 99202 appears again',
    );
    await dialog.getByLabel('CPT data file').setInputFiles(`${fixtures}cpt/pass/longult-tab-with-notice.txt`);
    await dialog.getByRole('button', { name: 'Import' }).click();
    await eventually(() => page.getByText('CPT 2026 imported: 6 codes').isVisible()).toBe(true);
    const row = page.getByTestId('codesets-table').locator('tr', { hasText: 'CPT' });
    await eventually(() => row.textContent()).toContain('cpt 6');
  });

  it('walks the index: asthma → mild intermittent → with → exacerbation gives J45.21, verified', async () => {
    await page.getByRole('menuitem', { name: /Coding$/ }).click();
    await page.getByLabel('Date of service').fill(DOS);
    await page.getByRole('tab', { name: 'Index' }).click();
    await indexBrowser().getByLabel('Main term').fill('asthma');
    await eventually(() => term('Asthma, asthmatic').isVisible()).toBe(true);
    await term('mild intermittent').click();
    await term('with').nth(1).click();
    await term('exacerbation').click();
    const j4521 = entry().locator('[data-code="J45.21"]');
    await eventually(() => j4521.textContent()).toContain(
      'Mild intermittent asthma with (acute) exacerbation',
    );
    expect(await j4521.textContent()).toContain('billable');
    await j4521.getByText('J45.21', { exact: true }).click();
    await eventually(() => detail().textContent()).toContain('excludes1');
    expect(await detail().textContent()).toContain('J45 Asthma');
    await screenshot(page, 'coding-index');
  });

  it('follows "see also" to the main term and subterm it names', async () => {
    await indexBrowser().getByLabel('Main term').fill('Cardiopathy');
    await eventually(() => entry().textContent()).toContain('see also');
    await entry().getByText('Disease, heart').click();
    await eventually(() => indexBrowser().locator('.ant-breadcrumb').textContent()).toContain(
      'Disease, diseased',
    );
    await eventually(() => entry().locator('[data-code="I51.9"]').isVisible()).toBe(true);
  });

  it('finds Acetaminophen in the drug table: T39.1X1- needs its 7th character, chosen from the chips', async () => {
    await indexBrowser().getByText('Drugs', { exact: true }).click();
    await indexBrowser().getByLabel('Main term').fill('Acetaminophen');
    const accidental = entry().locator('[data-code="T39.1X1-"]');
    await eventually(() => accidental.textContent()).toContain('Poisoning Accidental (unintentional)');
    expect(await accidental.textContent()).toContain('needs a 7th character');
    await accidental.getByText('T39.1X1-', { exact: true }).click();
    await eventually(() => page.getByTestId('seventh-characters').textContent()).toContain(
      'initial encounter',
    );
    await accidental.getByTestId('index-completions').getByText('T39.1X1A', { exact: true }).click();
    await eventually(() => detail().textContent()).toContain(
      'Poisoning by 4-Aminophenol derivatives, accidental (unintentional), initial encounter',
    );
  });

  it('codes an encounter with the picker: a suggestion, a finder code, a licensed CPT code', async () => {
    await page.goto(`${server.url}/encounters/new`);
    await page.getByLabel('Service date from').fill(DOS);
    const dx1 = page.getByLabel('Diagnosis 1', { exact: true });
    await dx1.pressSequentially('mild intermittent asthma exacerbation');
    const suggestions = page.getByTestId('code-suggestions');
    await eventually(() => suggestions.locator('[data-code="J45.21"]').isVisible()).toBe(true);
    await suggestions.locator('[data-code="J45.21"]').click();
    expect(await dx1.inputValue()).toBe('J45.21');

    await page.getByRole('button', { name: 'Add diagnosis' }).click();
    await page.getByRole('button', { name: 'Find diagnosis code 2' }).click();
    const finder = page.getByRole('dialog', { name: /Find a code · Diagnosis 2/ });
    await finder.getByRole('tab', { name: 'Index' }).click();
    await finder.getByText('Drugs', { exact: true }).click();
    await finder.getByLabel('Main term').fill('Acetaminophen');
    const chips = finder.locator('[data-code="T39.1X1-"]').getByTestId('index-completions');
    await eventually(() => chips.isVisible()).toBe(true);
    await chips.getByText('T39.1X1S', { exact: true }).click();
    await finder.getByRole('button', { name: 'Use T39.1X1S' }).click();
    await finder.waitFor({ state: 'hidden' });
    expect(await page.getByLabel('Diagnosis 2', { exact: true }).inputValue()).toBe('T39.1X1S');

    const line1 = page.getByLabel('Line 1 procedure code');
    await line1.fill('');
    await line1.pressSequentially('99213');
    const cpt = suggestions.locator('[data-code="99213"]');
    await eventually(() => cpt.textContent()).toContain('established-patient office visit, level three');
    await page.keyboard.press('Enter');
    expect(await line1.inputValue()).toBe('99213');
    await eventually(() => suggestions.filter({ visible: true }).count()).toBe(0);
    await screenshot(page, 'code-picker');
    expect(pageErrors).toEqual([]);
  });
});
