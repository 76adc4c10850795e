import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer } from '../../server/start.ts';
import { RESULTS_DIR, atEachSize, launchBrowser, newPerson, type Person, type ScreenSize } from './browser.ts';

/** The built client the test server serves. */
export const CLIENT_DIR = path.resolve('dist/client');

/** A test file's server (on a temp data file), its browser, and everyone it opened. */
export type TestWorkshop = {
  server: RunningServer;
  browser: Browser;
  /** The temp folder holding the server's data file. */
  dataDir: string;
  /** The server's data file, to start it again on the same data. */
  readonly dataFile: string;
  /** Everyone opened with person(), to check none of their pages logged errors. */
  everyone: Person[];
  /** A new person in their own browser context on this server. */
  person(size: ScreenSize): Promise<Person>;
};

/**
 * Starts a server on a fresh temp data file and a browser before the file's tests, and closes both
 * and removes the data afterwards. `prefix` names the temp folder (like "indaba-e2e-cafe-").
 */
export function useTestWorkshop(prefix: string): TestWorkshop {
  const env: TestWorkshop = {
    server: undefined as unknown as RunningServer,
    browser: undefined as unknown as Browser,
    dataDir: '',
    get dataFile() {
      return path.join(env.dataDir, 'indaba.db');
    },
    everyone: [],
    async person(size) {
      const p = await newPerson(env.browser, env.server.url, size);
      env.everyone.push(p);
      return p;
    },
  };

  beforeAll(async () => {
    if (!fs.existsSync(path.join(CLIENT_DIR, 'index.html'))) {
      throw new Error('dist/client is not built. Run `npx vite build` first (npm run test:browser does it).');
    }
    env.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    env.server = await startServer({ port: 0, dataFile: env.dataFile, clientDir: CLIENT_DIR });
    env.browser = await launchBrowser();
  });

  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
    if (env.dataDir) fs.rmSync(env.dataDir, { recursive: true, force: true });
  });

  return env;
}

/**
 * A facilitator creates a workshop on the home page (as Rahel Tesfaye, optionally adding the
 * "Organisation" question) and opens the facilitator console. Returns the join link.
 */
export async function createWorkshop(page: Page, title: string, { organisation = false } = {}): Promise<string> {
  await page.goto('/');
  await page.getByLabel('Workshop title').fill(title);
  await page.getByLabel('Your name').fill('Rahel Tesfaye');
  if (organisation) await page.getByRole('button', { name: '+ Organisation' }).click();
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await page.getByRole('heading', { name: 'Your workshop is ready' }).waitFor();
  const joinLink = await page.getByLabel('Join link').inputValue();
  await page.getByRole('link', { name: 'Open the facilitator console' }).click();
  return joinLink;
}

/** Fills in the join form at `link` (name, and organisation if given) and presses Join. */
export async function fillJoinForm(page: Page, link: string, name: string, organisation?: string) {
  await page.goto(link);
  await page.getByLabel('Your name').fill(name);
  if (organisation !== undefined) await page.getByLabel('Organisation').fill(organisation);
  await page.getByRole('button', { name: 'Join the workshop' }).click();
}

/** Joins by the link and waits for the participant's "Now" screen. */
export async function joinWorkshop(page: Page, link: string, name: string, organisation?: string) {
  await fillJoinForm(page, link, name, organisation);
  await page.getByRole('heading', { name: 'Now' }).waitFor();
}

/** Seconds shown on a countdown's digits, like "0:58"; `what` names it in the error. */
export async function countdownSecondsOf(digits: Locator, what = 'countdown'): Promise<number> {
  const text = (await digits.textContent())?.trim() ?? '';
  const match = /^(\d+):(\d\d)$/.exec(text);
  if (!match) throw new Error(`${what} shows "${text}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Seconds on the page's first countdown (its first role="timer"). */
export const countdownSeconds = (page: Page): Promise<number> => countdownSecondsOf(page.getByRole('timer').first());

/**
 * Saves just one part of a long page (test-results/<name>-phone.png, -laptop.png): the page is
 * resized to each width in turn, the part is shot, then the page is put back to its own size.
 */
export async function partScreenshots(page: Page, part: (page: Page) => Locator, name: string) {
  await atEachSize(page, async (size) => {
    await part(page).screenshot({ path: path.join(RESULTS_DIR, `${name}-${size}.png`), animations: 'disabled', caret: 'hide' });
  });
}
