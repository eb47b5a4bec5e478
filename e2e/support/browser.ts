import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium; the suite never downloads a browser. */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A 1440 px wide page that waits up to 15 s for what it looks for and keeps the page's own errors. */
export async function openPage(browser: Browser, pageErrors: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return page;
}

const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/** Saves docs/screenshots/<name>.png for the README when SCREENSHOTS=1. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: false });
}

/** Saves docs/screenshots/<name>.png of one part of the page (a card below the fold) when SCREENSHOTS=1. */
export async function screenshotOf(part: Locator, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await part.page().waitForLoadState('networkidle');
  await part.screenshot({ path: `${SCREENSHOTS}${name}.png` });
}

/**
 * Picks an option of an antd Select found by its accessible name, and waits until the Select
 * shows it. On a loaded machine a click can land while the dropdown (or the dialog holding the
 * Select) is still animating and be lost, so a pick that did not take is tried again.
 */
export async function choose(page: Page, label: string, option: string | RegExp): Promise<void> {
  const combobox = page.getByRole('combobox', { name: label, exact: true });
  const select = page.locator('.ant-select', { has: combobox });
  // antd 6: a single Select shows its value in the content; a multiple one, one item per value.
  const shown = select
    .locator('.ant-select-content-has-value, .ant-select-selection-item', { hasText: option })
    .first();
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  for (let attempt = 1; ; attempt++) {
    // Never Escape to start again: it would close the dialog or drawer holding the Select.
    if (attempt === 1 || !(await open.first().isVisible())) await combobox.click();
    await open.locator('.ant-select-item-option', { hasText: option }).first().click();
    try {
      await shown.waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** Picks the first option of an antd Select. */
export async function chooseFirst(page: Page, label: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .first()
    .click();
}

export async function logIn(
  page: Page,
  baseUrl: string,
  user: { email: string; password: string },
): Promise<void> {
  await page.goto(baseUrl);
  const form = page.getByRole('form', { name: 'Log in' });
  await form.getByLabel('Email').fill(user.email);
  await form.getByLabel('Password').fill(user.password);
  await form.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('menu', { name: 'Main navigation' }).waitFor();
}

export async function logOut(page: Page): Promise<void> {
  const item = page.getByRole('menuitem', { name: 'Log out' });
  // The user menu opens on hover; on a loaded machine a hover can be missed (or land while a
  // popup from the last form is closing), so move away and hover again until it shows.
  for (let attempt = 0; attempt < 4; attempt++) {
    await page.mouse.move(0, 0);
    await page.getByTestId('user-menu').hover();
    if (
      await item.waitFor({ timeout: 4000 }).then(
        () => true,
        () => false,
      )
    )
      break;
  }
  await item.click();
  await page.getByRole('button', { name: 'Log in' }).waitFor();
}
