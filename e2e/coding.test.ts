import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/audit/index.ts';
import { addNote } from '../src/charts/index.ts';
import { writeOrderSubsets } from '../src/codesets/testing.ts';
import { enqueueChart } from '../src/coding/index.ts';
import { apiAs } from './support/api.ts';
import { hasChromium, launchBrowser, logIn, openPage, screenshot, screenshotOf } from './support/browser.ts';
import { codesStartingWith } from './support/codesets.ts';
import { eventually } from './support/eventually.ts';
import { ADMIN, CODER, startServer, type TestServer } from './support/server.ts';

const fixtures = fileURLToPath(new URL('../src/codesets/fixtures/', import.meta.url));

const ICD10CM_2026 = 'icd10cm/2026/icd10cm_order_2026.txt';

/**
 * ICD-10-CM FY2026: the CMS order-file lines of the code families the test types (diabetes E08–E13,
 * hypertension I10–I16, knee arthrosis M17, radius fractures S52.5 with their 7th characters), with
 * the tabular fixture (Excludes1 of E11, the S52 7th characters); ICD-10-PCS FY2026: the order-file
 * lines of the inpatient chart's procedures. The whole order file took tens of seconds to import.
 */
function writeCodeSets(): string {
  const dir = writeOrderSubsets({
    [ICD10CM_2026]: codesStartingWith(ICD10CM_2026, [
      'E08',
      'E09',
      'E10',
      'E11',
      'E12',
      'E13',
      'I1',
      'M17',
      'S525',
    ]),
    'icd10pcs/2026/icd10pcs_order_2026.txt': ['0SRC0J9', '3E033VJ'],
  });
  const copies: [string, string][] = [
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
  let stayId = 0;
  let stayChart = 0;
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
    // A two-day knee replacement stay billed by the hospital (revenue-code lines), to code with PCS.
    const stay = await admin.send('POST', '/api/encounters', {
      practiceId: server.practiceId,
      patientId: patients.items[0]!.id,
      renderingProviderId: providers.items[0]!.id,
      serviceDateFrom: '2026-09-14',
      serviceDateTo: '2026-09-16',
      placeOfService: '21',
      diagnoses: ['M17.11'],
      institutional: { billType: '111', patientStatus: '01', admissionDate: '2026-09-14' },
      serviceLines: [{ revenueCode: '0120', units: 2, chargeCents: 300000, diagnosisPointers: [] }],
    });
    expect(stay.status).toBe(201);
    stayId = (stay.body as { id: number }).id;
    stayChart = (await enqueueChart(db, server.practiceId, stayId, 'inpatient', SYSTEM_ACTOR, 3)).chart.id;
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
    // Only the inpatient stay is left on the queue.
    const queue = (await coder.get('/api/coding/queue?state=queued')) as { total: number };
    expect(queue.total).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it('codes an inpatient stay with ICD-10-PCS from the keyboard: I adds a procedure, the checks judge it', async () => {
    await page.goto(`${server.url}/coding/charts/${stayChart}`);
    await eventually(() => page.getByTestId('inpatient-stay').textContent()).toContain('M17.11');
    await key('i');
    await page.keyboard.type('0SRC0JX');
    await key('Enter');
    await eventually(() => checks().textContent()).toContain(
      '0SRC0JX is not in the ICD-10-PCS FY2026 order file',
    );
    await page.getByTestId('pcs-procedures').getByRole('button', { name: 'remove' }).click();
    await key('i');
    await page.keyboard.type('0SRC0J9');
    await key('Enter');
    await page.keyboard.type('3E033VJ 2026-09-15');
    await key('Enter');
    await key('Escape');
    await eventually(() => checks().textContent()).not.toContain('INST-PROCEDURE');
    expect(await page.getByTestId('pcs-procedures').textContent()).toMatch(/0SRC0J9principal.*3E033VJ/);
    // The stay's look-up searches ICD-10-PCS in the release of the discharge date.
    await page.getByTestId('inpatient-stay').getByLabel('Search codes').fill('replacement right knee');
    await eventually(() =>
      page.getByTestId('inpatient-stay').getByTestId('code-results').textContent(),
    ).toContain('0SRC0J9');
    await screenshotOf(page.getByTestId('inpatient-stay'), 'coding-inpatient-stay');
    await key('Escape');
    await key('s');
    await eventually(async () => {
      const coder = await apiAs(server.url, CODER);
      return ((await coder.get(`/api/encounters/${stayId}`)) as { institutional: { procedures: unknown } })
        .institutional.procedures;
    }).toEqual([
      { code: '0SRC0J9', date: '2026-09-14' },
      { code: '3E033VJ', date: '2026-09-15' },
    ]);
    expect(pageErrors).toEqual([]);
  });
});
