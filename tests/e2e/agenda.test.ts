import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { AgendaFile } from '../../shared/agenda.ts';
import { AGENDA_TEMPLATES } from '../../shared/agenda-templates.ts';
import { screenshots, type Person } from './browser.ts';
import { createWorkshop, joinWorkshop, partScreenshots, useTestWorkshop } from './workshop.ts';

/**
 * The run of show through the real UI: the facilitator plans from a template, exports it, imports
 * a file of their own instead (after a file that is not an agenda is refused in plain words), adds
 * a check-out segment by hand and moves it with the keyboard; two participants join (one on a
 * phone) and see the headings; "Start" opens the check-in question, they answer it, "+5 min" adds
 * time, "Next" moves everyone on to the welcome; a skipped segment turns "Next" into "Finish"; the
 * agenda finishes and everyone sees it is done.
 */

const env = useTestWorkshop('indaba-e2e-agenda-');
const { person, everyone } = env;

let host: Person;
let amal: Person;
let bilal: Person;
let joinLink = '';

const CHECKIN = 'How are you arriving today?';
const CHECKOUT = 'What will you take home?';
const CHECKIN_NOTES = 'Read two answers aloud.';
const WELCOME_NOTES = 'Introduce the co-hosts.';

/** The file a facilitator kept from another workshop: a check-in, then a welcome in plenary. */
const OWN_AGENDA = {
  indaba: 'agenda',
  version: 1,
  title: 'Network meeting',
  segments: [
    { id: 's1', title: 'Arrival check-in', minutes: 10, notes: CHECKIN_NOTES, activity: { kind: 'checkin', question: CHECKIN } },
    { id: 's2', title: 'Welcome and introductions', minutes: 15, notes: WELCOME_NOTES, activity: { kind: 'plenary' } },
  ],
};

const panel = (page: Page) => page.getByRole('region', { name: 'Agenda', exact: true });
const segmentList = (page: Page) => panel(page).getByRole('list', { name: 'Segments' });
const segmentTitles = (page: Page) => segmentList(page).getByRole('heading', { level: 3 }).allTextContents();
const strip = (page: Page) => page.getByTestId('participant-agenda');
const stripLine = async (page: Page) => ((await strip(page).locator('summary').textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** "14:58 left" on the current segment, in seconds. */
async function secondsLeft(page: Page): Promise<number> {
  const text = (await panel(page).getByTestId('agenda-current').getByRole('timer').textContent()) ?? '';
  const match = /(\d+):(\d\d) left/.exec(text);
  if (!match) throw new Error(`the current segment shows "${text}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

async function chooseFile(page: Page, file: string) {
  await panel(page).getByLabel('Import agenda').setInputFiles(file);
}

async function download(page: Page, button: Locator): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
}

describe('the agenda in the browser', () => {
  it('a facilitator creates a workshop and finds the agenda at the top of the console, with a harvest link', async () => {
    host = await person('laptop');
    const page = host.page;
    joinLink = await createWorkshop(page, 'Refugee support network meeting', { organisation: true });
    await panel(page).getByText('Planning', { exact: true }).waitFor();
    await panel(page).getByText('No segments yet. Add one, or start from a template.').waitFor();
    const harvest = page.getByRole('link', { name: /^Harvest/ });
    expect(await harvest.getAttribute('target')).toBe('_blank');
    expect(await harvest.getAttribute('href')).toMatch(/^\/w\/[^/]+\/harvest$/);
  });

  it('plans from a template and exports it as a file another workshop can import', async () => {
    const page = host.page;
    const template = AGENDA_TEMPLATES[0]!;
    await panel(page).getByRole('button', { name: 'Start from a template' }).click();
    await panel(page).getByRole('heading', { name: 'Start from a template' }).waitFor();
    await partScreenshots(page, panel, 'agenda-console-templates');
    await panel(page).getByRole('button', { name: `Use the template “${template.name}”` }).click();
    await panel(page).getByText(`Template “${template.name}” applied.`).waitFor();
    expect(await segmentTitles(page)).toEqual(template.segments.map((s) => s.title));
    const total = template.segments.reduce((sum, s) => sum + s.minutes, 0);
    await panel(page).getByText(`Total: ${Math.floor(total / 60)} h${total % 60 ? ` ${total % 60} min` : ''}`).waitFor();

    const file = await download(page, panel(page).getByRole('button', { name: 'Export agenda (JSON)' }));
    expect(file.name).toBe('agenda-refugee-support-network-meeting.json');
    const parsed = AgendaFile.safeParse(JSON.parse(file.text));
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data?.segments.map((s) => s.title)).toEqual(template.segments.map((s) => s.title));
    // notes travel with the file: they are the facilitator's own
    expect(parsed.data?.segments[0]?.notes).toBe(template.segments[0]?.notes ?? '');
  });

  it('refuses a file that is not an agenda in plain words, then imports one in place of the plan', async () => {
    const page = host.page;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'indaba-agenda-files-'));
    const notAgenda = path.join(dir, 'notes.json');
    fs.writeFileSync(notAgenda, 'Bring snacks');
    const own = path.join(dir, 'network-meeting.json');
    fs.writeFileSync(own, JSON.stringify(OWN_AGENDA));

    await chooseFile(page, notAgenda);
    await panel(page).getByRole('alert').filter({ hasText: 'This file is not an agenda: it is not JSON.' }).waitFor();

    const before = (await segmentTitles(page)).length;
    await chooseFile(page, own);
    await panel(page).getByText(`Importing “network-meeting.json” replaces the ${before} segments already planned. Replace them?`).waitFor();
    await panel(page).getByRole('button', { name: 'Replace', exact: true }).click();
    await panel(page).getByText('Imported 2 segments.').waitFor();
    expect(await segmentTitles(page)).toEqual(['Arrival check-in', 'Welcome and introductions']);
    await panel(page).getByText('Total: 25 min').waitFor();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('adds a check-out segment by hand (a missing title is pointed out) and moves it with the keyboard', async () => {
    const page = host.page;
    await panel(page).getByRole('button', { name: 'Add a segment' }).click();
    const editor = panel(page).getByRole('form', { name: 'New segment' });
    await editor.getByLabel('Activity').selectOption('checkout');
    await editor.getByLabel('Minutes').fill('10');
    await editor.getByRole('button', { name: 'Save segment' }).click();
    await editor.getByText('Give the segment a title.').waitFor();
    await editor.getByText('Type the question.').waitFor();
    // the first field to fix has the keyboard
    expect(await editor.getByLabel('Title', { exact: true }).evaluate((el) => el === document.activeElement)).toBe(true);

    await editor.getByLabel('Title', { exact: true }).fill('Closing round');
    await editor.getByLabel('Question').fill(CHECKOUT);
    await editor.getByLabel('Notes for facilitators').fill('Thank everyone by name.');
    await editor.getByRole('button', { name: 'Save segment' }).click();
    await expect.poll(() => segmentTitles(page)).toEqual(['Arrival check-in', 'Welcome and introductions', 'Closing round']);
    await panel(page).getByText('Check-out question', { exact: true }).waitFor();

    const up = panel(page).getByRole('button', { name: 'Move “Closing round” up' });
    await up.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => segmentTitles(page)).toEqual(['Arrival check-in', 'Closing round', 'Welcome and introductions']);
    // the keyboard stays with the segment that moved
    await expect.poll(() => up.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // "Move down"
    await expect.poll(() => segmentTitles(page)).toEqual(['Arrival check-in', 'Welcome and introductions', 'Closing round']);
    await partScreenshots(page, panel, 'agenda-console-planning');
  });

  it('offers each kind of activity its own settings', async () => {
    const page = host.page;
    await panel(page).getByRole('button', { name: 'Add a segment' }).click();
    const editor = panel(page).getByRole('form', { name: 'New segment' });
    const kind = editor.getByLabel('Activity');

    await kind.selectOption('breakouts');
    await editor.getByRole('radio', { name: 'A number of people per room' }).waitFor();
    // the workshop asks for an organisation, so rooms can mix organisations
    await editor.getByLabel('How people are grouped').selectOption({ label: 'Mix by Organisation' });
    await editor.getByLabel('Prompt for every room (optional)').waitFor();
    await partScreenshots(page, (p) => panel(p).getByRole('form', { name: 'New segment' }), 'agenda-editor-breakouts');

    await kind.selectOption('cafe');
    await editor.getByRole('group', { name: 'Table 3' }).waitFor();
    await editor.getByRole('button', { name: 'Add a table' }).click();
    await editor.getByRole('group', { name: 'Table 4' }).getByLabel('Topic').fill('Housing');
    await editor.getByLabel('Minutes', { exact: true }).fill('20');
    // three rounds of twelve minutes and two moves of half a minute (37) do not fit in twenty: said before saving
    await editor.getByText('3 rounds need about 37 min; this segment has 20.').waitFor();
    await partScreenshots(page, (p) => panel(p).getByRole('form', { name: 'New segment' }), 'agenda-editor-cafe');

    await kind.selectOption('networking');
    await editor.getByRole('button', { name: 'Add a prompt' }).waitFor();
    await kind.selectOption('goAround');
    await editor.getByLabel('Seconds per person').waitFor();
    await kind.selectOption('poll');
    await editor.getByRole('button', { name: 'Write the poll' }).click();
    // the poll editor is a step of its own; saving the poll brings the segment back with it
    await panel(page).getByLabel('Question', { exact: true }).fill('Which topic first?');
    await panel(page).getByRole('textbox', { name: 'Option 1' }).fill('Housing');
    await panel(page).getByRole('textbox', { name: 'Option 2' }).fill('Jobs');
    await panel(page).getByRole('button', { name: 'Save poll' }).click();
    await editor.getByText('“Which topic first?”').waitFor();
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => segmentTitles(page)).toEqual(['Arrival check-in', 'Welcome and introductions', 'Closing round']);
  });

  it('participants join and see the headings, never the facilitators’ notes', async () => {
    amal = await person('phone');
    await joinWorkshop(amal.page, joinLink, 'Amal Haddad', 'Welcome Centre Lyon');
    bilal = await person('laptop');
    await joinWorkshop(bilal.page, joinLink, 'Bilal Osman', 'Open Doors');
    for (const p of [amal, bilal]) {
      await expect.poll(() => stripLine(p.page)).toBe('Agenda Coming up: Arrival check-in');
      await strip(p.page).locator('summary').click();
      await strip(p.page).getByText('Welcome and introductions').waitFor();
      expect(await p.page.getByText(CHECKIN_NOTES).count()).toBe(0);
      expect(await p.page.getByText('Thank everyone by name.').count()).toBe(0);
      // folded again: one line on the screen
      await strip(p.page).locator('summary').click();
      await expect.poll(() => strip(p.page).getByText('Welcome and introductions').isVisible()).toBe(false);
    }
  });

  it('“Start” opens the check-in for everyone; they answer; the facilitator sees time left, notes and drift, and adds five minutes', async () => {
    const page = host.page;
    await panel(page).getByRole('button', { name: 'Start the agenda: Arrival check-in' }).click();
    await panel(page).getByText('Running', { exact: true }).waitFor();
    const current = panel(page).getByTestId('agenda-current');
    await current.getByRole('heading', { name: 'Arrival check-in' }).waitFor();
    await current.getByText(CHECKIN_NOTES).waitFor();
    await panel(page).getByTestId('agenda-next-notes').getByText(WELCOME_NOTES).waitFor();
    await panel(page).getByTestId('agenda-drift').getByText('On time').waitFor();
    expect(await secondsLeft(page)).toBeGreaterThan(9 * 60);
    expect(await secondsLeft(page)).toBeLessThanOrEqual(10 * 60);

    for (const [p, answer] of [
      [amal, 'Tired but glad to be here'],
      [bilal, 'Curious about the café'],
    ] as const) {
      await expect.poll(() => stripLine(p.page)).toMatch(/^Agenda Now: Arrival check-in until \d\d:\d\d · Next: Welcome and introductions$/);
      await p.page.getByRole('heading', { name: CHECKIN }).waitFor();
      await p.page.getByLabel('Your answer').fill(answer);
      await p.page.getByRole('button', { name: 'Send answer' }).click();
      await p.page.getByText('Your answer is in').waitFor();
    }
    await page.getByText('Curious about the café').waitFor();

    await panel(page).getByRole('button', { name: 'Add 5 minutes to “Arrival check-in”' }).click();
    await expect.poll(() => secondsLeft(page)).toBeGreaterThan(14 * 60);
    await panel(page).getByTestId('agenda-drift').getByText('Running 5 minutes late').waitFor();

    await partScreenshots(page, panel, 'agenda-console-live');
    await screenshots(page, 'agenda-console');
    await screenshots(amal.page, 'agenda-participant-checkin');
  });

  it('“Next” ends the check-in and moves everyone on to the welcome', async () => {
    const page = host.page;
    await panel(page).getByRole('button', { name: 'Next: Welcome and introductions' }).click();
    await panel(page).getByTestId('agenda-current').getByRole('heading', { name: 'Welcome and introductions' }).waitFor();
    for (const p of [amal, bilal]) {
      await expect.poll(() => stripLine(p.page)).toMatch(/^Agenda Now: Welcome and introductions until \d\d:\d\d · Next: Closing round$/);
      await p.page.getByText('This poll is closed.').waitFor();
      expect(await p.page.getByRole('button', { name: 'Send answer' }).count()).toBe(0);
    }
    const done = segmentList(page).getByRole('article', { name: 'Arrival check-in' });
    await done.getByText('Done').waitFor();
    await done.getByText('took under a minute (planned 10 min)').waitFor();
    // the check-in took seconds instead of its 10 planned minutes (the 5 added are not used either): about 9 minutes ahead
    await panel(page).getByTestId('agenda-drift').getByText(/^[89] minutes ahead$/).waitFor();
  });

  it('skipping what is left turns “Next” into “Finish”; bringing it back undoes that', async () => {
    const page = host.page;
    await panel(page).getByRole('button', { name: 'Skip “Closing round”' }).click();
    await segmentList(page).getByRole('article', { name: 'Closing round' }).getByText('Skipped').waitFor();
    await panel(page).getByRole('button', { name: 'Finish the agenda' }).waitFor();
    await expect.poll(() => stripLine(amal.page)).toMatch(/^Agenda Now: Welcome and introductions until \d\d:\d\d$/);

    await panel(page).getByRole('button', { name: 'Bring back “Closing round”' }).click();
    await panel(page).getByRole('button', { name: 'Next: Closing round' }).waitFor();
    await strip(amal.page).locator('summary').click();
    await strip(amal.page).getByRole('list', { name: 'The agenda' }).waitFor();
    await screenshots(amal.page, 'agenda-participant-welcome');
  });

  it('“Finish agenda” asks first, ends the welcome and tells everyone the agenda is done', async () => {
    const page = host.page;
    await panel(page).getByRole('button', { name: 'Finish agenda' }).click();
    await panel(page).getByText('End “Welcome and introductions” and finish the agenda now?', { exact: false }).waitFor();
    await panel(page).getByRole('button', { name: 'Yes, finish now' }).click();
    await panel(page).getByText('Finished', { exact: true }).waitFor();
    await panel(page).getByText(/^The agenda finished at \d\d:\d\d\.$/).waitFor();
    await panel(page).getByTestId('agenda-drift').getByText(/^Ended \d+ minutes early$/).waitFor();
    // what never ran can still be started, but only on purpose: no big "Next" any more
    await panel(page).getByRole('button', { name: 'Carry on: Closing round' }).waitFor();
    expect(await panel(page).getByRole('button', { name: /^Next:/ }).count()).toBe(0);
    for (const p of [amal, bilal]) await expect.poll(() => stripLine(p.page)).toBe('Agenda All done');
    await partScreenshots(page, panel, 'agenda-console-finished');
  });

  it('the harvest page, opened from the console’s link, shows the agenda as it ran', async () => {
    const href = (await host.page.getByRole('link', { name: /^Harvest/ }).getAttribute('href')) ?? '';
    const page = await host.context.newPage();
    try {
      await page.goto(href);
      const agenda = page.getByRole('region', { name: 'Agenda as run' });
      const row = (title: string) => agenda.getByRole('row').filter({ has: page.getByRole('rowheader').getByText(title, { exact: true }) });
      await row('Arrival check-in').waitFor();
      // both segments ran: the check-in for seconds (planned 10 min), the welcome until the finish
      expect(await row('Arrival check-in').textContent()).toContain('10 min');
      await row('Welcome and introductions').waitFor();
      await agenda.getByText('Closing round', { exact: true }).waitFor();
      await page.getByRole('region', { name: /^Polls/ }).getByText('Tired but glad to be here').waitFor();
      await screenshots(page, 'agenda-harvest');
    } finally {
      await page.close();
    }
  });

  it('nobody’s page logged an error', () => {
    for (const p of everyone) expect(p.errors).toEqual([]);
  });
});
