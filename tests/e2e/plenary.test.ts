import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../server/start.ts';
import { screenshots, type Person } from './browser.ts';
import { CLIENT_DIR, countdownSeconds, countdownSecondsOf, fillJoinForm, partScreenshots, useTestWorkshop } from './workshop.ts';

/**
 * The plenary, through the real UI: a facilitator creates a workshop, two people join by the link
 * (one on a phone), the facilitator announces and starts a timer, everyone sees it count down, a
 * reload keeps the same person, the waiting room lets someone in, and a removal is final.
 */

const env = useTestWorkshop('indaba-e2e-');
const { person, everyone } = env;

let host: Person;
let amal: Person;
let bilal: Person;
let joinLink = '';
let cohostLink = '';

const join = (page: Page, link: string, name: string, organisation: string) => fillJoinForm(page, link, name, organisation);

/** The console's people list (the speaking-turns balance also has a table with names). */
const peopleList = (page: Page) => page.getByRole('region', { name: /^People/ });

/** The people table's row for someone (its row header is their name). */
const personRow = (page: Page, name: string) => peopleList(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });

describe('plenary in the browser', () => {
  it('a facilitator creates a workshop and gets the links', async () => {
    host = await person('laptop');
    const page = host.page;
    await page.goto('/');
    await expect.poll(() => page.getByRole('heading', { name: 'Create a workshop' }).isVisible()).toBe(true);
    await screenshots(page, 'home');

    await page.getByLabel('Workshop title').fill('Peer learning on community sponsorship');
    await page.getByLabel('Description').fill('Monthly exchange between member organisations.');
    await page.getByLabel('Your name').fill('Rahel Tesfaye');
    await page.getByRole('button', { name: '+ Organisation' }).click();
    await expect.poll(() => page.getByLabel('Label').inputValue()).toBe('Organisation');
    await expect.poll(() => page.getByRole('checkbox', { name: 'Required' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Create workshop' }).click();

    await page.getByRole('heading', { name: 'Your workshop is ready' }).waitFor();
    joinLink = await page.getByLabel('Join link').inputValue();
    expect(joinLink).toMatch(new RegExp(`^${env.server.url}/j/[2-9A-HJKMNP-Z]{6}$`));
    const code = joinLink.slice(-6);
    await expect.poll(() => page.getByText(`${code.slice(0, 3)}-${code.slice(3)}`, { exact: true }).isVisible()).toBe(true);
    cohostLink = await page.getByLabel('Co-host link', { exact: true }).inputValue();
    expect(cohostLink).toMatch(/\/w\/[\w-]+\/cohost#key=[\w-]{20,}$/);
    expect(await page.getByLabel('Host link', { exact: true }).inputValue()).toMatch(/\/w\/[\w-]+\/host#key=[\w-]{20,}$/);
    await expect.poll(() => page.getByText(/Keep this link safe: anyone with it can run the workshop/).isVisible()).toBe(true);
    await screenshots(page, 'create-result');

    await page.getByRole('link', { name: 'Open the facilitator console' }).click();
    await page.getByRole('heading', { name: 'Raised hands' }).waitFor();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Online' }).first().isVisible()).toBe(true);
  });

  it('two people join by the link, one on a phone, and the console shows both', async () => {
    amal = await person('phone');
    await amal.page.goto(joinLink);
    await amal.page.getByRole('heading', { name: 'Peer learning on community sponsorship' }).waitFor();
    await screenshots(amal.page, 'join');
    await join(amal.page, joinLink, 'Amal Haddad', 'Refugee Aid Jordan');
    await amal.page.getByRole('heading', { name: 'Now' }).waitFor();

    bilal = await person('laptop');
    await join(bilal.page, joinLink, 'Bilal Osman', 'Welcome Network');
    await bilal.page.getByRole('heading', { name: 'Now' }).waitFor();

    const page = host.page;
    await personRow(page, 'Amal Haddad').waitFor();
    await personRow(page, 'Bilal Osman').waitFor();
    await expect.poll(() => personRow(page, 'Amal Haddad').getByText('Refugee Aid Jordan').isVisible()).toBe(true);
    await expect.poll(() => personRow(page, 'Bilal Osman').getByText('Online').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('3 online of 3 people').isVisible()).toBe(true);
  });

  it('an announcement and a one-minute timer reach both, counting down on their own', async () => {
    const page = host.page;
    await page.getByLabel('Message to everyone').fill('Welcome! Please raise your hand to introduce yourself.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('button', { name: '1 min' }).click();
    await page.getByLabel('Label').fill('Introductions');
    await page.getByRole('button', { name: 'Start timer' }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();

    for (const p of [amal, bilal]) {
      const banner = p.page.getByRole('status').filter({ hasText: 'Welcome! Please raise your hand to introduce yourself.' });
      await banner.waitFor();
      await p.page.getByRole('heading', { name: 'Introductions' }).waitFor();
      await p.page.getByText(/Facilitators:.*Rahel Tesfaye/).waitFor();
      // a minute that has started: a loaded machine may take several seconds to get here
      const first = await countdownSeconds(p.page);
      expect(first).toBeGreaterThanOrEqual(40);
      expect(first).toBeLessThanOrEqual(60);
    }
    await screenshots(amal.page, 'participant-plenary');
    await screenshots(host.page, 'console');

    const before = await countdownSeconds(bilal.page);
    await bilal.page.waitForTimeout(2_200);
    const after = await countdownSeconds(bilal.page);
    // it counts down by itself (no messages per second); how far depends on how busy the machine is
    expect(before - after).toBeGreaterThanOrEqual(1);
    expect(before - after).toBeLessThanOrEqual(10);
  });

  it('a raised hand is queued, shown to the facilitator, given the floor and lowered from the console', async () => {
    // one hand in plenary: the speaking-turns queue, not a second "raise hand" beside it
    const raise = amal.page.getByRole('button', { name: 'Raise hand', exact: true });
    await expect.poll(() => amal.page.getByRole('button', { name: /raise hand/i }).count()).toBe(1);
    await expect.poll(() => bilal.page.getByRole('button', { name: /raise hand/i }).count()).toBe(1);
    await raise.click();
    await amal.page.getByText('Your hand is up: number 1 in the queue.').waitFor();
    await amal.page.getByText('Reason for your place: hand up first.').waitFor();
    const lowerMine = amal.page.getByRole('button', { name: 'Lower hand', exact: true });
    expect(await lowerMine.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => amal.page.getByRole('button', { name: /(raise|lower) hand/i }).count()).toBe(1);

    // the console's "Raised hands" card is the plenary queue, with its controls
    const hands = host.page.getByRole('region', { name: 'Raised hands' });
    await hands.getByText('Amal Haddad').waitFor();
    await hands.getByText('1 hand up').waitFor();
    await expect.poll(() => host.page.getByText('1 hand raised').isVisible()).toBe(true);
    await bilal.page.getByRole('button', { name: 'Raise hand', exact: true }).click();
    await hands.getByText('2 hands up').waitFor();
    await screenshots(amal.page, 'participant-plenary-hand');
    await screenshots(host.page, 'console-hands');
    // the card and who has the floor above it, closely (test-results/console-hands-card-*.png)
    const handsArea = (page: Page) => page.getByRole('region', { name: 'Raised hands' }).locator('..');
    await partScreenshots(host.page, handsArea, 'console-hands-card');

    // a one-minute turn for Amal, given from the card
    await hands.getByLabel('Length of the next turn').selectOption('1');
    await hands.getByRole('button', { name: 'Give the floor to Amal Haddad' }).click();
    await expect.poll(() => amal.page.getByTestId('turn-speaker').textContent()).toBe('It is your turn to speak');
    await expect.poll(() => host.page.getByRole('region', { name: 'Speaking now' }).first().getByTestId('turn-speaker').textContent()).toBe(
      'Amal Haddad is speaking',
    );
    const left = await countdownSecondsOf(amal.page.getByTestId('turn-digits'), 'turn countdown');
    expect(left).toBeGreaterThan(40);
    expect(left).toBeLessThanOrEqual(61);
    await expect.poll(() => raise.getAttribute('aria-pressed')).toBe('false');
    await screenshots(amal.page, 'participant-plenary-turn');
    await partScreenshots(host.page, handsArea, 'console-hands-turn');
    await host.page.getByRole('region', { name: 'Speaking now' }).first().getByRole('button', { name: 'End turn' }).click();
    await expect.poll(() => amal.page.getByTestId('turn-speaker').count()).toBe(0);

    // the facilitator lowers Bilal's hand
    await hands.getByRole('button', { name: 'Lower the hand of Bilal Osman' }).click();
    await hands.getByText('No hands are up.').waitFor();
    await expect.poll(() => bilal.page.getByRole('button', { name: 'Raise hand', exact: true }).getAttribute('aria-pressed')).toBe('false');
  });

  it('after a reload a participant is the same person, not a new one', async () => {
    await amal.page.reload();
    await amal.page.getByRole('heading', { name: 'Now' }).waitFor();
    await amal.page.getByText('You are Amal Haddad').waitFor();
    await amal.page.getByRole('timer').waitFor();

    const page = host.page;
    await expect.poll(() => personRow(page, 'Amal Haddad').getByText('Online').isVisible()).toBe(true);
    await expect.poll(() => peopleList(page).getByRole('rowheader', { name: 'Amal Haddad' }).count()).toBe(1);
    // host + 2 participants; a reload must not add a third participant
    await expect.poll(() => peopleList(page).locator('tbody tr').count()).toBe(3);
    await expect.poll(() => page.getByText('3 online of 3 people').isVisible()).toBe(true);
  });

  it('with the waiting room on, a newcomer waits and is let in by the facilitator', async () => {
    const page = host.page;
    const toggle = page.getByRole('switch', { name: 'Waiting room' });
    await toggle.check();
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await page.getByText('On: new people wait until you let them in.').waitFor();

    const chen = await person('phone');
    await join(chen.page, joinLink, 'Chen Li', 'Open Doors');
    await chen.page.getByRole('heading', { name: 'Waiting for the host to let you in' }).waitFor();
    await screenshots(chen.page, 'waiting');

    const admit = page.getByRole('button', { name: 'Admit Chen Li' });
    await admit.waitFor();
    await page.getByRole('button', { name: 'Admit all (1)' }).waitFor();
    await screenshots(page, 'console-waiting');
    await admit.click();

    await chen.page.getByRole('heading', { name: 'Now' }).waitFor();
    await chen.page.getByRole('timer').waitFor();
    await personRow(page, 'Chen Li').waitFor();
  });

  it('a co-host joins with the co-host link and gets the console', async () => {
    const dina = await person('laptop');
    await dina.page.goto(cohostLink);
    await dina.page.getByRole('heading', { name: 'Join as co-host' }).waitFor();
    await dina.page.getByLabel('Your name').fill('Dina Saleh');
    await dina.page.getByLabel('Organisation').fill('Network office');
    await dina.page.getByRole('button', { name: 'Join as co-host' }).click();
    await dina.page.getByRole('heading', { name: 'Raised hands' }).waitFor();
    // the key does not stay in the address bar
    expect(new URL(dina.page.url()).hash).toBe('');
    await personRow(dina.page, 'Amal Haddad').waitFor();

    await personRow(host.page, 'Dina Saleh').getByText('Co-host').waitFor();
    await amal.page.getByText(/Facilitators:.*Dina Saleh/).waitFor();
  });

  it('the host makes a participant co-host and back: their screen switches by itself', async () => {
    await personRow(host.page, 'Amal Haddad').getByRole('button', { name: 'Make co-host' }).click();
    await amal.page.getByRole('heading', { name: 'Raised hands' }).waitFor();
    await personRow(amal.page, 'Bilal Osman').waitFor();
    await screenshots(amal.page, 'console-cohost');
    // a co-host cannot change roles: only the host can
    await expect.poll(() => amal.page.getByRole('button', { name: 'Make co-host' }).count()).toBe(0);

    await personRow(host.page, 'Amal Haddad').getByRole('button', { name: 'Make participant' }).click();
    await amal.page.getByRole('heading', { name: 'Now' }).waitFor();
    await amal.page.getByRole('button', { name: 'Raise hand', exact: true }).waitFor();
  });

  it('a removed person sees a clear screen and does not come back by reloading', async () => {
    const page = host.page;
    await personRow(page, 'Bilal Osman').getByRole('button', { name: 'Remove Bilal Osman' }).click();
    await page.getByText('Remove Bilal Osman from the workshop?').waitFor();
    await page.getByRole('button', { name: 'Yes, remove' }).click();

    const removed = 'You were removed from this workshop. If you think this is a mistake, contact the facilitator.';
    await bilal.page.getByRole('heading', { name: 'You were removed' }).waitFor();
    await bilal.page.getByText(removed).waitFor();
    await screenshots(bilal.page, 'removed');
    await bilal.page.reload();
    await bilal.page.getByText(removed).waitFor();

    await page.getByRole('heading', { name: 'Removed and declined' }).waitFor();
    await page.getByRole('button', { name: 'Let back in: Bilal Osman' }).waitFor();
    await expect.poll(() => peopleList(page).getByRole('rowheader', { name: 'Bilal Osman' }).count()).toBe(0);
  });

  it('a removed person let back in returns with "Try again", as the same person', async () => {
    await host.page.getByRole('button', { name: 'Let back in: Bilal Osman' }).click();
    await personRow(host.page, 'Bilal Osman').waitFor();
    await bilal.page.getByRole('button', { name: 'Try again' }).click();
    await bilal.page.getByRole('heading', { name: 'Now' }).waitFor();
    await bilal.page.getByText('You are Bilal Osman').waitFor();
    await expect.poll(() => personRow(host.page, 'Bilal Osman').getByText('Online').isVisible()).toBe(true);
    await expect.poll(() => peopleList(host.page).getByRole('rowheader', { name: 'Bilal Osman' }).count()).toBe(1);
  });

  it('after the server restarts on the same data, everyone reconnects by themselves', async () => {
    const port = env.server.port;
    await env.server.close();
    await amal.page.getByRole('status').filter({ hasText: 'Reconnecting…' }).waitFor();
    await host.page.getByRole('status').filter({ hasText: 'Reconnecting…' }).waitFor();

    env.server = await startServer({ port, dataFile: env.dataFile, clientDir: CLIENT_DIR });
    await amal.page.getByRole('status').filter({ hasText: 'Online' }).waitFor({ timeout: 30_000 });
    await host.page.getByRole('status').filter({ hasText: 'Online' }).first().waitFor({ timeout: 30_000 });
    await amal.page.getByText('You are Amal Haddad').waitFor();
    await amal.page.getByText('Welcome! Please raise your hand to introduce yourself.').waitFor();
    await expect.poll(() => personRow(host.page, 'Amal Haddad').getByText('Online').isVisible(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => peopleList(host.page).getByRole('rowheader', { name: 'Amal Haddad' }).count()).toBe(1);
  });

  it('ran without errors in any page', () => {
    // the browser logs failed connection attempts while the server restarts; anything else is a bug
    const networkNoise = /ERR_CONNECTION_REFUSED|WebSocket connection to|Failed to load resource/;
    const errors = everyone.flatMap((p) => p.errors).filter((e) => !networkNoise.test(e));
    expect(errors).toEqual([]);
  });
});
