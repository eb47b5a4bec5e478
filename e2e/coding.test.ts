import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/audit/index.ts';
import { addNote } from '../src/charts/index.ts';
import { enqueueChart } from '../src/coding/index.ts';
import { apiAs } from './support/api.ts';
import { hasChromium, launchBrowser, logIn, openPage, screenshot } from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { ADMIN, CODER, startServer, type TestServer } from './support/server.ts';

const shared = fileURLToPath(new URL('../../shared/codesets/', import.meta.url));
const fixtures = fileURLToPath(new URL('../src/codesets/fixtures/', import.meta.url));

/** ICD-10-CM FY2026: CMS's order file, with the tabular fixture (Excludes1 of E11, the S52 7th characters). */
function writeCodeSets(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cleanclaim-e2e-coding-'));
  const copies: [string, string][] = [
    [`${shared}icd10cm/2026/icd10cm_order_2026.txt.gz`, 'icd10cm/2026/icd10cm_order_2026.txt.gz'],
    [`${fixtures}tabular/pass/diabetes-asthma-injury-poisoning.xml`, 'icd10cm/2026/icd10cm_tabular_2026.xml'],
  ];
  for (const [from, to] of copies) {
    mkdirSync(join(dir, to, '..'), { recursive: true });
    copyFileSync(from, join(dir, to));
  }
  return dir;
}

const NOTE = `Chief complaint: follow-up of diabetes.
HPI: 58-year-old with type 2 diabetes, no chest pain.
Assessment: Type 2 diabetes mellitus without complications. Hypertension.
Plan: continue metformin; recheck A1c in three months.`;

// A coder takes the next chart from the queue and codes it without the mouse; the live checks
// flag an Excludes1 pair and a code missing its 7th character; the chart goes to billing.
describe.skipIf(!hasChromium)('coding workspace (needs /usr/bin/chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let dir = '';
  let encounterId = 0;
  const pageErrors: string[] = [];
  const checks = () => page.getByTestId('live-checks');
  const key = (k: string) => page.keyboard.press(k);
  const typeDiagnosis = async (code: string) => {
    await key('d');
    await page.keyboard.type(code);
    await key('Enter');
    await key('Escape');
  };

  beforeAll(async () => {
    dir = writeCodeSets();
    server = await startServer({ codesetsDir: dir });
    const admin = await apiAs(server.url, ADMIN);
    const patients = (await admin.get(`/api/patients?practiceId=${server.practiceId}`)) as {
      items: { id: number }[];
    };
    const providers = (await admin.get(`/api/providers?practiceId=${server.practiceId}`)) as {
      items: { id: number }[];
    };
    const made = await admin.send('POST', '/api/encounters', {
      practiceId: server.practiceId,
      patientId: patients.items[0]!.id,
      renderingProviderId: providers.items[0]!.id,
      serviceDateFrom: '2026-03-02',
      placeOfService: '11',
      diagnoses: ['I10'],
      serviceLines: [{ procedureCode: '99213', units: 1, chargeCents: 12000, diagnosisPointers: [1] }],
    });
    expect(made.status).toBe(201);
    encounterId = (made.body as { id: number }).id;
    const db = server.database.db;
    await addNote(
      db,
      server.practiceId,
      encounterId,
      { title: 'Office visit', kind: 'progress-note', text: NOTE },
      SYSTEM_ACTOR,
    );
    await enqueueChart(db, server.practiceId, encounterId, 'em-visit', SYSTEM_ACTOR, 1);
    browser = await launchBrowser();
    page = await openPage(browser, pageErrors);
    await logIn(page, server.url, CODER);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('takes the next chart with N and sees the note in its sections', async () => {
    await page.goto(`${server.url}/coding/queue`);
    await eventually(() => page.getByTestId('coding-queue').textContent()).toContain('em-visit');
    await key('n');
    await eventually(() => page.getByTestId('chart-notes').textContent()).toContain('Assessment');
    expect(await page.getByTestId('diagnoses').textContent()).toContain('I10');
  });

  it('flags an Excludes1 pair and a missing 7th character as the coder types', async () => {
    await typeDiagnosis('E11.9');
    await typeDiagnosis('E10.9');
    await eventually(() => checks().textContent()).toMatch(/Excludes1/i);
    await typeDiagnosis('S52.521');
    await eventually(() => checks().textContent()).toContain('needs a 7th character');
    await screenshot(page, 'coding-workspace');
    await typeDiagnosis('-E10.9');
    await typeDiagnosis('-S52.521');
    await eventually(() => checks().textContent()).not.toMatch(/Excludes1|7th character/);
  });

  it('saves with S and sends to billing with B: the chart leaves the queue, the visit is ready', async () => {
    await key('s');
    await eventually(() => page.getByText('Codes saved').isVisible()).toBe(true);
    await key('b');
    await eventually(() => page.url()).toContain('/coding/queue');
    const coder = await apiAs(server.url, CODER);
    const encounter = (await coder.get(`/api/encounters/${encounterId}`)) as {
      status: string;
      diagnoses: string[];
    };
    expect(encounter).toMatchObject({ status: 'ready', diagnoses: ['I10', 'E11.9'] });
    const queue = (await coder.get('/api/coding/queue')) as { total: number };
    expect(queue.total).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
