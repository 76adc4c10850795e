import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshots, type Person } from './browser.ts';
import { countdownSeconds, createWorkshop, joinWorkshop, useTestWorkshop } from './workshop.ts';

/**
 * Breakout rooms through the real UI: the facilitator previews two rooms and opens them, both
 * participants see their room and its countdown, one writes notes and asks for help, the facilitator
 * sees the call and the notes and broadcasts, closes the rooms, and everyone is back in plenary with
 * "what the rooms said".
 */

const env = useTestWorkshop('indaba-e2e-bo-');
const { person, everyone } = env;

let host: Person;
let amal: Person;
let bilal: Person;
let joinLink = '';
let amalRoom = '';

const NOTES = 'We agreed: 1. share housing leads\n2. meet again in May';
const BROADCAST = 'Five minutes left: pick one idea to share in plenary.';

const join = (page: Page, name: string, organisation: string) => joinWorkshop(page, joinLink, name, organisation);

/** The console's card for a room (an article named by its heading). */
const roomCard = (page: Page, name: string) => page.getByRole('article', { name });

describe('breakout rooms in the browser', () => {
  it('a facilitator creates a workshop and two people join, one on a phone', async () => {
    host = await person('laptop');
    const page = host.page;
    joinLink = await createWorkshop(page, 'Housing peer exchange', { organisation: true });
    await page.getByRole('heading', { name: 'Breakout rooms' }).waitFor();

    amal = await person('phone');
    await join(amal.page, 'Amal Haddad', 'Refugee Aid Jordan');
    bilal = await person('laptop');
    await join(bilal.page, 'Bilal Osman', 'Welcome Network');
    await expect.poll(() => page.getByText('3 online of 3 people').isVisible()).toBe(true);
  });

  it('the facilitator previews two rooms, sees the report, and opens them', async () => {
    const page = host.page;
    await page.getByRole('button', { name: 'Set up breakout rooms' }).click();
    await page.getByRole('textbox', { name: 'Rooms', exact: true }).fill('2');
    await page.getByLabel('How people are grouped').selectOption({ label: 'Mix by Organisation' });
    await page.getByText('Each room gets as many different answers as possible').waitFor();
    await screenshots(page, 'breakouts-setup');
    await page.getByRole('button', { name: 'Preview the rooms' }).click();

    await page.getByRole('heading', { name: 'Preview: 2 rooms for 2 people' }).waitFor();
    await page.getByText('No one meets anyone again.').waitFor();
    await page.getByText('Nobody sits with a colleague.').waitFor();
    // one person per room: the two organisations are split
    await expect.poll(() => roomCard(page, 'Room 1').getByText(/Amal Haddad|Bilal Osman/).count()).toBe(1);
    await expect.poll(() => roomCard(page, 'Room 2').getByText(/Amal Haddad|Bilal Osman/).count()).toBe(1);

    // rename a room in the preview
    await page.getByRole('button', { name: 'Edit Room 1' }).click();
    await page.locator('#room-r1-name-input').fill('Housing');
    await page.locator('#room-r1-topic').fill('Finding homes for newcomers');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await roomCard(page, 'Housing').waitFor();
    await screenshots(page, 'breakouts-preview');

    await page.locator('#bo-minutes').fill('3');
    await page.getByRole('button', { name: 'Open the rooms' }).click();
    await page.getByRole('heading', { name: 'Time left in the rooms' }).waitFor();
    amalRoom = (await roomCard(page, 'Housing').getByText('Amal Haddad').count()) ? 'Housing' : 'Room 2';
  });

  it('both participants see their room, roommates and the countdown', async () => {
    for (const [p, room] of [
      [amal, amalRoom],
      [bilal, amalRoom === 'Housing' ? 'Room 2' : 'Housing'],
    ] as const) {
      await p.page.getByRole('heading', { name: room, exact: true }).waitFor();
      await p.page.getByRole('heading', { name: 'Time left in your room' }).waitFor();
      const left = await countdownSeconds(p.page);
      expect(left).toBeGreaterThan(170);
      expect(left).toBeLessThanOrEqual(180);
    }
    await amal.page.getByText('In this room (1 person)').waitFor();
    if (amalRoom === 'Housing') await amal.page.getByText('Finding homes for newcomers').waitFor();
  });

  it('a participant writes notes and asks for help; the facilitator sees both', async () => {
    const notes = amal.page.getByLabel('Shared notes for this room');
    await notes.fill(NOTES);
    await amal.page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await amal.page.getByRole('button', { name: 'Ask for help' }).click();
    await amal.page.getByText('Help has been asked for. A facilitator will come soon.').waitFor();

    const page = host.page;
    await page.getByRole('heading', { name: /Help calls/ }).waitFor();
    await page.getByText('1 help call', { exact: true }).waitFor();
    await expect.poll(() => page.getByText('Amal Haddad asks for help').first().isVisible()).toBe(true);
    const card = roomCard(page, amalRoom);
    await expect.poll(async () => (await card.locator('.notes-text').textContent()) ?? '').toBe(NOTES);
    await card.getByText('Last edited by Amal Haddad').waitFor();
  });

  it('the facilitator broadcasts and acknowledges; participants see both', async () => {
    const page = host.page;
    await page.getByLabel('Message to all rooms').fill(BROADCAST);
    await page.getByRole('button', { name: 'Send to all rooms' }).click();
    await page.getByRole('button', { name: `Acknowledge the help call from ${amalRoom}` }).click();
    await page.getByText('Amal Haddad asked for help (answered: on the way)').first().waitFor();
    await screenshots(page, 'breakouts-running');

    for (const p of [amal, bilal]) {
      await p.page.getByRole('alert').filter({ hasText: BROADCAST }).waitFor();
    }
    await amal.page.getByText('Help is on the way.').waitFor();
    await screenshots(amal.page, 'breakout-room');
  });

  it('a visit clears the help call and shows the facilitator in the room', async () => {
    const page = host.page;
    await page.getByRole('button', { name: `Visit ${amalRoom}` }).first().click();
    await page.getByText(`You are visiting ${amalRoom}: its members see you there.`).waitFor();
    await amal.page.getByText('Rahel Tesfaye (Host) is here').waitFor();
    await expect.poll(() => page.getByRole('heading', { name: /Help calls/ }).count()).toBe(0);
    await amal.page.getByRole('button', { name: 'Ask for help' }).waitFor();
    await page.getByRole('button', { name: 'Back to plenary' }).first().click();
    await expect.poll(() => amal.page.getByText('Rahel Tesfaye (Host) is here').count()).toBe(0);
  });

  it('"Close now" brings everyone back to plenary, where they read what the rooms said', async () => {
    const page = host.page;
    await page.getByRole('button', { name: 'Close now' }).click();
    await page.getByText(/Close all rooms now\?/).waitFor();
    await page.getByRole('button', { name: 'Yes, close now' }).click();
    await page.getByRole('heading', { name: 'Past rounds' }).waitFor();
    await page.getByText(/Round 1: 2 rooms, 2 people/).waitFor();

    for (const p of [amal, bilal]) {
      await p.page.getByRole('heading', { name: 'Now' }).waitFor();
      await p.page.getByRole('heading', { name: 'What the rooms said' }).waitFor();
      await expect.poll(async () => (await p.page.locator('.harvest .notes').allTextContents()).includes(NOTES)).toBe(true);
    }
    await screenshots(amal.page, 'breakouts-harvest');

    await page.getByRole('button', { name: 'Show' }).click();
    await expect.poll(async () => (await page.locator('.harvest .notes').allTextContents()).includes(NOTES)).toBe(true);
    await screenshots(page, 'breakouts-after');
  });

  it('ran without errors in any page', () => {
    expect(everyone.flatMap((p) => p.errors)).toEqual([]);
  });
});
