import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/start.ts';
import { RESULTS_DIR, VIEWPORTS, launchBrowser, newPerson, screenshots, type Person, type ScreenSize } from './browser.ts';

/**
 * Fair speaking time through the real UI: in plenary two participants raise their hands, the
 * facilitator orders the queue by fewest turns and calls the next speaker; then in a breakout room
 * a member runs an alphabetical go-around with 30-second turns, everyone sees whose turn it is and
 * the countdown, one person passes, and the facilitator's console shows the room's balance.
 */

const CLIENT_DIR = path.resolve('dist/client');
let server: RunningServer;
let browser: Browser;
let dataDir: string;
const everyone: Person[] = [];

let host: Person;
let amal: Person;
let bilal: Person;
let chipo: Person;
let joinLink = '';

async function person(size: 'phone' | 'laptop'): Promise<Person> {
  const p = await newPerson(browser, server.url, size);
  everyone.push(p);
  return p;
}

async function join(page: Page, name: string) {
  await page.goto(joinLink);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join the workshop' }).click();
  await page.getByRole('heading', { name: 'Now' }).waitFor();
}

/** The "Speaking turns" part of a screen (the participant's section or the console's panel). */
const turnsRegion = (page: Page) => page.getByRole('region', { name: 'Speaking turns' });

/** Seconds on a turn's countdown, like "0:28". */
async function turnSeconds(scope: Locator): Promise<number> {
  const text = (await scope.getByTestId('turn-digits').textContent())?.trim() ?? '';
  const match = /^(\d+):(\d\d)$/.exec(text);
  if (!match) throw new Error(`turn countdown shows "${text}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * The console is long: besides the whole page, save just its "Speaking turns" panel at each width
 * (test-results/<name>-phone.png, -laptop.png) so the panel can be looked at closely.
 */
async function panelShots(page: Page, name: string) {
  const original = page.viewportSize();
  for (const size of Object.keys(VIEWPORTS) as ScreenSize[]) {
    await page.setViewportSize(VIEWPORTS[size]);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await turnsRegion(page).screenshot({ path: path.join(RESULTS_DIR, `${name}-${size}.png`), animations: 'disabled', caret: 'hide' });
  }
  if (original) await page.setViewportSize(original);
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(CLIENT_DIR, 'index.html'))) {
    throw new Error('dist/client is not built. Run `npx vite build` first (npm run test:browser does it).');
  }
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'indaba-e2e-turns-'));
  server = await startServer({ port: 0, dataFile: path.join(dataDir, 'indaba.db'), clientDir: CLIENT_DIR });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('speaking turns in the browser', () => {
  it('a facilitator creates a workshop and three people join, one on a phone', async () => {
    host = await person('laptop');
    const page = host.page;
    await page.goto('/');
    await page.getByLabel('Workshop title').fill('Community of practice');
    await page.getByLabel('Your name').fill('Rahel Tesfaye');
    await page.getByRole('button', { name: 'Create workshop' }).click();
    await page.getByRole('heading', { name: 'Your workshop is ready' }).waitFor();
    joinLink = await page.getByLabel('Join link').inputValue();
    await page.getByRole('link', { name: 'Open the facilitator console' }).click();
    await turnsRegion(page).waitFor();

    amal = await person('phone');
    await join(amal.page, 'Amal Haddad');
    bilal = await person('laptop');
    await join(bilal.page, 'Bilal Osman');
    chipo = await person('laptop');
    await join(chipo.page, 'Chipo Dube');
    await expect.poll(() => page.getByText('4 online of 4 people').isVisible()).toBe(true);
  });

  it('in plenary, hands go up, the facilitator orders the queue and calls the next speaker', async () => {
    // participants get the hand, not the controls that run the plenary
    const mine = turnsRegion(amal.page);
    await mine.getByRole('button', { name: 'Raise hand to speak', exact: true }).click();
    await mine.getByText('Your hand is up: number 1 in the queue.').waitFor();
    await expect(mine.getByRole('button', { name: 'Call next speaker' }).count()).resolves.toBe(0);
    await turnsRegion(bilal.page).getByRole('button', { name: 'Raise hand to speak', exact: true }).click();
    await turnsRegion(bilal.page).getByText('Your hand is up: number 2 in the queue.').waitFor();

    const panel = turnsRegion(host.page);
    const queue = panel.getByRole('region', { name: 'Hand queue' });
    await queue.getByText('2 hands up').waitFor();
    await panel.getByRole('button', { name: 'Fewest turns first' }).click();
    await expect.poll(() => panel.getByRole('button', { name: 'Fewest turns first' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => queue.getByText('has not spoken yet').count()).toBe(2);
    await mine.getByText('2 hands up').waitFor();
    await screenshots(host.page, 'turns-console-queue');
    await panelShots(host.page, 'turns-console-queue-panel');
    await screenshots(amal.page, 'turns-plenary-queue');

    await panel.getByRole('button', { name: 'Call next speaker' }).click();
    await expect.poll(() => mine.getByTestId('turn-speaker').textContent()).toBe('It is your turn to speak');
    await expect.poll(() => panel.getByTestId('turn-speaker').textContent()).toBe('Amal Haddad is speaking');
    await expect.poll(() => turnsRegion(bilal.page).getByTestId('turn-next').textContent()).toBe('You are next');
    const left = await turnSeconds(mine);
    expect(left).toBeGreaterThan(100);
    expect(left).toBeLessThanOrEqual(120);
    await panel.getByRole('button', { name: 'End turn' }).click();
    await expect.poll(() => mine.getByText(/You have spoken \d:\d\d, 100% of the time\./).count()).toBe(1);
  });

  it('the facilitator opens one breakout room with everyone in it', async () => {
    const page = host.page;
    await page.getByRole('button', { name: 'Set up breakout rooms' }).click();
    await page.getByRole('textbox', { name: 'Rooms', exact: true }).fill('1');
    await page.getByRole('button', { name: 'Preview the rooms' }).click();
    await page.locator('#bo-minutes').fill('10');
    await page.getByRole('button', { name: 'Open the rooms' }).click();
    await page.getByRole('heading', { name: 'Time left in the rooms' }).waitFor();
    for (const p of [amal, bilal, chipo]) await p.page.getByRole('heading', { name: 'Room 1', exact: true }).waitFor();
  });

  it('a room member starts an alphabetical go-around; everyone sees whose turn it is and the time left', async () => {
    const room = turnsRegion(chipo.page);
    await room.getByRole('radio', { name: 'Alphabetical' }).check();
    await room.getByLabel('Minutes each').fill('0.5');
    await expect(room.getByRole('checkbox', { name: 'Move on automatically when time is up' }).isChecked()).resolves.toBe(true);
    await room.getByRole('button', { name: 'Start go-around' }).click();

    await expect.poll(() => turnsRegion(amal.page).getByTestId('turn-speaker').textContent()).toBe('It is your turn to speak');
    for (const p of [bilal, chipo]) {
      await expect.poll(() => turnsRegion(p.page).getByTestId('turn-speaker').textContent()).toBe('Amal Haddad is speaking');
    }
    await expect.poll(() => turnsRegion(bilal.page).getByTestId('turn-next').textContent()).toBe('You are next');
    await expect.poll(() => turnsRegion(chipo.page).getByTestId('turn-next').textContent()).toBe('Next: Bilal Osman');
    for (const p of [amal, bilal, chipo]) {
      const left = await turnSeconds(turnsRegion(p.page));
      expect(left).toBeGreaterThan(20);
      expect(left).toBeLessThanOrEqual(30);
    }
    await turnsRegion(amal.page).getByText('0 of 3 done').waitFor();
    await screenshots(amal.page, 'turns-my-turn');
    await screenshots(bilal.page, 'turns-go-around');
  });

  it('someone passes, the turn moves on, and the facilitator sees the room’s balance', async () => {
    const chipoRoom = turnsRegion(chipo.page);
    await chipoRoom.getByRole('button', { name: 'Pass', exact: true }).click();
    await chipoRoom.getByText('1 passed').waitFor();

    await turnsRegion(amal.page).getByRole('button', { name: 'End turn' }).click();
    await expect.poll(() => turnsRegion(bilal.page).getByTestId('turn-speaker').textContent()).toBe('It is your turn to speak');
    await expect.poll(() => chipoRoom.getByTestId('turn-speaker').textContent()).toBe('Bilal Osman is speaking');

    const card = turnsRegion(host.page).getByRole('article', { name: 'Room 1' });
    await expect.poll(() => card.getByTestId('turns-room-speaker').textContent()).toBe('Speaking: Bilal Osman');
    await card.getByRole('rowheader', { name: 'Amal Haddad' }).waitFor();
    await expect.poll(async () => (await card.getByTestId('balance-score').textContent())?.trim() ?? '').toMatch(/^\d+%$/);
    await expect.poll(() => card.getByTestId('balance-not-spoken').textContent()).toMatch(/not spoken yet/);
    await screenshots(host.page, 'turns-console-balance');
    await panelShots(host.page, 'turns-console-balance-panel');
  });

  it('ran without errors in any page', () => {
    expect(everyone.flatMap((p) => p.errors)).toEqual([]);
  });
});
