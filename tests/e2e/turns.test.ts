import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshots, type Person } from './browser.ts';
import { countdownSecondsOf, createWorkshop, joinWorkshop, partScreenshots, useTestWorkshop } from './workshop.ts';

/**
 * Fair speaking time through the real UI: in plenary two participants raise their hands, the
 * facilitator orders the queue by fewest turns and calls the next speaker; then in a breakout room
 * a member runs an alphabetical go-around with 30-second turns, everyone sees whose turn it is and
 * the countdown, one person passes, and the facilitator's console shows the room's balance.
 */

const env = useTestWorkshop('indaba-e2e-turns-');
const { person, everyone } = env;

let host: Person;
let amal: Person;
let bilal: Person;
let chipo: Person;
let joinLink = '';

const join = (page: Page, name: string) => joinWorkshop(page, joinLink, name);

/** The "Speaking turns" part of a screen (the participant's section or the console's panel). */
const turnsRegion = (page: Page) => page.getByRole('region', { name: 'Speaking turns' });

/** Seconds on a turn's countdown, like "0:28". */
const turnSeconds = (scope: Locator): Promise<number> => countdownSecondsOf(scope.getByTestId('turn-digits'), 'turn countdown');

/**
 * The console is long: besides the whole page, save just its "Speaking turns" panel at each width
 * (test-results/<name>-phone.png, -laptop.png) so the panel can be looked at closely.
 */
const panelShots = (page: Page, name: string) => partScreenshots(page, turnsRegion, name);

describe('speaking turns in the browser', () => {
  it('a facilitator creates a workshop and three people join, one on a phone', async () => {
    host = await person('laptop');
    const page = host.page;
    joinLink = await createWorkshop(page, 'Community of practice');
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
    // in plenary the speaking-turns hand is the one "Raise hand" on the screen
    const mine = turnsRegion(amal.page);
    await expect.poll(() => amal.page.getByRole('button', { name: /raise hand/i }).count()).toBe(1);
    await mine.getByRole('button', { name: 'Raise hand', exact: true }).click();
    await mine.getByText('Your hand is up: number 1 in the queue.').waitFor();
    await expect(mine.getByRole('button', { name: 'Call next speaker' }).count()).resolves.toBe(0);
    await turnsRegion(bilal.page).getByRole('button', { name: 'Raise hand', exact: true }).click();
    await turnsRegion(bilal.page).getByText('Your hand is up: number 2 in the queue.').waitFor();

    const panel = turnsRegion(host.page);
    const queue = panel.getByRole('region', { name: 'Hand queue' });
    await queue.getByText('2 hands up').waitFor();
    await panel.getByRole('button', { name: 'Fewest turns first' }).click();
    await expect.poll(() => panel.getByRole('button', { name: 'Fewest turns first' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => queue.getByText('has not spoken yet').count()).toBe(2);
    await mine.getByText('2 hands up').waitFor();
    await mine.getByText('Reason for your place: has not spoken yet.').waitFor();
    // the console's "Raised hands" card shows the same queue
    await host.page.getByRole('region', { name: 'Raised hands' }).getByText('2 hands up').waitFor();
    await screenshots(host.page, 'turns-console-queue');
    await panelShots(host.page, 'turns-console-queue-panel');
    await screenshots(amal.page, 'turns-plenary-queue');

    await panel.getByRole('button', { name: 'Call next speaker' }).click();
    await expect.poll(() => mine.getByTestId('turn-speaker').textContent()).toBe('It is your turn to speak');
    await expect.poll(() => panel.getByTestId('turn-speaker').textContent()).toBe('Amal Haddad is speaking');
    await expect.poll(() => turnsRegion(bilal.page).getByTestId('turn-next').textContent()).toBe('You are next');
    const left = await turnSeconds(mine);
    expect(left).toBeGreaterThan(100);
    // the display rounds up, and the clock estimate may be off by part of a round trip: allow one second
    expect(left).toBeLessThanOrEqual(121);
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
