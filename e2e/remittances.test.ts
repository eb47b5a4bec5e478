import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkSubmittedClaims } from '../src/remits/bulk-claims.ts';
import { adjudicateLine, write835, type SyntheticClaim } from '../src/remits/synthetic.ts';
import { hasChromium, launchBrowser, logIn, openPage, screenshot } from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { BILLER, startServer, type TestServer } from './support/server.ts';

const money = (cents: number) =>
  `${cents < 0 ? '-' : ''}$${Math.trunc(Math.abs(cents) / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;

// Issue 12: a biller imports an 835 for demo claims in the ERA inbox and sees the claims paid, the
// EOB beside the claim, and what the patient now owes on the patient's ledger.
describe.skipIf(!hasChromium)('posting an 835 in the browser (needs /usr/bin/chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let claims: SyntheticClaim[];
  const claimRows: { id: number; patientId: number }[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), 'cleanclaim-e2e-era-'));
  const file = path.join(dir, 'payer-eft-0001.835');
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    claims = await bulkSubmittedClaims(server.database.sql, server.practiceId, 2, 'E2E');
    for (const c of claims) {
      const { rows } = await server.database.sql.executeSql(
        `select id, patient_id from claim where patient_control_number = $1`,
        [c.patientControlNumber],
      );
      claimRows.push({ id: Number(rows[0]!.id), patientId: Number(rows[0]!.patient_id) });
    }
    writeFileSync(
      file,
      write835({
        traceNumber: 'EFT0001',
        payerName: 'DEMO PAYER',
        payerIdentifier: '999999999',
        paymentDate: '2026-12-01',
        claims,
      }),
    );
    browser = await launchBrowser();
    page = await openPage(browser, pageErrors);
    await logIn(page, server.url, BILLER);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports the 835 in the ERA inbox: balanced and posted', async () => {
    await page.getByRole('menuitem', { name: 'Payments' }).click();
    await page.getByRole('heading', { name: 'ERA inbox' }).waitFor();
    await page.locator('input[type=file]').setInputFiles(file);
    await eventually(() => page.getByText('2 claim payments posted').count()).toBeGreaterThan(0);
    const row = page.locator('tbody tr.ant-table-row').first();
    await eventually(() => row.textContent()).toContain('payer-eft-0001.835');
    expect(await row.textContent()).toContain('balanced');
    expect(await row.textContent()).toContain('posted');
    await screenshot(page, 'era-inbox');
  });

  it('shows each claim paid with its EOB lines, and the patient owing the coinsurance', async () => {
    const [first] = claimRows as [{ id: number; patientId: number }];
    await page.goto(`${server.url}/claims/${first.id}`);
    await eventually(() => page.getByTestId('claim-state').textContent()).toBe('paid');
    await eventually(() => page.getByText('Remittances (EOB)').count()).toBe(1);
    expect(await page.getByText('CO-45').count()).toBeGreaterThan(0);
    const owes = claims
      .filter((_, i) => claimRows[i]!.patientId === first.patientId)
      .flatMap((c) => c.lines)
      .reduce((s, l) => s + adjudicateLine(l.chargeCents).coinsurance, 0);
    await page.goto(`${server.url}/patients/${first.patientId}`);
    await page.getByRole('tab', { name: 'Ledger' }).click();
    await eventually(() => page.getByTestId('patient-balance').textContent()).toBe(money(owes));
    expect(pageErrors).toEqual([]);
  });
});
