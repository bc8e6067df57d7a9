import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, fitsWidth as fitsPage, inWindow as inPage, launchChromium, snap, startPlaygroundProcess, watchProblems, type StartedPlayground } from './browser.js';

/**
 * The playground as a newcomer meets it, in real Chromium at a laptop's 1366x768 and a phone's 390x844:
 * every view scrolls, the question box stays in reach, the phone layout is usable, the keyboard keeps its
 * place, the page runs under its CSP, and axe-core finds nothing serious.
 */
// The browser's globals the checks below read inside the page (the tests compile without the DOM library).
declare const document: { activeElement: { textContent: string | null } | null };
declare const window: { innerWidth: number };
declare function getComputedStyle(el: unknown): { overflowY: string };

let playground: StartedPlayground;
let browser: BrowserContext;
let page: Page;
const problems: string[] = [];

const QUESTIONS = ['How do I invite a teammate?', 'Why was I charged twice this month?', 'Can I talk to a human please?', 'How do I export my data?'];

beforeAll(async () => {
  [playground, browser] = await Promise.all([startPlaygroundProcess(), launchChromium()]);
  page = browser.pages()[0] ?? (await browser.newPage());
  // A CSP violation or a script error is reported on the console: the page must run clean under its own policy.
  watchProblems(page, problems);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(playground.url);
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
});

const thread = (text: string) => page.locator('article.thread', { hasText: text });
const view = () => page.locator('main .view');
const scroller = () => page.locator('main .scroll');

const inWindow = (locator: Locator) => inPage(page, locator);

/** The view's list is taller than its window, and scrolling it to the end shows `last`. */
async function scrollsTo(last: Locator): Promise<void> {
  expect(await scroller().evaluate((el) => el.scrollHeight > el.clientHeight && getComputedStyle(el).overflowY === 'auto')).toBe(true);
  await scroller().evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect.poll(() => inWindow(last)).toBe(true);
}

const fitsWidth = () => fitsPage(page);

const axe = () => axeViolations(page);

async function ask(text: string): Promise<void> {
  await page.getByLabel('New question').fill(text);
  await page.getByLabel('New question').press('Enter');
  await expect.poll(() => thread(text).locator('[data-role="bot"]').count()).toBeGreaterThan(0);
}

describe('the playground at 1366x768', () => {
  it('scrolls the conversation to the newest thread, and keeps the question box in reach after several questions', async () => {
    for (const q of QUESTIONS) await ask(q);
    expect(await inWindow(thread(QUESTIONS.at(-1)!))).toBe(true);
    expect(await inWindow(page.getByLabel('New question'))).toBe(true);
    await scrollsTo(thread(QUESTIONS.at(-1)!).getByLabel('Reply in thread'));
    await snap(page, 'layout-1366-room');
  });

  it('names the Why? button by its text, and puts the focus back on it when the panel closes', async () => {
    const why = thread(QUESTIONS[0]!).locator('button.why-link').first();
    const text = (await why.textContent())!.trim();
    expect(await page.getByRole('button', { name: text, exact: true }).count()).toBeGreaterThan(0);
    await why.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Close');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(text);
    await why.click();
    await page.locator('#why').getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(text);
  });

  it('scrolls a queue board to its last packet, and Claim leaves the focus on the packet\u2019s next action', async () => {
    await page.getByRole('link', { name: /queue-enterprise/ }).click();
    const packets = page.locator('article.packet');
    await expect.poll(() => packets.count()).toBe(2);
    await scrollsTo(packets.last().getByRole('button', { name: 'Claim' }));
    await packets.last().getByRole('button', { name: 'Claim' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => packets.last().locator('.pill').textContent()).toBe('Claimed by Jordan');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Release');
    await snap(page, 'layout-1366-board');
  });

  it('scrolls Report & review down to the export', async () => {
    await page.getByRole('link', { name: /Report & review/ }).click();
    await expect.poll(() => page.locator('.chart svg').count()).toBe(1);
    await scrollsTo(page.getByRole('link', { name: 'Download fine-tuning JSONL' }));
    await snap(page, 'layout-1366-lead');
  });
});

describe('the playground at 390x844 (a phone)', () => {
  it('folds the channels into a menu, and every view fits the width and scrolls', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${playground.url}/#room/acme`);
    await expect.poll(() => thread(QUESTIONS[0]!).count()).toBe(1);
    expect(await page.getByRole('link', { name: /queue-billing/ }).isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Channels' }).click();
    await page.getByRole('link', { name: /queue-billing/ }).click();
    await expect.poll(() => view().locator('h1').textContent()).toBe('# queue-billing');
    expect(await page.getByRole('button', { name: 'Channels' }).getAttribute('aria-expanded')).toBe('false');
    expect(await fitsWidth()).toBe(true);
    await snap(page, 'layout-390-board');
    await page.goto(`${playground.url}/#lead`);
    await expect.poll(() => page.locator('.chart svg').count()).toBe(1);
    expect(await page.locator('.chart svg').evaluate((svg) => svg.getBoundingClientRect().right <= window.innerWidth)).toBe(true);
    await scrollsTo(page.getByRole('link', { name: 'Download fine-tuning JSONL' }));
    expect(await fitsWidth()).toBe(true);
    await snap(page, 'layout-390-lead');
  });

  it('keeps a full-width question box in reach and usable after several questions', async () => {
    await page.goto(`${playground.url}/#room/acme`);
    await expect.poll(() => thread(QUESTIONS[0]!).count()).toBe(1);
    const box = page.getByLabel('New question');
    expect(await inWindow(box)).toBe(true);
    expect((await box.boundingBox())!.width).toBeGreaterThan(250);
    await ask('How do I change my password?');
    await expect.poll(() => inWindow(thread('How do I change my password?').getByLabel('Reply in thread'))).toBe(true);
    expect(await inWindow(box)).toBe(true);
    expect(await fitsWidth()).toBe(true);
    await snap(page, 'layout-390-room');
  });

  it('Why? covers the view on a phone and closes back to it', async () => {
    await thread('How do I change my password?').locator('button.why-link').first().click();
    expect(await inWindow(page.locator('#why').getByRole('button', { name: 'Close' }))).toBe(true);
    await snap(page, 'layout-390-why');
    await page.keyboard.press('Escape');
    expect(await page.locator('#why').isHidden()).toBe(true);
  });
});

describe('the playground, checked', () => {
  it('axe-core finds no serious or critical violation in any view, at either size', async () => {
    for (const size of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
      await page.setViewportSize(size);
      for (const hash of ['#room/acme', '#board/queue-enterprise', '#lead']) {
        await page.goto(`${playground.url}/${hash}`);
        await expect.poll(() => page.locator('#live.on').count()).toBe(1);
        expect([size.width, hash, await axe()]).toEqual([size.width, hash, []]);
      }
    }
  });

  it('ran without a script error or a CSP violation', () => {
    expect(problems).toEqual([]);
  });
});
