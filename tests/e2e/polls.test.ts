import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshots, type Person } from './browser.ts';
import { createWorkshop, joinWorkshop, useTestWorkshop } from './workshop.ts';

/**
 * Polls through the real UI: the facilitator prepares a single-choice poll, a word cloud and an
 * anonymous check-out question; participants (one on a phone) answer on the page and one changes
 * their answer; the facilitator watches the counts change, closes, launches the word cloud where
 * "Trust" and "trust " are one word, exports, and an anonymous wall carries no names; then a
 * scale runs in every breakout room at once, hidden until revealed, with results per room.
 */

const env = useTestWorkshop('indaba-e2e-polls-');
const { person, everyone } = env;

let host: Person;
let amal: Person;
let bilal: Person;
let joinLink = '';

const CHOICE = 'Which topic should we start with?';
const CLOUD = 'One word for how you feel today';
const CHECKOUT = 'What will you take home from today?';
const SCALE = 'How useful was your room conversation?';

const join = (page: Page, name: string) => joinWorkshop(page, joinLink, name);

/** A poll in the console, or on a participant's page: an article named by its question. */
const pollCard = (page: Page, question: string) => page.getByRole('article', { name: question });

/** A row of a results table (read by screen readers; the bars say the same). */
const row = (scope: Locator | Page, name: string) => scope.getByRole('row', { name, exact: true });

async function createPoll(page: Page, fill: () => Promise<void>, question: string) {
  await page.getByRole('button', { name: 'New poll' }).click();
  await fill();
  await page.getByRole('button', { name: 'Save poll' }).click();
  await pollCard(page, question).getByText('Draft', { exact: true }).waitFor();
}

async function download(page: Page, card: Locator, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: button }).click()]);
  const saved = await file.path();
  return { name: file.suggestedFilename(), text: fs.readFileSync(saved, 'utf8') };
}

describe('polls in the browser', () => {
  it('a facilitator creates a workshop and two people join, one on a phone', async () => {
    host = await person('laptop');
    const page = host.page;
    joinLink = await createWorkshop(page, 'Newcomer support forum');
    await page.getByRole('heading', { name: 'Polls', exact: true }).waitFor();

    amal = await person('phone');
    await join(amal.page, 'Amal Haddad');
    bilal = await person('laptop');
    await join(bilal.page, 'Bilal Osman');
    await expect.poll(() => page.getByText('3 online of 3 people').isVisible()).toBe(true);
  });

  it('the facilitator prepares a single-choice poll, a word cloud and an anonymous check-out', async () => {
    const page = host.page;
    await createPoll(
      page,
      async () => {
        await page.getByLabel('Question', { exact: true }).fill(CHOICE);
        await page.getByRole('textbox', { name: 'Option 1' }).fill('Housing');
        await page.getByRole('textbox', { name: 'Option 2' }).fill('Jobs');
        await page.getByRole('textbox', { name: 'Option 3' }).fill('Language classes');
        await page.getByRole('checkbox', { name: /^Anonymous/ }).uncheck();
      },
      CHOICE,
    );
    await createPoll(
      page,
      async () => {
        await page.getByRole('radio', { name: /^Word cloud/ }).check();
        await page.getByLabel('Question', { exact: true }).fill(CLOUD);
      },
      CLOUD,
    );
    // a draft can still change: two words per person instead of three
    await pollCard(page, CLOUD).getByRole('button', { name: `Edit “${CLOUD}”` }).click();
    await page.getByRole('heading', { name: 'Edit poll' }).waitFor();
    await expect.poll(() => page.getByLabel('Words per person').inputValue()).toBe('3');
    await page.getByLabel('Words per person').fill('2');
    await page.getByRole('button', { name: 'Save poll' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Edit poll' }).count()).toBe(0);
    await createPoll(
      page,
      async () => {
        await page.getByRole('radio', { name: /^Check-in or check-out/ }).check();
        await page.getByLabel('Question', { exact: true }).fill(CHECKOUT);
        await page.getByRole('radio', { name: 'Check-out, at the end' }).check();
      },
      CHECKOUT,
    );
    await expect.poll(() => pollCard(page, CHOICE).getByText('Named', { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => pollCard(page, CHECKOUT).getByText('Anonymous', { exact: true }).isVisible()).toBe(true);
    // no rooms are open, so a poll can only run in plenary
    expect(await page.getByRole('button', { name: 'Launch in all rooms' }).count()).toBe(0);
    // drafts are the facilitator's: participants see nothing yet
    expect(await amal.page.getByRole('heading', { name: CHOICE }).count()).toBe(0);
  });

  it('participants answer on the page, one changes their mind, and the facilitator sees the counts change', async () => {
    const page = host.page;
    const card = pollCard(page, CHOICE);
    await card.getByRole('button', { name: 'Launch in plenary' }).click();
    await card.getByText('Open in plenary').waitFor();

    await amal.page.getByRole('heading', { name: CHOICE }).waitFor();
    await amal.page.getByRole('radio', { name: 'Housing' }).check();
    await screenshots(amal.page, 'polls-participant-answering');
    await amal.page.getByRole('button', { name: 'Send answer' }).click();
    await amal.page.getByText('Your answer is in — you can change it until the poll closes.').waitFor();

    await bilal.page.getByRole('radio', { name: 'Jobs' }).check();
    await bilal.page.getByRole('button', { name: 'Send answer' }).click();
    await bilal.page.getByText('Your answer is in — you can change it until the poll closes.').waitFor();

    await row(card, 'Housing 1 50%').waitFor();
    await row(card, 'Jobs 1 50%').waitFor();
    await card.getByText('2 responses', { exact: true }).waitFor();

    await amal.page.getByRole('radio', { name: 'Jobs' }).check();
    await amal.page.getByRole('button', { name: 'Change answer' }).click();
    await row(card, 'Jobs 2 100%').waitFor();
    await row(card, 'Housing 0 0%').waitFor();
    await card.getByText('2 responses', { exact: true }).waitFor();
    // live results: participants see the same counts
    await row(bilal.page, 'Jobs 2 100%').waitFor();
    await screenshots(page, 'polls-console-chart');
  });

  it('the facilitator closes the poll; participants keep the results; the results export as CSV', async () => {
    const page = host.page;
    const card = pollCard(page, CHOICE);
    await card.getByRole('button', { name: 'Close poll' }).click();
    await card.getByText('Closed', { exact: true }).waitFor();

    await amal.page.getByText('This poll is closed.').waitFor();
    await row(amal.page, 'Jobs 2 100%').waitFor();
    expect(await amal.page.getByRole('button', { name: /Send answer|Change answer/ }).count()).toBe(0);
    await screenshots(amal.page, 'polls-participant-results');

    // answers are exported only once the poll is shareable: the card says so and offers it
    await card.getByText('Answers are exported only when the poll is set to shareable.').waitFor();
    await card.getByRole('button', { name: 'Make shareable' }).click();
    const csv = await download(page, card, 'Results (CSV)');
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.text).toContain('Jobs');
    await card.getByText(`Downloaded ${csv.name}.`).waitFor();
  });

  it('a word cloud counts "Trust" and "trust " as one word', async () => {
    const page = host.page;
    const card = pollCard(page, CLOUD);
    await card.getByRole('button', { name: 'Launch in plenary' }).click();
    await card.getByText('Open in plenary').waitFor();

    for (const [p, word] of [
      [amal, 'Trust'],
      [bilal, 'trust '],
    ] as const) {
      await p.page.getByRole('heading', { name: CLOUD }).waitFor();
      expect(await p.page.getByLabel(/^Word \d$/).count()).toBe(2);
      await p.page.getByLabel('Word 1').fill(word);
      await pollCard(p.page, CLOUD).getByRole('button', { name: 'Send answer' }).click();
      await pollCard(p.page, CLOUD).getByText('Your answer is in').waitFor();
    }

    await row(card, 'Trust 2').waitFor();
    await card.getByText('1 different word').waitFor();
    await expect.poll(() => card.locator('.cloud li').allTextContents()).toEqual(['Trust']);
    await screenshots(page, 'polls-console-wordcloud');
    await expect.poll(() => pollCard(amal.page, CLOUD).locator('.cloud li').allTextContents()).toEqual(['Trust']);
    await screenshots(amal.page, 'polls-participant-wordcloud');
    await card.getByRole('button', { name: 'Close poll' }).click();
    await card.getByText('Closed', { exact: true }).waitFor();
  });

  it('an anonymous poll shows the facilitator answers without names, and exports none', async () => {
    const page = host.page;
    const card = pollCard(page, CHECKOUT);
    await card.getByRole('button', { name: 'Launch in plenary' }).click();
    for (const [p, text] of [
      [amal, 'Contacts for housing in my city'],
      [bilal, 'Courage to ask for help'],
    ] as const) {
      await p.page.getByRole('heading', { name: CHECKOUT }).waitFor();
      await p.page.getByLabel('Your answer').fill(text);
      await pollCard(p.page, CHECKOUT).getByRole('button', { name: 'Send answer' }).click();
      await pollCard(p.page, CHECKOUT).getByText('Your answer is in').waitFor();
    }
    await card.getByText('Contacts for housing in my city').waitFor();
    await card.getByText('Courage to ask for help').waitFor();
    const shown = (await card.textContent()) ?? '';
    expect(shown).not.toContain('Amal');
    expect(shown).not.toContain('Bilal');
    // the poll's badge, and each note signed "Anonymous"
    expect(await card.getByText('Anonymous', { exact: true }).count()).toBe(3);

    await card.getByRole('button', { name: 'Make shareable' }).click();
    const responses = await download(page, card, 'Responses (CSV)');
    expect(responses.text).toContain('Courage to ask for help');
    expect(responses.text).not.toContain('Amal');
    expect(responses.text).not.toContain('Bilal');
    await screenshots(page, 'polls-console-anonymous');
  });

  it('a poll runs in every breakout room at once: answers per room, hidden until revealed', async () => {
    const page = host.page;
    await createPoll(
      page,
      async () => {
        await page.getByRole('radio', { name: /^Scale/ }).check();
        await page.getByLabel('Question', { exact: true }).fill(SCALE);
        await page.getByRole('radio', { name: 'Only when I reveal them' }).check();
      },
      SCALE,
    );
    await page.getByRole('button', { name: 'Set up breakout rooms' }).click();
    await page.getByRole('textbox', { name: 'Rooms', exact: true }).fill('2');
    await page.getByRole('button', { name: 'Preview the rooms' }).click();
    await page.getByRole('heading', { name: 'Preview: 2 rooms for 2 people' }).waitFor();
    await page.getByRole('button', { name: 'Open the rooms' }).click();
    await page.getByRole('heading', { name: 'Time left in the rooms' }).waitFor();

    const card = pollCard(page, SCALE);
    await card.getByRole('button', { name: 'Launch in all rooms' }).click();
    await card.getByText('Open in all rooms').waitFor();
    for (const [p, value] of [
      [amal, '4'],
      [bilal, '5'],
    ] as const) {
      await p.page.getByRole('heading', { name: 'Time left in your room' }).waitFor();
      const poll = pollCard(p.page, SCALE);
      await poll.getByText('In your room').waitFor();
      await poll.getByRole('radio', { name: value, exact: true }).check();
      await poll.getByRole('button', { name: 'Send answer' }).click();
      await poll.getByText('Your answer is in').waitFor();
      await poll.getByText('Results will be shown by the facilitator.').waitFor();
    }

    await card.getByText('All rooms together').waitFor();
    await card.getByText('2 responses', { exact: true }).waitFor();
    await card.getByText('Room 1 · 1 response').waitFor();
    await card.getByText('Room 2 · 1 response').waitFor();
    await card.getByText('Average: 4.5').waitFor();
    await card.getByText('Room 1 · 1 response').click();
    await card.getByText('Results hidden from participants').waitFor();
    await screenshots(page, 'polls-console-rooms');

    await card.getByRole('button', { name: 'Reveal results' }).click();
    await card.getByText('Results revealed to participants').waitFor();
    for (const [p, value] of [
      [amal, '4'],
      [bilal, '5'],
    ] as const) {
      const poll = pollCard(p.page, SCALE);
      await poll.getByText('Answers from your room').waitFor();
      await poll.getByText('1 response', { exact: true }).waitFor();
      // each room sees its own answer only
      await row(poll, `${value} 1`).waitFor();
    }
    await screenshots(amal.page, 'polls-participant-room');
  });

  it('ran without errors in any page', () => {
    expect(everyone.flatMap((p) => p.errors)).toEqual([]);
  });
});
