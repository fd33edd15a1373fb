import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { TEST_DEMO_PASSWORD } from './test-database.js';
import { createTestApp, type TestApp } from './test-app.js';

/** Debian's Chromium (scripts/ensure-services.mjs --browser installs it); CHROMIUM_PATH overrides. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where the tests save a screenshot of every page they visit (the README's come from here). */
export const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots');

/** Headless, sandbox off (containers), nothing that reaches outside: no updates, sync or background traffic. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-default-apps', '--disable-extensions'];

export interface BrowserApp {
  t: TestApp;
  baseUrl: string;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * The real API serving the built web app on a port of its own, and a fresh Chromium profile;
 * `timezoneId` is the browser's clock (Asia/Makassar, as the demo governments', unless a test says otherwise).
 */
export async function startBrowserApp(options: { width?: number; height?: number; env?: Record<string, string>; timezoneId?: string } = {}): Promise<BrowserApp> {
  const t = await createTestApp(options.env);
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  const userDataDir = mkdtempSync(join(tmpdir(), 'alur-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    locale: 'id-ID',
    timezoneId: options.timezoneId ?? 'Asia/Makassar',
  });
  context.setDefaultTimeout(20_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    t,
    baseUrl: `http://127.0.0.1:${port}`,
    context,
    page,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
      await t.close();
    },
  };
}

/** Signs in through the sign-in page (signing out first when someone is signed in). */
export async function signIn(app: BrowserApp, username: string, path = '/'): Promise<void> {
  const { page } = app;
  await page.goto(`${app.baseUrl}${path}`);
  await page.getByRole('button', { name: /^(Keluar|Masuk)$/ }).waitFor(); // the app has asked who is signed in
  const signOut = page.getByRole('button', { name: 'Keluar' });
  if (await signOut.isVisible()) {
    await signOut.click();
    await page.getByRole('button', { name: 'Masuk' }).waitFor();
    await page.goto(`${app.baseUrl}${path}`);
  }
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(TEST_DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('button', { name: 'Keluar' }).waitFor();
}

/** axe-core on the page as it is: the serious and critical violations (the tests expect none). */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  const axe = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  return [...axe, ...(await reflowViolations(page))];
}

/** WCAG 1.4.10 (reflow), which axe does not check: the page scrolls sideways only inside its own scrolling regions. */
async function reflowViolations(page: Page): Promise<string[]> {
  const { pageWidth, viewportWidth } = await page.evaluate<{ pageWidth: number; viewportWidth: number }>(
    '({ pageWidth: document.documentElement.scrollWidth, viewportWidth: document.documentElement.clientWidth })',
  );
  return pageWidth > viewportWidth ? [`reflow: the page is ${pageWidth} px wide in a ${viewportWidth} px viewport`] : [];
}

/**
 * What of a scrolling region a person at this width must scroll sideways to reach: the region's
 * overflow, and each button whose right edge lies past the viewport (empty when the region fits).
 */
export async function sidewaysOverflow(region: Locator): Promise<string[]> {
  const overflow = await region.evaluate((element) => element.scrollWidth - element.clientWidth);
  const viewportWidth = region.page().viewportSize()!.width;
  const hidden: string[] = overflow > 0 ? [`the region scrolls ${overflow} px sideways`] : [];
  for (const button of await region.getByRole('button').all()) {
    const box = (await button.boundingBox())!;
    if (box.x + box.width > viewportWidth) hidden.push(`"${await button.getAttribute('aria-label') ?? await button.textContent()}" ends at ${Math.round(box.x + box.width)} px`);
  }
  return hidden;
}

/** `sidewaysOverflow` of every table region of the page, each named by its label (empty when all fit). */
export async function tablesOverflowingSideways(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const region of await page.locator('.table-wrap[role="region"]').all()) {
    const label = await region.getAttribute('aria-label');
    for (const problem of await sidewaysOverflow(region)) found.push(`${label}: ${problem}`);
  }
  return found;
}

/** Fields and buttons of the page's filter rows (`.filters`) whose height differs from the tallest of their row: a row that does not line up. */
export async function unevenFilterControls(page: Page): Promise<string[]> {
  return page.locator('.filters').evaluateAll((forms) =>
    forms.flatMap((form) => {
      const controls = [...form.querySelectorAll('input:not([type="checkbox"]), select, button')];
      const heights = controls.map((control) => control.getBoundingClientRect().height);
      const tallest = Math.max(...heights);
      const row = form.getAttribute('aria-label') ?? form.closest('section')?.querySelector('h1, h2')?.textContent;
      return controls.flatMap((control, i) => (heights[i] === tallest ? [] : [`${row}: ${control.getAttribute('name') ?? control.textContent} is ${heights[i]} px, not ${tallest}`]));
    }),
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/**
 * Fires an action from the document page: its button, then the dialog's fields (by label), then
 * "Kirim"; waits until the page says it went through.
 */
export async function fireAction(page: Page, action: string, fields: Record<string, string> = {}, beforeSending?: (dialog: Locator) => Promise<void>): Promise<void> {
  await page.locator(`[data-action="${action}"]`).click();
  const dialog = page.getByRole('dialog');
  for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label, { exact: true }).fill(value);
  await beforeSending?.(dialog);
  await dialog.getByRole('button', { name: 'Kirim' }).click();
  await page.getByRole('status').filter({ hasText: 'berhasil' }).waitFor();
}

/** `YYYY-MM-DDTHH:mm` of a datetime-local field for `at`, read in Asia/Makassar (the browser's zone in these tests). */
export function makassarLocal(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16);
}
