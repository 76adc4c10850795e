import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.ts';

/** The two screen sizes every screen is checked at. */
export const VIEWPORTS = {
  phone: { width: 360, height: 740 },
  laptop: { width: 1280, height: 800 },
} as const;
export type ScreenSize = keyof typeof VIEWPORTS;

export const RESULTS_DIR = path.resolve('test-results');

/** Headless Chromium with fake camera and microphone. CHROMIUM_PATH wins, then the usual places. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? findChromium() ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(`No Chromium at ${executablePath}. Run \`npm run test:browser\` (it finds or installs one) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

export type Person = { context: BrowserContext; page: Page; size: ScreenSize; errors: string[] };

/**
 * A person in their own browser context (own storage, like a separate device). Page errors and
 * console errors are collected so a test can check the app did not throw behind a working screen.
 */
export async function newPerson(browser: Browser, baseURL: string, size: ScreenSize): Promise<Person> {
  const context = await browser.newContext({
    baseURL,
    viewport: VIEWPORTS[size],
    deviceScaleFactor: 1,
    isMobile: size === 'phone',
    hasTouch: size === 'phone',
    locale: 'en-GB',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return { context, page, size, errors };
}

/**
 * Runs `shoot` with the page resized to each screen size in turn (after two frames, so the layout
 * has settled), then puts the page back to its own size.
 */
export async function atEachSize(page: Page, shoot: (size: ScreenSize) => Promise<void>): Promise<void> {
  const original = page.viewportSize();
  for (const size of Object.keys(VIEWPORTS) as ScreenSize[]) {
    await page.setViewportSize(VIEWPORTS[size]);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await shoot(size);
  }
  if (original) await page.setViewportSize(original);
}

/**
 * Saves test-results/<name>-phone.png and test-results/<name>-laptop.png: the page is resized to
 * each width in turn (full-page shots), then put back to its own size.
 */
export async function screenshots(page: Page, name: string): Promise<string[]> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const files: string[] = [];
  await atEachSize(page, async (size) => {
    const file = path.join(RESULTS_DIR, `${name}-${size}.png`);
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
    files.push(file);
  });
  return files;
}
