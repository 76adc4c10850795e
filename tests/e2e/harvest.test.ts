import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshots, type Person } from './browser.ts';
import { createWorkshop, joinWorkshop, partScreenshots, useTestWorkshop } from './workshop.ts';

/**
 * The harvest page through the real UI: a participant answers a check-in; the facilitator opens the
 * harvest page and sees the answer; the poll's area is set to shareable and a Markdown export
 * carries the answer and says it holds shareable areas only; set back to workshop, an export
 * leaves it out. The facilitator forgets a second participant's details on request, and the record
 * no longer has their name. Finally the host deletes the workshop with its join code, and the
 * participant's screen says the workshop was deleted.
 */

const env = useTestWorkshop('indaba-e2e-harvest-');
const { person, everyone } = env;

let host: Person;
let amal: Person;
let bilal: Person;
let joinLink = '';
let workshopId = '';

const CHECKIN = 'What brings you here today?';
const ANSWER = 'Finding a lawyer for asylum appeals in Lviv';

const pollCard = (page: Page, question: string) => page.getByRole('article', { name: question });
/** On the harvest page: the privacy radios of one area, a group named "Who may see this: <area>". */
const privacyOf = (scope: Locator) => scope.getByRole('group', { name: /^Who may see this/ });
const harvestUrl = () => `/w/${workshopId}/harvest`;

async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const exportCard = page.getByRole('region', { name: 'Export' });
  const [file] = await Promise.all([page.waitForEvent('download'), exportCard.getByRole('button', { name: button }).click()]);
  const saved = await file.path();
  return { name: file.suggestedFilename(), text: fs.readFileSync(saved, 'utf8') };
}

async function setLevel(page: Page, question: string, level: 'Room only' | 'Workshop' | 'Shareable') {
  const group = privacyOf(pollCard(page, question));
  await group.getByRole('radio', { name: new RegExp(`^${level}`) }).check();
  await group.getByText(`Saved: ${level}.`).waitFor();
  await expect.poll(() => group.getByRole('radio', { name: new RegExp(`^${level}`) }).isChecked()).toBe(true);
}

describe('the harvest page in the browser', () => {
  it('a facilitator creates a workshop and two people join', async () => {
    host = await person('laptop');
    joinLink = await createWorkshop(host.page, 'Housing rights network: spring exchange');
    await host.page.getByRole('heading', { name: 'Polls', exact: true }).waitFor();
    workshopId = new URL(host.page.url()).pathname.split('/')[2] ?? '';
    expect(workshopId).not.toBe('');

    amal = await person('phone');
    await joinWorkshop(amal.page, joinLink, 'Amal Haddad');
    bilal = await person('laptop');
    await joinWorkshop(bilal.page, joinLink, 'Bilal Osman');
    await expect.poll(() => host.page.getByText('3 online of 3 people').isVisible()).toBe(true);
  });

  it('a participant answers a check-in in plenary', async () => {
    const page = host.page;
    await page.getByRole('button', { name: 'New poll' }).click();
    await page.getByRole('radio', { name: /^Check-in or check-out/ }).check();
    await page.getByLabel('Question', { exact: true }).fill(CHECKIN);
    await page.getByRole('button', { name: 'Save poll' }).click();
    const card = pollCard(page, CHECKIN);
    await card.getByText('Draft', { exact: true }).waitFor();
    await card.getByRole('button', { name: 'Launch in plenary' }).click();

    await amal.page.getByRole('heading', { name: CHECKIN }).waitFor();
    await amal.page.getByLabel('Your answer').fill(ANSWER);
    await pollCard(amal.page, CHECKIN).getByRole('button', { name: 'Send answer' }).click();
    await pollCard(amal.page, CHECKIN).getByText('Your answer is in').waitFor();
    await card.getByText(ANSWER).waitFor();
    await card.getByRole('button', { name: 'Close poll' }).click();
    await card.getByText('Closed', { exact: true }).waitFor();
  });

  it('the facilitator opens the harvest page and sees the answer, each area at the default level', async () => {
    const page = host.page;
    await page.goto(harvestUrl());
    await page.getByRole('heading', { level: 1, name: 'Housing rights network: spring exchange' }).waitFor();
    await page.getByText(/^Made at /).waitFor();
    const poll = pollCard(page, CHECKIN);
    await poll.getByText(ANSWER).waitFor();
    await expect.poll(() => privacyOf(poll).getByRole('radio', { name: /^Workshop/ }).isChecked()).toBe(true);
    // every level is explained in plain words next to the choice
    await privacyOf(poll).getByText('Only the people in that room and the facilitators. Never exported.').waitFor();
    await page.getByText(/^Exports contain only areas set to shareable: 0 of \d+ areas$/).waitFor();
    await page.getByRole('region', { name: 'Attendance' }).getByText('Show the people', { exact: false }).waitFor();
    await screenshots(page, 'harvest-page');
  });

  it('set to shareable, the answer is in a Markdown export that says it holds shareable areas only', async () => {
    const page = host.page;
    await setLevel(page, CHECKIN, 'Shareable');
    await page.getByText(/^Exports contain only areas set to shareable: 1 of \d+ areas$/).waitFor();
    const file = await download(page, 'Markdown');
    expect(file.name).toMatch(/\.md$/);
    expect(file.text).toContain(ANSWER);
    expect(file.text).toMatch(/shareable/i);
    await page.getByText(`Downloaded ${file.name}.`).waitFor();
  });

  it('set back to workshop, an export leaves the answer out and lists the poll as left out', async () => {
    const page = host.page;
    await setLevel(page, CHECKIN, 'Workshop');
    await page.getByText(/^Exports contain only areas set to shareable: 0 of \d+ areas$/).waitFor();
    await page.getByText(new RegExp(`^Left out: .*${CHECKIN.replace('?', '\\?')}`)).waitFor();
    // attendance counts are always in an export; the area is the names and profiles
    await page.getByText(/^Left out: Attendance: names and profiles; /).waitFor();
    const file = await download(page, 'Markdown');
    expect(file.text).not.toContain(ANSWER);
    expect(file.text).toMatch(/shareable/i);
    const json = await download(page, 'JSON');
    expect(json.text).not.toContain(ANSWER);
  });

  it('on request, a facilitator forgets a participant’s details: their name leaves the record', async () => {
    const page = host.page;
    await page.goto(`/w/${workshopId}`);
    await page.getByRole('button', { name: 'Forget details of Bilal Osman' }).click();
    await page.getByText(/cannot be undone/).waitFor();
    await partScreenshots(page, (p) => p.getByRole('region', { name: /^People/ }), 'harvest-forget-confirm');
    await page.getByRole('button', { name: 'Yes, forget' }).click();
    await expect.poll(() => page.getByRole('rowheader', { name: 'Bilal Osman' }).count()).toBe(0);

    await page.goto(harvestUrl());
    const attendance = page.getByRole('region', { name: 'Attendance' });
    await attendance.getByText(/^Show the people/).click();
    await attendance.getByText('Amal Haddad').waitFor();
    expect(await attendance.getByText('Bilal Osman').count()).toBe(0);
  });

  it('the host deletes the workshop with its join code, and the participant is told', async () => {
    const page = host.page;
    const danger = page.getByRole('region', { name: 'Delete this workshop and everything in it' });
    const code = new URL(joinLink).pathname.split('/').pop() ?? '';
    const input = danger.getByLabel(/^To confirm, type the join code/);
    await input.fill('WRONG1');
    await danger.getByRole('button', { name: 'Delete the workshop' }).click();
    await danger.getByText('That is not this workshop’s join code.', { exact: false }).waitFor();
    await input.fill(code);
    await danger.getByRole('button', { name: 'Delete the workshop' }).click();
    await page.getByRole('heading', { name: 'The workshop was deleted' }).waitFor();

    await amal.page.getByRole('heading', { name: 'This workshop has ended' }).waitFor();
    await amal.page.getByText(/deleted/i).first().waitFor();
    await screenshots(page, 'harvest-deleted');
    await screenshots(amal.page, 'harvest-deleted-participant');

    // the links no longer open anything: the harvest page says how to get here instead
    await page.goto(harvestUrl());
    await page.getByRole('heading', { name: 'Open the harvest from the facilitator console' }).waitFor();
  });

  it('ran without errors in any page', () => {
    // the server ends every connection when the workshop is deleted; the browser may log that
    const networkNoise = /WebSocket connection to|Failed to load resource/;
    expect(everyone.flatMap((p) => p.errors).filter((e) => !networkNoise.test(e))).toEqual([]);
  });
});
