import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/audit/index.ts';
import { createUser } from '../src/auth/store.ts';
import { enqueueChart } from '../src/coding/index.ts';
import { writeOrderSubsets } from '../src/codesets/testing.ts';
import { encounterIdsOf, encountersByExternalIds } from '../src/encounters/index.ts';
import { payersOfPractice } from '../src/payers/index.ts';
import { apiAs, type Api } from './support/api.ts';
import {
  choose,
  hasChromium,
  launchBrowser,
  logIn,
  openPage,
  screenshot,
  screenshotOf,
} from './support/browser.ts';
import { codesStartingWith } from './support/codesets.ts';
import { eventually } from './support/eventually.ts';
import { ADMIN, CODER, startServer, type TestServer } from './support/server.ts';

const samples = fileURLToPath(new URL('../src/charts/fhir/samples/', import.meta.url));

const PROVIDER = { email: 'dr.okafor@e2e.test', name: 'Ann Okafor MD', password: 'provider-password-e2e' };
const AUDITOR = { email: 'auditor@e2e.test', name: 'Avi Auditor', password: 'auditor-password-e2e' };

const ICD10CM_2027 = 'icd10cm/2027/icd10cm_order_2027.txt';

/**
 * ICD-10-CM FY2027 (in force on the imported visit's date, 2026-11-03): the order-file lines of the
 * diabetes families (E08–E13: the picker's search ranks E11.9 among its near neighbours, E10.9,
 * E13.9, ...) and the anaemias (D50–D64, D62 among them). The whole order file took tens of seconds
 * to import.
 */
function writeCodeSets(): string {
  return writeOrderSubsets({
    [ICD10CM_2027]: codesStartingWith(ICD10CM_2027, ['E08', 'E09', 'E10', 'E11', 'E12', 'E13', 'D5', 'D6']),
  });
}

// The coder's day around the coding screen, in a browser: a chart comes in from the EHR (a FHIR
// bundle, then a note file on the visit), the coder asks the physician a question, the physician
// answers, the coder codes from the answer and sends the chart; an auditor re-codes it blind with
// the code picker, the score shows, the coder disputes it; the manager reads productivity and its
// CSV and moves a chart up the queue. Each user has their own browser context.
describe.skipIf(!hasChromium)('coding review pages (needs /usr/bin/chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: Page;
  let coder: Page;
  let dir = '';
  let codesets = '';
  let encounterId = 0;
  let chartId = 0;
  let coderApi: Api;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cleanclaim-e2e-review-'));
    codesets = writeCodeSets();
    server = await startServer({ codesetsDir: codesets });
    const db = server.database.db;
    const practiceId = server.practiceId;
    await createUser(db, { ...PROVIDER, grants: [{ practiceId, role: 'provider' }] });
    await createUser(db, { ...AUDITOR, grants: [{ practiceId, role: 'auditor' }] });
    // The office-visit bundle names its payer by the practice's payer id.
    const payer = (await payersOfPractice(db, practiceId))[0]!;
    const bundle = readFileSync(`${samples}pass/office-visit-transaction.json`, 'utf8');
    writeFileSync(join(dir, 'office-visit.json'), bundle.replaceAll('PAYERID', payer.payerId));
    // A demo visit on the queue for the manager to move up.
    const demoVisit = (await encounterIdsOf(db, [practiceId]))[0]!;
    await enqueueChart(db, practiceId, demoVisit, 'em-visit', SYSTEM_ACTOR);
    browser = await launchBrowser();
    admin = await openPage(browser, pageErrors);
    coder = await openPage(browser, pageErrors);
    await logIn(admin, server.url, ADMIN);
    await logIn(coder, server.url, CODER);
    coderApi = await apiAs(server.url, CODER);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (codesets) rmSync(codesets, { recursive: true, force: true });
  });

  it('imports a FHIR bundle on the chart import page (again: nothing changes) and adds a note file on the visit', async () => {
    await admin.goto(`${server.url}/charts/import`);
    const files = admin.locator('input[type=file]');
    const results = admin.getByRole('table', { name: 'Imported chart files' });
    await files.setInputFiles(join(dir, 'office-visit.json'));
    await eventually(() => results.textContent()).toMatch(/\d+ created/);
    await files.setInputFiles(join(dir, 'office-visit.json'));
    await eventually(() => results.textContent()).toContain('imported before: nothing changed');
    await files.setInputFiles(`${samples}fail/stu3-document-reference.json`);
    await eventually(() => results.textContent()).toContain('not imported');
    await admin.locator('.ant-message-notice').last().waitFor({ state: 'detached' });
    await screenshot(admin, 'chart-import');

    const [visit] = await encountersByExternalIds(server.database.db, server.practiceId, ['V-7001']);
    encounterId = visit!.id;
    await admin.goto(`${server.url}/encounters/${encounterId}`);
    const notes = admin.locator('[aria-label="Notes"]');
    await eventually(() => notes.textContent()).toContain('progress-note');
    await notes.locator('input[type=file]').setInputFiles({
      name: 'nursing-note.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Nursing note: fatigue for two weeks; Hgb 7.9 g/dL; melena reported.\n'),
    });
    await eventually(() => notes.textContent()).toContain('nursing-note.txt');
    await notes.getByText('nursing-note.txt').click();
    await eventually(() => notes.textContent()).toContain('melena reported');
  });

  it('a coder sends a physician query, the provider answers it, the coder codes from the addendum', async () => {
    // The coder opens the imported chart and asks from there: the query form starts on that visit.
    const queued = (await coderApi.get('/api/coding/queue')) as {
      items: { id: number; encounterId: number }[];
    };
    chartId = queued.items.find((i) => i.encounterId === encounterId)!.id;
    await coder.goto(`${server.url}/coding/charts/${chartId}`);
    await eventually(() => coder.getByTestId('chart-notes').textContent()).toContain('melena reported');
    await coder.getByRole('button', { name: 'Query the provider' }).click();
    await eventually(() => coder.getByLabel('Encounter').inputValue()).toBe(String(encounterId));
    await coder
      .getByLabel('Question')
      .fill('Based on the clinical indicators below, please clarify the type of anemia.');
    await coder.getByLabel('Clinical indicators').fill('Hgb 7.9 g/dL; melena in the nursing note; fatigue.');
    const options = coder.getByLabel('Options');
    for (const o of ['Acute blood loss anemia', 'Iron deficiency anemia']) {
      await options.fill(o);
      await options.press('Enter');
    }
    await coder.getByRole('button', { name: 'Send to provider' }).click();
    await eventually(() => coder.getByText('Query sent').isVisible()).toBe(true);
    const waiting = (await coderApi.get(`/api/coding/queue?state=query`)) as { items: { id: number }[] };
    expect(waiting.items.map((i) => i.id)).toEqual([chartId]);

    const provider = await openPage(browser, pageErrors);
    await logIn(provider, server.url, PROVIDER);
    await provider.goto(`${server.url}/coding/queries`);
    const row = provider.locator('tr', { hasText: 'please clarify the type of anemia' }).first();
    await row.getByRole('button', { name: /expand/i }).click();
    await provider.getByRole('radio', { name: 'Acute blood loss anemia' }).check();
    await provider.getByLabel('Your words').fill('After the GI bleed.');
    await screenshot(provider, 'coding-query-answer');
    await provider.getByRole('button', { name: 'Answer', exact: true }).click();
    await eventually(() => provider.getByText('Answered: the addendum is on the encounter').isVisible()).toBe(
      true,
    );
    await provider.close();
    await coder.reload();
    await choose(coder, 'State', 'answered');
    await eventually(() => coder.getByRole('link', { name: /^addendum \(document \d+\)$/ }).isVisible()).toBe(
      true,
    );

    // Back with its coder: the addendum is in the chart's notes, cited by the codes sent.
    await coder.goto(`${server.url}/coding/charts/${chartId}`);
    const notesPane = coder.getByTestId('chart-notes');
    await eventually(() => notesPane.textContent()).toContain('Acute blood loss anemia');
    expect(await notesPane.textContent()).toContain('After the GI bleed.');
    for (const code of ['E11.9', 'D62']) {
      await coder.keyboard.press('d');
      await coder.keyboard.type(code);
      await coder.keyboard.press('Enter');
      await coder.keyboard.press('Escape');
    }
    await coder.keyboard.press('p');
    await coder.keyboard.type('99214');
    await coder.keyboard.press('Enter');
    await coder.keyboard.press('Escape');
    await eventually(() => coder.getByTestId('diagnoses').textContent()).toContain('D62');
    await coder.keyboard.press('b');
    await eventually(() => coder.url()).toContain('/coding/queue');
    const encounter = (await coderApi.get(`/api/encounters/${encounterId}`)) as {
      status: string;
      diagnoses: string[];
    };
    expect(encounter.status).toBe('ready');
    expect(encounter.diagnoses).toEqual(expect.arrayContaining(['E11.9', 'D62']));

    // The encounters list finds it under "ready".
    await admin.goto(`${server.url}/encounters`);
    await choose(admin, 'Status', 'ready');
    await eventually(() => admin.getByRole('table').first().textContent()).toContain('Nakamura');
  });

  it('an auditor re-codes the chart blind with the code picker; the score shows; the coder disputes it', async () => {
    const auditor = await openPage(browser, pageErrors);
    await logIn(auditor, server.url, AUDITOR);
    await auditor.goto(`${server.url}/coding/audits`);
    await auditor.getByLabel('Audit name').fill('December sample');
    await auditor.getByLabel('Percent').fill('100');
    await auditor.getByRole('button', { name: 'Draw sample' }).click();
    await eventually(() => auditor.getByText('Sampled 1 of 1 charts').isVisible()).toBe(true);
    const audit = auditor.locator('tr', { hasText: 'December sample' });
    await audit.getByRole('button', { name: /expand/i }).click();
    const sampled = auditor.locator('tr', { hasText: 'awaiting re-code' });
    await sampled.getByRole('button', { name: /expand/i }).click();

    const recode = auditor.getByRole('form', { name: `Re-code of encounter ${encounterId}` });
    await recode
      .getByLabel('Diagnosis 1', { exact: true })
      .pressSequentially('type 2 diabetes mellitus without');
    const suggestions = auditor.getByTestId('code-suggestions');
    await eventually(() => suggestions.locator('[data-code="E11.9"]').isVisible()).toBe(true);
    await suggestions.locator('[data-code="E11.9"]').click();
    expect(await recode.getByLabel('Diagnosis 1', { exact: true }).inputValue()).toBe('E11.9');
    await recode.getByRole('button', { name: 'Add diagnosis' }).click();
    await recode.getByLabel('Diagnosis 2', { exact: true }).fill('D62');
    await recode.getByLabel('Line 1 procedure code').fill('99213');
    await screenshotOf(recode, 'coding-audit-recode');
    await recode.getByRole('button', { name: 'Save re-code' }).click();
    await eventually(() => auditor.getByText('Re-code scored').isVisible()).toBe(true);
    // 99214 coded, 99213 re-coded: an E/M level error; the row's score is under the 95% bar.
    const scored = auditor.locator('tr', { hasText: 'em-visit' }).filter({ hasText: '%' }).first();
    await eventually(() => scored.textContent()).toMatch(/\d+\.\d%/);
    expect(await scored.locator('.ant-tag-red').count()).toBe(1);
    expect(await scored.textContent()).toContain(CODER.name);
    await eventually(() => auditor.locator('tr', { hasText: '99213' }).first().textContent()).toContain(
      '99214',
    );
    await screenshotOf(auditor.locator('.ant-table-expanded-row').first(), 'coding-audit-score');

    await coder.goto(`${server.url}/coding/audits`);
    await coder
      .locator('tr', { hasText: 'December sample' })
      .getByRole('button', { name: /expand/i })
      .click();
    await coder.getByLabel('Dispute reason').fill('Total time 32 minutes supports 99214.');
    await coder.getByRole('button', { name: 'Dispute' }).click();
    await eventually(() => coder.getByText('dispute open').isVisible()).toBe(true);

    await auditor.reload();
    await auditor
      .locator('tr', { hasText: 'December sample' })
      .getByRole('button', { name: /expand/i })
      .click();
    await eventually(() => auditor.getByText('Disputed: Total time 32 minutes').isVisible()).toBe(true);
    await auditor.getByRole('button', { name: 'Overturn' }).click();
    await eventually(() => auditor.getByText('dispute overturned').isVisible()).toBe(true);
    await auditor.close();
  });

  it('the manager reads productivity and its CSV, and makes a queued chart urgent', async () => {
    await admin.goto(`${server.url}/coding/productivity`);
    const table = admin.getByTestId('productivity-table');
    await eventually(() => table.textContent()).toContain(CODER.name);
    expect(await table.textContent()).toContain('em-visit');
    // The admin who imported the chart and the physician who answered coded nothing.
    expect(await table.textContent()).not.toMatch(new RegExp(`${ADMIN.name}|${PROVIDER.name}`));
    await screenshot(admin, 'coding-productivity');
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('link', { name: /CSV/ }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\n')[0]).toMatch(/chart/i);
    expect(csv).toContain(CODER.name);

    await admin.goto(`${server.url}/coding/queue`);
    const priority = admin.getByRole('combobox', { name: /^Priority of / });
    await eventually(() => priority.count()).toBe(1);
    const label = (await priority.getAttribute('aria-label'))!;
    await choose(admin, label, '1 urgent');
    await eventually(() => admin.getByText(/^Priority 1 for /).isVisible()).toBe(true);
    const queue = (await coderApi.get('/api/coding/queue')) as { items: { priority: number }[] };
    expect(queue.items.map((i) => i.priority)).toEqual([1]);
    expect(pageErrors).toEqual([]);
  });
});
