import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshots, type Person } from './browser.ts';
import { countdownSeconds, createWorkshop, joinWorkshop, useTestWorkshop } from './workshop.ts';

/**
 * World café and networking through the real UI: the facilitator plans two hosted tables (one host
 * is a participant) for two rounds and starts; everyone sees their table; the participant host
 * writes notes; the facilitator ends the round; a mover sees where they go next during the move and
 * then sits at the new table, where the host is briefed with round 1's notes; the café ends and the
 * notes are in the harvest. Then a networking session with an odd number of people makes a trio.
 */

const env = useTestWorkshop('indaba-e2e-cafe-');
const { person, everyone } = env;

let host: Person;
let amina: Person;
let yusuf: Person;
let chidi: Person;
let joinLink = '';
/** Yusuf's table in round 1: he moves to the other one in round 2. */
let yusufFirst = '';

const NOTES = 'Round 1 said: pool small grants\nand ask the city for matched funding';
const TABLES = { a: 'Housing', b: 'Funding models' } as const;
const other = (table: string) => (table === TABLES.a ? TABLES.b : TABLES.a);

const join = (page: Page, name: string) => joinWorkshop(page, joinLink, name);

/** The name of the table this participant sits at (the café screen's main heading). */
async function tableName(page: Page): Promise<string> {
  const heading = page.locator('#cafe-table-name');
  await heading.waitFor();
  return ((await heading.textContent()) ?? '').trim();
}

describe('world café and networking in the browser', () => {
  it('a facilitator creates a workshop and three people join, two on phones', async () => {
    host = await person('laptop');
    const page = host.page;
    joinLink = await createWorkshop(page, 'Neighbourhood funds');
    await page.getByRole('heading', { name: 'World café & networking' }).waitFor();

    amina = await person('phone');
    await join(amina.page, 'Amina Diallo');
    yusuf = await person('phone');
    await join(yusuf.page, 'Yusuf Kamara');
    chidi = await person('laptop');
    await join(chidi.page, 'Chidi Okafor');
    await expect.poll(() => page.getByText('4 online of 4 people').isVisible()).toBe(true);
  });

  it('the facilitator plans two hosted tables for two rounds and sees the plan in plain words', async () => {
    const page = host.page;
    await page.getByRole('button', { name: 'Set up a world café or networking' }).click();
    await page.locator('#cafe-name-0').fill(TABLES.a);
    await page.locator('#cafe-topic-0').fill('Finding homes for newcomers');
    await page.locator('#cafe-host-0').selectOption({ label: 'Rahel Tesfaye (you)' });
    await page.locator('#cafe-name-1').fill(TABLES.b);
    await page.locator('#cafe-topic-1').fill('Grants, loans and pooled money');
    await page.locator('#cafe-question-1').fill('What would you fund first?');
    await page.locator('#cafe-host-1').selectOption({ label: 'Amina Diallo' });
    await page.getByLabel('Rounds').fill('2');
    await page.getByLabel('Minutes per round').fill('0.5');
    await page.getByLabel('Time to move (seconds)').fill('20');
    await page.getByRole('button', { name: 'Plan the rounds' }).click();

    await page.getByRole('heading', { name: /The plan/ }).waitFor();
    await page.getByText('4 people · 2 rounds').waitFor();
    await page.getByText('Every pair meets at most once; nobody visits a table twice.').waitFor();
    // hosts stay: each host heads their table in both rounds
    for (const round of [1, 2]) {
      const list = page.getByRole('region', { name: `Round ${round}`, exact: true });
      await expect.poll(async () => (await list.locator('.is-host').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim())).toEqual([
        'Rahel Tesfaye (host)',
        'Amina Diallo (host)',
      ]);
    }
    await screenshots(page, 'cafe-plan');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('heading', { name: 'Time left in this round' }).waitFor();
  });

  it('everyone sees their table, the host sees she hosts, and the countdown runs', async () => {
    await amina.page.getByRole('heading', { name: TABLES.b }).waitFor();
    await amina.page.getByText('You host this table', { exact: true }).waitFor();
    await amina.page.getByText('What would you fund first?').waitFor();
    for (const p of [amina, yusuf, chidi]) {
      await p.page.getByText('World café · Round 1 of 2').waitFor();
      const left = await countdownSeconds(p.page);
      expect(left).toBeGreaterThan(20);
      expect(left).toBeLessThanOrEqual(30);
    }
    yusufFirst = await tableName(yusuf.page);
    expect([TABLES.a, TABLES.b]).toContain(yusufFirst);
    expect(await tableName(chidi.page)).toBe(other(yusufFirst));
    await yusuf.page.getByText(yusufFirst === TABLES.a ? 'Host: Rahel Tesfaye' : 'Host: Amina Diallo').waitFor();
  });

  it('the participant host writes notes; the facilitator sees them live', async () => {
    await amina.page.getByLabel('Shared notes for this table, round 1').fill(NOTES);
    await amina.page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await screenshots(amina.page, 'cafe-table');

    const card = host.page.getByRole('article', { name: TABLES.b });
    await expect.poll(async () => (await card.locator('.notes-text').first().textContent()) ?? '').toBe(NOTES);
    await screenshots(host.page, 'cafe-running');
  });

  it('"Next round now" starts the move: movers see where they go, hosts stay', async () => {
    await host.page.getByRole('button', { name: 'Next round now' }).click();
    const to = other(yusufFirst);
    const move = yusuf.page.getByTestId('cafe-next');
    await move.getByRole('heading', { name: 'Next: Round 2' }).waitFor();
    await move.getByText(to, { exact: true }).waitFor();
    await move.getByText(to === TABLES.a ? 'host Rahel Tesfaye' : 'host Amina Diallo').waitFor();
    await yusuf.page.getByRole('heading', { name: 'Moving in' }).waitFor();
    const left = await countdownSeconds(yusuf.page);
    expect(left).toBeGreaterThan(10);
    expect(left).toBeLessThanOrEqual(20);
    await amina.page.getByTestId('cafe-next').getByText(`You stay at ${TABLES.b} and welcome the next group`).waitFor();
    await screenshots(yusuf.page, 'cafe-moving');
  });

  it('round 2 starts: the mover is at the new table and the host is briefed with round 1', async () => {
    await host.page.getByRole('button', { name: 'Start the next round now' }).click();
    await yusuf.page.getByText('World café · Round 2 of 2').waitFor();
    await expect.poll(() => tableName(yusuf.page)).toBe(other(yusufFirst));
    await yusuf.page.getByText('This is the last round').waitFor();
    await expect.poll(() => tableName(chidi.page)).toBe(yusufFirst);

    const briefing = amina.page.getByRole('region', { name: 'Earlier rounds at this table' });
    await briefing.getByRole('heading', { name: 'Round 1' }).waitFor();
    await expect.poll(async () => (await briefing.locator('.earlier-text').textContent()) ?? '').toBe(NOTES);
    // this round's notes start empty
    await expect.poll(() => amina.page.getByLabel('Shared notes for this table, round 2').inputValue()).toBe('');
    // only the host is briefed
    await expect.poll(() => yusuf.page.getByText('Earlier rounds at this table').count()).toBe(0);
    await screenshots(amina.page, 'cafe-host-briefing');
  });

  it('"End café" brings everyone back; the harvest shows the table notes by round', async () => {
    const page = host.page;
    await page.getByRole('button', { name: 'End café' }).click();
    await page.getByRole('button', { name: 'Yes, end it' }).click();
    await page.getByText('The café has ended.', { exact: false }).waitFor();
    await expect.poll(async () => (await page.locator('.cafe-panel .harvest .notes').allTextContents()).includes(`Round 1:\n${NOTES}`)).toBe(true);

    for (const p of [amina, yusuf, chidi]) {
      await p.page.getByRole('heading', { name: 'Now' }).waitFor();
      await p.page.getByRole('heading', { name: 'What the rooms said' }).waitFor();
      await p.page.getByRole('heading', { name: /World café 1, closed at/ }).waitFor();
      await expect.poll(async () => (await p.page.locator('.harvest .notes').allTextContents()).includes(`Round 1:\n${NOTES}`)).toBe(true);
    }
    await screenshots(yusuf.page, 'cafe-harvest');
    await screenshots(page, 'cafe-after');
  });

  it('networking with three people makes a trio, with the round prompt', async () => {
    const page = host.page;
    await page.getByRole('button', { name: 'Set up a world café or networking' }).click();
    await page.getByLabel('1-to-1 networking').check();
    await page.getByLabel('Rounds').fill('2');
    await page.getByLabel('Minutes per round').fill('3');
    await page.getByText('A prompt per round').click();
    await page.locator('#cafe-prompt-0').fill('What brought you to this work?');
    await page.getByRole('button', { name: 'Plan the rounds' }).click();
    await page.getByText('3 people · 2 rounds').waitFor();
    await page.getByRole('button', { name: 'Start', exact: true }).click();

    for (const [p, others] of [
      [amina, ['Yusuf Kamara', 'Chidi Okafor']],
      [yusuf, ['Amina Diallo', 'Chidi Okafor']],
    ] as const) {
      await p.page.getByText('Networking · Round 1 of 2').waitFor();
      const heading = await tableName(p.page);
      expect(heading.startsWith('You, ')).toBe(true);
      for (const name of others) expect(heading).toContain(name);
      await p.page.getByText('What brought you to this work?').waitFor();
    }
    await screenshots(yusuf.page, 'networking-trio');
    await page.getByRole('button', { name: 'End networking' }).click();
    await page.getByRole('button', { name: 'Yes, end it' }).click();
    await yusuf.page.getByRole('heading', { name: 'Now' }).waitFor();
  });

  it('ran without errors in any page', () => {
    expect(everyone.flatMap((p) => p.errors)).toEqual([]);
  });
});
