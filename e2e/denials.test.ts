import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../src/sandbox/process.ts';
import { adjudicateDue, emptyState, receive837, type SandboxContext } from '../src/sandbox/respond.ts';
import { addDays, todayIso } from '../src/shared/dates.ts';
import { apiAs, claimFor, type Api } from './support/api.ts';
import { choose, hasChromium, launchBrowser, logIn, openPage, screenshot } from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { addSubmitterSettings } from './support/sandbox.ts';
import { ADMIN, BILLER, startServer, type TestServer } from './support/server.ts';

interface Denial {
  id: number;
  claimId: number;
  patientControlNumber: string;
  category: string;
  reasonCode: string;
  state: string;
  resolution: string | null;
}

// Issue 15: a biller opens the denial queue, works a timely-filing denial (an appeal letter, sent
// and won) and a bundling denial (a corrected claim), and both leave the queue with their work
// items. The denials are the demo's own: its claims batched, answered by the payer sandbox's
// default scenario (sent, then the same file again three weeks later, as in
// src/denials/demo-denials.db.test.ts) and the 835s uploaded.
describe.skipIf(!hasChromium)('denial queue in the browser', () => {
  let server: TestServer;
  let biller: Api;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  let timelyFiling: Denial;
  let bundling: Denial;

  const denials = async (query: string) =>
    (
      (await biller.get(`/api/denials?practiceId=${server.practiceId}&limit=500&${query}`)) as {
        items: Denial[];
      }
    ).items;

  beforeAll(async () => {
    server = await startServer({ demo: { patients: 60, encounters: 120 } });
    const admin = await apiAs(server.url, ADMIN);
    biller = await apiAs(server.url, BILLER);
    await addSubmitterSettings(server, admin);
    const sql = (text: string, params: unknown[] = []) => server.database.sql.executeSql(text, params);
    const { rows } = await sql(
      `select e.id from encounter e join coverage c on c.patient_id = e.patient_id and c.priority = 'primary'
        where e.practice_id = $1 and e.institutional is null order by e.id`,
      [server.practiceId],
    );
    const ready: number[] = [];
    for (const r of rows) {
      const claim = await claimFor(biller, Number(r.id));
      if (claim.state === 'ready') ready.push(claim.id);
    }
    const batch = await biller.send('POST', '/api/batches', {
      practiceId: server.practiceId,
      claimIds: ready,
    });
    expect(batch.status, JSON.stringify(batch.body)).toBe(201);
    const batchId = (batch.body as { batchId: number }).batchId;
    expect((await biller.send('POST', `/api/batches/${batchId}/sent`, {})).status).toBe(200);
    const [sent] = (await sql(`select x12 from submission_batch where id = $1`, [batchId])).rows;
    // The payer sandbox answers the file, and the same file sent again three weeks later: late
    // claims come back past the payer's filing limit (CO-29), same-day lab draws bundled (CO-97/234).
    const ctx: Omit<SandboxContext, 'now'> = { scenario: await loadScenario(), seed: 7 };
    let state = emptyState();
    const eras: string[] = [];
    for (const day of [todayIso(), addDays(todayIso(), 21)]) {
      state = (await receive837(String(sent!.x12), state, { ...ctx, now: `${day}T09:00:00Z` })).state;
      const answered = await adjudicateDue(state, { ...ctx, now: `${day}T23:00:00Z` });
      state = answered.state;
      eras.push(...answered.files.filter((f) => f.kind === '835').map((f) => f.text));
    }
    for (const [i, content] of eras.entries()) {
      const res = await biller.send('POST', '/api/eras', {
        practiceId: server.practiceId,
        fileName: `sandbox-${i}.835`,
        content,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    // The demo yields both kinds of denial the biller works below.
    const late = await denials('state=open&category=timely-filing');
    const bundled = await denials('state=open&category=bundling');
    // Two claims: a claim under appeal cannot also be replaced by a corrected claim (409).
    const pair = late
      .flatMap((t) => bundled.filter((b) => b.claimId !== t.claimId).map((b) => [t, b] as const))
      .at(0);
    expect(pair, 'a timely-filing and a bundling denial on different claims').toBeDefined();
    [timelyFiling, bundling] = pair!;
    browser = await launchBrowser();
    page = await openPage(browser, pageErrors);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const row = (pcn: string) => page.locator('tr.ant-table-row', { hasText: pcn });
  const openItems = async (denialId: number) =>
    Number(
      (
        await server.database.sql.executeSql(
          `select count(*)::int as n from follow_up where denial_id = $1 and state = 'open'`,
          [denialId],
        )
      ).rows[0]!.n,
    );
  /** The queue, open denials of one category (the biller's filter). */
  async function showCategory(category: string) {
    await page.goto(`${server.url}/denials`);
    await page.getByRole('heading', { name: 'Denials' }).waitFor();
    await choose(page, 'Category', category);
    await page.waitForLoadState('networkidle');
  }
  /** The denial is resolved, its work item closed, and the queue shows only the claim's other open denials. */
  async function leftTheQueue(d: Denial, resolution: string) {
    const after = await denials(`claimId=${d.claimId}`);
    expect(after.find((x) => x.id === d.id)).toMatchObject({ state: 'resolved', resolution });
    expect(await openItems(d.id)).toBe(0);
    await showCategory(d.category);
    const stillOpen = after.filter((x) => x.state === 'open' && x.category === d.category).length;
    await eventually(() => row(d.patientControlNumber).count()).toBe(stillOpen);
  }

  it('opens the denial queue with the timely-filing and bundling denials and what to do', async () => {
    await logIn(page, server.url, BILLER);
    await page.getByRole('menuitem', { name: /Denials$/ }).click();
    await page.getByRole('heading', { name: 'Denials' }).waitFor();
    await screenshot(page, 'denial-queue');
    for (const d of [timelyFiling, bundling]) {
      expect(await openItems(d.id), `the work item of denial ${d.id}`).toBe(1);
      await showCategory(d.category);
      await expect.poll(() => row(d.patientControlNumber).first().textContent()).toContain(d.category);
    }
  });

  it('works the timely-filing denial: writes the appeal, sends it, records it won; it leaves the queue', async () => {
    await showCategory('timely-filing');
    // A slow connection: the appeals read as the drawer opens (no appeal yet) arrives only after the
    // letter is written and saved; arriving late, it must not undo them.
    let saved = () => {};
    const afterSave = new Promise<void>((resolve) => (saved = resolve));
    await page.route(/\/api\/appeals\?/, async (route) => {
      const response = await route.fetch(); // read now, before there is an appeal
      await afterSave;
      await route.fulfill({ response });
    });
    await row(timelyFiling.patientControlNumber)
      .first()
      .getByRole('button', { name: 'Appeal', exact: true })
      .click();
    await page.getByRole('button', { name: 'Write the letter' }).click();
    const letter = page.getByRole('textbox', { name: 'Letter' });
    await expect.poll(() => letter.inputValue()).toMatch(/\S/);
    await letter.fill(
      `${await letter.inputValue()}\n\nThe claim was first sent within the filing limit: the clearinghouse acceptance is enclosed.`,
    );
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Appeal saved').waitFor();
    saved();
    await page.waitForLoadState('networkidle');
    await page.unroute(/\/api\/appeals\?/);
    await expect.poll(() => letter.inputValue()).toContain('the clearinghouse acceptance is enclosed');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'OK' }).click();
    await page.getByRole('button', { name: 'Record outcome' }).click();
    await eventually(
      async () =>
        (await denials(`claimId=${timelyFiling.claimId}`)).find((d) => d.id === timelyFiling.id)?.state,
    ).toBe('resolved');
    await leftTheQueue(timelyFiling, 'appealed');
  });

  it('works the bundling denial with a corrected claim; it leaves the queue', async () => {
    await showCategory('bundling');
    await row(bundling.patientControlNumber).first().locator('.ant-dropdown-trigger').click();
    await page.getByRole('menuitem', { name: 'Corrected claim / void…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Corrected claim or void' });
    await dialog.getByLabel('Why').fill('The venipuncture was a separate encounter: modifier 59 added');
    await dialog.getByRole('button', { name: 'Make the claim' }).click();
    await page.waitForURL(/\/claims\/\d+$/);
    await leftTheQueue(bundling, 'corrected');
    expect(pageErrors).toEqual([]);
  });
});
