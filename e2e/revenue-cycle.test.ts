import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, claimFor } from './support/api.ts';
import { hasChromium, launchBrowser, logIn, openPage, screenshot } from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { connectSandbox, type Sandbox } from './support/sandbox.ts';
import { ADMIN, BILLER, startServer, type TestServer } from './support/server.ts';

// Issue 13: a biller's day through the UI. The biller makes a claim from a visit and batches the
// ready claims on Submissions; the payer sandbox answers over a folder connection (the test runs
// its rounds and the server's poll, as the sandbox process and the clearinghouse.poll schedule
// would); the biller sees the 999 and the 277CA, fixes the claim rejected for an unknown member ID
// and resubmits it, sees the ERA posted and the denial of the member whose coverage the payer says
// has ended, and runs the patient statements.
const UNKNOWN_MEMBER = 'W000000000'; // the default scenario's unknown members
const TERMINATED_MEMBER = 'TERMINATED1'; // the default scenario: coverage ended 2026-01-31 (CO-27)

describe.skipIf(!hasChromium)('the revenue cycle in the browser (needs /usr/bin/chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let sandbox: Sandbox;
  const pageErrors: string[] = [];
  const ready: { id: number; patientId: number; coverageId: number }[] = [];
  let rejected: { id: number; patientId: number; coverageId: number; memberId: string };
  let terminated: { id: number };
  let uiEncounter: number;

  // What the server's clearinghouse.poll job does for the connection, and a round of the sandbox.
  const poll = () => sandbox.poll();
  const sandboxRound = () => sandbox.round();

  beforeAll(async () => {
    server = await startServer({ demo: { patients: 8, encounters: 8 } });
    // Set up before the biller's day: the clearinghouse settings and connection, and claims made
    // ready (the other browser tests make claims ready through the UI).
    const admin = await apiAs(server.url, ADMIN);
    sandbox = await connectSandbox(server, admin, 13);
    const biller = await apiAs(server.url, BILLER);
    const { rows } = await server.database.sql.executeSql(
      `select distinct e.id, e.patient_id from encounter e
         join coverage c on c.patient_id = e.patient_id and c.priority = 'primary'
          and c.effective_date <= e.service_date_from
          and (c.termination_date is null or c.termination_date >= e.service_date_from)
        where e.practice_id = $1 and e.institutional is null order by e.id`,
      [server.practiceId],
    );
    // The last visit's claim is made by the biller in the browser.
    const held = rows.pop()!;
    uiEncounter = Number(held.id);
    for (const r of rows) {
      const claim = await claimFor(biller, Number(r.id));
      if (claim.state === 'ready') ready.push(claim);
    }
    // Two patients' member IDs as the payer does not know them: one mistyped, one whose plan ended.
    // (the one to fix has one claim, so one claim goes out again)
    const claimsOf = (p: number) => ready.filter((c) => c.patientId === p);
    const patients = [...new Set(ready.map((c) => c.patientId))]
      .filter((p) => p !== Number(held.patient_id))
      .sort((x, y) => claimsOf(x).length - claimsOf(y).length);
    expect(patients.length).toBeGreaterThanOrEqual(3);
    expect(claimsOf(patients[0]!)).toHaveLength(1);
    const [a, b] = patients.map((p) => claimsOf(p)[0]!);
    const coverage = (await admin.get(`/api/coverages/${a!.coverageId}`)) as { memberId: string };
    rejected = { ...a!, memberId: coverage.memberId };
    terminated = b!;
    for (const [c, memberId] of [
      [a!, UNKNOWN_MEMBER],
      [b!, TERMINATED_MEMBER],
    ] as const)
      expect((await admin.send('PATCH', `/api/coverages/${c.coverageId}`, { memberId })).status).toBe(200);
    browser = await launchBrowser();
    page = await openPage(browser, pageErrors);
    await logIn(page, server.url, BILLER);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    sandbox?.remove();
  });

  const batchRows = () => page.getByTestId('batches-table').locator('tbody tr.ant-table-row');
  // The batch job queues the upload over the practice's connection at once; wait until it is sent.
  const latestBatchState = async () =>
    String(
      (
        await server.database.sql.executeSql(
          `select state from submission_batch where practice_id = $1 order by id desc limit 1`,
          [server.practiceId],
        )
      ).rows[0]?.state,
    );

  // No code sets are loaded here: the scrubber's warning is overridden (an override made before a
  // rejection still stands when the claim is scrubbed again).
  const overrideCodesNotLoaded = async () => {
    const override = page.getByTestId('finding-CODES-NOT-LOADED').getByRole('button', { name: 'Override' });
    const state = () => page.getByTestId('claim-state').textContent();
    await eventually(async () => (await state()) === 'ready' || (await override.count()) > 0).toBe(true);
    if ((await state()) === 'ready') return;
    await override.click();
    const dialog = page.getByRole('dialog', { name: 'Override CODES-NOT-LOADED' });
    await dialog.getByLabel('Reason').fill('Codes checked by hand against the 2026 book');
    await dialog.getByRole('button', { name: 'Override' }).click();
    await eventually(state).toBe('ready');
  };

  it("makes the last visit's claim, batches the ready claims; the sandbox answers with a 999 and a 277CA", async () => {
    await page.goto(`${server.url}/encounters/${uiEncounter}`);
    await page.getByRole('button', { name: 'Create claim' }).click();
    await page.waitForURL(/\/claims\/\d+$/);
    await overrideCodesNotLoaded();

    await page.getByRole('menuitem', { name: 'Submissions' }).click();
    await page.getByTestId('submit-ready').click();
    await eventually(() => batchRows().count()).toBe(1);
    await eventually(latestBatchState).toBe('sent');
    expect((await sandboxRound()).received).toHaveLength(1);
    const applied = await poll();
    expect(applied.processed.map((p) => p.state)).toEqual(['processed', 'processed']);

    await page.reload();
    await batchRows().first().locator('.ant-table-row-expand-icon').click();
    const acks = page.getByTestId(/^batch-acks-/);
    await eventually(() => acks.getByText('999').count()).toBeGreaterThan(0);
    await eventually(() => acks.getByText('277CA').count()).toBeGreaterThan(0);
    const rejectedList = page.getByTestId('rejected-claims');
    await eventually(() => rejectedList.textContent()).toContain('subscriber id not found');
    await screenshot(page, 'revenue-cycle-acknowledgments');
  });

  it('fixes the member ID on the coverage, scrubs the claim again and resubmits it', async () => {
    await page.getByTestId('rejected-claims').getByRole('link', { name: 'Fix and resubmit' }).first().click();
    await page.waitForURL(new RegExp(`/claims/${rejected.id}$`));
    await eventually(() => page.getByTestId('claim-state').textContent()).toBe('rejected');
    await eventually(() => page.getByTestId('claim-acknowledgments').textContent()).toContain(
      'subscriber id not found',
    );

    await page.goto(`${server.url}/patients/${rejected.patientId}`);
    await page.getByTestId('coverages-table').getByText(UNKNOWN_MEMBER).click();
    const form = page.getByRole('form', { name: 'Edit coverage' });
    await form.getByLabel('Member ID', { exact: true }).fill(rejected.memberId);
    await page.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'hidden' });
    await eventually(() => page.getByTestId('coverages-table').getByText(rejected.memberId).count()).toBe(1);

    await page.goto(`${server.url}/claims/${rejected.id}`);
    await page.getByRole('button', { name: 'Scrub again' }).click();
    await overrideCodesNotLoaded();

    await page.getByRole('menuitem', { name: 'Submissions' }).click();
    await page.getByTestId('submit-ready').click();
    await eventually(() => batchRows().count()).toBe(2);
  });

  it('sees the ERA posted: the claims paid, and a denial for the ended coverage', async () => {
    await eventually(latestBatchState).toBe('sent');
    // The second batch's 999/277CA and the first batch's 835; then the resubmitted claim's 835.
    await sandboxRound();
    await poll();
    await sandboxRound();
    const last = await poll();
    expect(last.processed.every((p) => p.state === 'processed')).toBe(true);

    await page.getByRole('menuitem', { name: 'Payments' }).click();
    await page.getByRole('heading', { name: 'ERA inbox' }).waitFor();
    const eras = page.locator('tbody tr.ant-table-row');
    await eventually(() => eras.count()).toBeGreaterThan(0);
    expect(await eras.first().textContent()).toContain('posted');

    await page.goto(`${server.url}/claims/${rejected.id}`);
    await eventually(() => page.getByTestId('claim-state').textContent()).toMatch(/paid/);
    await page.goto(`${server.url}/claims/${terminated.id}`);
    await eventually(() => page.getByTestId('claim-state').textContent()).toBe('denied');

    await page.getByRole('menuitem', { name: /Denials$/ }).click();
    await eventually(() => page.getByText('CO-27').count()).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });

  it('bills the patients what they now owe', async () => {
    await page.getByRole('menuitem', { name: 'Statements' }).click();
    await page.getByTestId('statements-preview').click();
    await eventually(() => page.getByText(/patient\(s\) would get a statement/).textContent()).toMatch(
      /^[1-9]\d* patient/,
    );
    await page.getByTestId('statements-run').click();
    await page.getByRole('button', { name: 'OK' }).click();
    await eventually(() => page.getByTestId('statement-runs').locator('tbody tr.ant-table-row').count()).toBe(
      1,
    );
    expect(pageErrors).toEqual([]);
  });
});
