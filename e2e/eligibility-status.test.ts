import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSecretKey } from '../src/clearinghouse/secrets.ts';
import { todayIso } from '../src/shared/dates.ts';
import { serveRealtime, type RealtimeListener } from '../src/sandbox/realtime.ts';
import { loadScenario } from '../src/sandbox/process.ts';
import { apiAs, claimFor } from './support/api.ts';
import {
  choose,
  hasChromium,
  launchBrowser,
  logIn,
  logOut,
  openPage,
  screenshot,
  screenshotOf,
} from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { connectSandbox, type Sandbox } from './support/sandbox.ts';
import { ADMIN, BILLER, startServer, type TestServer } from './support/server.ts';

// Issue 14 through the UI: the front desk checks a patient's eligibility and reads the benefits
// (copay, deductible left), sees the warning for a member whose plan has ended; the biller runs
// claim status and finds the claim the payer has no record of on the follow-up queue. The payer
// sandbox answers over a folder connection; the test runs its rounds and the server's poll, as the
// sandbox process and the clearinghouse.poll schedule would.
const TERMINATED_MEMBER = 'TERMINATED1'; // the default scenario: coverage ended 2026-01-31
const UNKNOWN_MEMBER = 'W000000000'; // the default scenario's unknown members: AAA 75
const SANDBOX_CASES = /^(TERMINATED|COBPRIMARY|HIGHDEDUCT|OOPMET)/; // the sandbox's member file

describe.skipIf(!hasChromium)('eligibility and claim status in the browser (needs /usr/bin/chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let sandbox: Sandbox;
  const pageErrors: string[] = [];
  let active: { patientId: number; coverageId: number };
  let ended: { patientId: number };
  let visit: { id: number; day: string };
  let unknown: { patientId: number; coverageId: number };
  let realtime: RealtimeListener | undefined;
  // The real-time connection's token is sealed with the server's key.
  const previousKey = process.env.CLEANCLAIM_SECRET_KEY;

  const uploaded = () =>
    readdirSync(sandbox.folders.outDir, { withFileTypes: true })
      .filter((f) => f.isFile())
      .map((f) => f.name);
  // The upload job sends a written batch at once, the poll any still waiting; the sandbox answers
  // what is in its mailbox; the next poll reads the answers in.
  const answerWhatWasSent = async () => {
    await sandbox.poll();
    expect(uploaded().length).toBeGreaterThan(0);
    expect((await sandbox.round()).received.length).toBeGreaterThan(0);
    await sandbox.poll();
  };

  beforeAll(async () => {
    process.env.CLEANCLAIM_SECRET_KEY = newSecretKey();
    server = await startServer({ demo: { patients: 8, encounters: 8 } });
    const admin = await apiAs(server.url, ADMIN);
    sandbox = await connectSandbox(server, admin, 14);
    // A recent professional visit under a plain plan (within the payer's filing limit): its patient
    // is the active one, asked about for that visit's date (the estimate prices its lines).
    const visits = await server.database.sql.executeSql(
      `select e.id, e.patient_id, e.service_date_from::text as day, c.id as coverage_id from encounter e
         join coverage c on c.patient_id = e.patient_id and c.priority = 'primary'
          and c.effective_date <= e.service_date_from
          and (c.termination_date is null or c.termination_date >= current_date)
        where e.practice_id = $1 and e.institutional is null
          and c.member_id !~ '^(TERMINATED|COBPRIMARY|HIGHDEDUCT|OOPMET)'
          and e.service_date_from >= current_date - 60
        order by e.service_date_from desc limit 1`,
      [server.practiceId],
    );
    expect(visits.rows).toHaveLength(1);
    const v = visits.rows[0]!;
    visit = { id: Number(v.id), day: String(v.day) };
    active = { patientId: Number(v.patient_id), coverageId: Number(v.coverage_id) };
    // Two other patients: the demo's member whose plan ended (TERMINATED1; made so from a plain plan
    // when the demo has none), and one whose member ID the payer will not know.
    const { rows } = await server.database.sql.executeSql(
      `select patient_id, id, member_id from coverage where practice_id = $1 and priority = 'primary'
          and patient_id <> $2 and effective_date <= current_date
          and (termination_date is null or termination_date >= current_date)
        order by patient_id`,
      [server.practiceId, active.patientId],
    );
    const plain = rows.filter((r) => !SANDBOX_CASES.test(String(r.member_id)));
    const terminated = rows.find((r) => r.member_id === TERMINATED_MEMBER);
    const toEnd = terminated ?? plain[0]!;
    ended = { patientId: Number(toEnd.patient_id) };
    if (!terminated) {
      const patched = await admin.send('PATCH', `/api/coverages/${Number(toEnd.id)}`, {
        memberId: TERMINATED_MEMBER,
      });
      expect(patched.status).toBe(200);
    }
    const other = plain.find((r) => r.patient_id !== toEnd.patient_id)!;
    unknown = { patientId: Number(other.patient_id), coverageId: Number(other.id) };
    browser = await launchBrowser();
    page = await openPage(browser, pageErrors);
    await logIn(page, server.url, BILLER);
  });
  afterAll(async () => {
    await browser?.close();
    await realtime?.close();
    await server?.stop();
    sandbox?.remove();
    if (previousKey === undefined) delete process.env.CLEANCLAIM_SECRET_KEY;
    else process.env.CLEANCLAIM_SECRET_KEY = previousKey;
  });

  const checkEligibility = async (patientId: number, dateOfService?: string) => {
    await page.goto(`${server.url}/patients/${patientId}`);
    const card = page.getByTestId('benefits-card');
    await card.getByRole('button', { name: 'Check eligibility' }).click();
    const dialog = page.getByRole('dialog', { name: 'Check eligibility' });
    // The date of service is today unless changed; 30 (health benefit plan coverage) is asked.
    const dos = dialog.getByLabel('Date of service');
    expect(await dos.inputValue()).toBe(todayIso());
    if (dateOfService) await dos.fill(dateOfService);
    await dialog.getByRole('button', { name: 'Check' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // Real-time connections answer at once; over the folder connection the 271 comes back later.
    const summary = card.getByTestId('benefits-summary');
    await summary.waitFor();
    if ((await summary.getByText(/Waiting for the payer's answer/).count()) > 0) await answerWhatWasSent();
    await eventually(() => summary.getByText(/Waiting for the payer's answer/).count()).toBe(0);
    return card;
  };

  it("checks an active patient's eligibility: active, the visit's copay and the deductible left", async () => {
    const card = await checkEligibility(active.patientId, visit.day);
    const summary = card.getByTestId('benefits-summary');
    await eventually(() => summary.locator('.ant-tag').first().textContent()).toBe('Active');
    expect(await summary.getByTestId('copay').textContent()).toMatch(/^\$\d/);
    expect(await summary.getByTestId('deductible-individual').textContent()).toMatch(/\$[\d,]+\.\d\d left/);
    // The visit's lines at the fee schedule, through these benefits: what the patient will owe.
    await eventually(() => summary.getByTestId('estimate').textContent()).toMatch(/^\$[\d,]+\.\d\d$/);
    // The history: who asked and how; the raw 271 in a drawer.
    const history = card.getByTestId('eligibility-history');
    expect(await history.textContent()).toContain(BILLER.email);
    await history.getByRole('button', { name: 'Raw 271' }).first().click();
    await eventually(() => page.getByTestId('raw-271').textContent()).toMatch(/^ISA\*/);
    await expect(page.getByTestId('raw-271').textContent()).resolves.toContain('EB*');
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('raw-271').waitFor({ state: 'hidden' });
    await screenshotOf(card, 'benefits-card');
  });

  it('warns about the member whose plan ended before the date of service', async () => {
    const card = await checkEligibility(ended.patientId);
    const summary = card.getByTestId('benefits-summary');
    await eventually(() => summary.locator('.ant-tag').first().textContent()).toBe('Inactive');
    await eventually(() => summary.getByTestId('eligibility-warning').count()).toBeGreaterThan(0);
  });

  it('runs claim status; the claim the payer has no record of is on the follow-up queue', async () => {
    const biller = await apiAs(server.url, BILLER);
    const claim = await claimFor(biller, visit.id);
    expect(claim.state, JSON.stringify(claim.findings)).toBe('ready');
    const batch = await biller.send('POST', '/api/batches', {
      practiceId: server.practiceId,
      claimType: 'professional',
    });
    expect(batch.status).toBeLessThan(300);
    const state = async () => ((await biller.get(`/api/claims/${claim.id}`)) as { state: string }).state;
    await eventually(state).toBe('submitted');
    // The 837 never reaches the payer (the sandbox does not see it), and it went out 40 days ago.
    for (const name of uploaded()) rmSync(path.join(sandbox.folders.outDir, name), { force: true });
    await server.database.sql.executeSql(
      `update claim_event set at = at - interval '40 days' where claim_id = $1 and to_state = 'submitted'`,
      [claim.id],
    );

    await page.getByRole('menuitem', { name: 'Follow-ups' }).click();
    await page.getByRole('heading', { name: 'Follow-ups' }).waitFor();
    await page.getByRole('button', { name: 'Run claim status now' }).click();
    const job = page.getByTestId('claim-status-job');
    await eventually(() => job.textContent()).toMatch(/completed|failed/);
    expect(await job.textContent()).toContain('completed');
    await answerWhatWasSent();

    await page.reload();
    const items = page.getByTestId('follow-ups');
    const row = items.locator('tbody tr.ant-table-row', {
      has: page.getByRole('link', { name: String(claim.id) }),
    });
    await eventually(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('A4');
    await screenshot(page, 'follow-ups');

    // The claim page shows what the payer said.
    await row.getByRole('link', { name: String(claim.id) }).click();
    await page.waitForURL(new RegExp(`/claims/${claim.id}$`));
    await eventually(() => page.getByTestId('claim-status-inquiries').textContent()).toContain('A4');

    // Closed with a note, it leaves the open queue.
    await page.goBack();
    await row.getByRole('button', { name: 'Close' }).click();
    const dialog = page.getByRole('dialog', { name: /Close the follow-up/ });
    await dialog.getByLabel('Note').fill('Resubmitted: the payer had no record of it');
    await dialog.getByRole('button', { name: 'Close item' }).click();
    await eventually(() => row.count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it("the Eligibility page asks about a day's schedule, or a CSV of it, in one batch and lists the answers", async () => {
    const { rows } = await server.database.sql.executeSql(
      `select service_date_from::text as day, count(*)::int as visits from encounter
        where practice_id = $1 group by 1 order by 2 desc, 1 desc limit 1`,
      [server.practiceId],
    );
    const day = String(rows[0]!.day);
    await page.getByRole('menuitem', { name: 'Eligibility' }).click();
    await page.getByRole('heading', { name: 'Eligibility' }).waitFor();
    await page.getByLabel('Schedule date').fill(day);
    await page.getByRole('button', { name: 'Check everyone seen that day' }).click();
    const batches = page.getByTestId('eligibility-batches').locator('tbody tr.ant-table-row');
    await eventually(() => batches.first().textContent()).toContain('schedule');
    await answerWhatWasSent();
    const checks = page.getByTestId('eligibility-checks').locator('tbody tr.ant-table-row');
    await eventually(() => checks.count()).toBeGreaterThan(0);
    // Answered on the page's next look (it looks again while any check waits).
    const answer = () => checks.first().locator('.ant-tag').first().textContent();
    await eventually(answer).toMatch(/^(Active|Inactive|Rejected)$/);
    await checks.first().click();
    const drawer = page.getByRole('dialog', { name: 'Benefits' });
    await drawer.getByTestId('benefits-summary').waitFor();
    await drawer.getByRole('button', { name: 'Close' }).click();
    await drawer.waitFor({ state: 'hidden' });

    // A CSV exported from the schedule: a patient the practice has, and one it does not (skipped).
    const patient = (
      await server.database.sql.executeSql(
        `select account_number, last_name, first_name from patient where id = $1`,
        [active.patientId],
      )
    ).rows[0]!;
    const csv = [
      'MRN,Last Name,First Name,Date of Service',
      `${String(patient.account_number)},${String(patient.last_name)},${String(patient.first_name)},${day}`,
      `NOSUCH1,Nobody,Nemo,${day}`,
    ].join('\n');
    await page.locator('input[type=file]').setInputFiles({
      name: 'schedule.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await eventually(() => batches.first().textContent()).toContain('csv');
    await eventually(() => page.getByText('1 not asked').count()).toBe(1);
  });

  it("an administrator sets the payer's eligibility and status days and adds a real-time (HTTP) connection: checks are answered at once (another payer primary, an unknown member rejected)", async () => {
    // The sandbox's real-time endpoint, on the same state as its mailbox (npm start runs it beside).
    realtime = await serveRealtime(sandbox.folders.homeDir, {
      scenario: await loadScenario(),
      seed: 14,
      port: 0,
    });
    await logOut(page);
    await logIn(page, server.url, ADMIN);
    // The payer's eligibility and claim status days, on the payer form.
    await page.getByRole('menuitem', { name: 'Payers' }).click();
    await page.locator('tbody tr.ant-table-row', { hasText: 'Aetna' }).first().click();
    const payerForm = page.getByRole('form', { name: 'Edit payer' });
    await payerForm.getByLabel('Check eligibility within (days)').fill('30');
    await payerForm.getByLabel('Ask claim status after (days)').fill('21');
    await page.getByRole('button', { name: 'Save' }).click();
    await payerForm.waitFor({ state: 'hidden' });
    const admin = await apiAs(server.url, ADMIN);
    const payers = (await admin.get(`/api/payers?practiceId=${server.practiceId}&q=Aetna`)) as {
      items: { name: string; eligibilityCheckDays: number | null; statusInquiryDays: number }[];
    };
    expect(payers.items.find((p) => p.name.startsWith('Aetna'))).toMatchObject({
      eligibilityCheckDays: 30,
      statusInquiryDays: 21,
    });

    await page.goto(`${server.url}/connections`);
    await page.getByRole('button', { name: 'Add connection' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add connection' });
    await dialog.getByLabel('Name', { exact: true }).fill('Payer sandbox (real-time)');
    await choose(page, 'Kind', /^HTTP/);
    await dialog.getByLabel('URL', { exact: true }).fill(realtime.url);
    await dialog.getByLabel('Token or password (optional)').fill('sandbox-token');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.locator('tbody tr.ant-table-row', { hasText: 'Payer sandbox (real-time)' });
    await eventually(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain(realtime.url);
    // The token is sealed: editing shows that one is set, never the token.
    await row.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit connection' });
    await edit.getByText('set: leave empty to keep it').waitFor();
    expect(await edit.getByLabel('Token or password (optional)').inputValue()).toBe('');
    await edit.getByRole('button', { name: 'Cancel' }).click();

    // The payer now says another payer is primary for the plain plan's member (COBPRIMARY1).
    const cob = await admin.send('PATCH', `/api/coverages/${active.coverageId}`, { memberId: 'COBPRIMARY1' });
    expect(cob.status).toBe(200);
    const card = await checkEligibility(active.patientId);
    const history = card.getByTestId('eligibility-history');
    expect(await history.locator('tbody tr.ant-table-row').first().textContent()).toContain('realtime');
    const summary = card.getByTestId('benefits-summary');
    await eventually(() => summary.locator('.ant-tag').first().textContent()).toBe('Active');
    await eventually(() => summary.getByTestId('eligibility-warning').allTextContents()).toContainEqual(
      expect.stringMatching(/another payer/i),
    );

    // A member ID the payer does not know: rejected (AAA 75), with what the front desk does about it.
    const patched = await admin.send('PATCH', `/api/coverages/${unknown.coverageId}`, {
      memberId: UNKNOWN_MEMBER,
    });
    expect(patched.status).toBe(200);
    const rejected = (await checkEligibility(unknown.patientId)).getByTestId('benefits-summary');
    await eventually(() => rejected.locator('.ant-tag').first().textContent()).toBe('Rejected');
    expect(await rejected.getByTestId('eligibility-rejection').textContent()).toMatch(/\(75\).*subscriber/i);
    expect(pageErrors).toEqual([]);
  });
});
