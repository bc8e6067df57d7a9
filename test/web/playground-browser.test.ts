import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, snap, startPlaygroundProcess, type StartedPlayground } from './browser.js';

/**
 * The whole loop in a real headless Chromium against `npm start`'s playground with the shipped policy
 * and knowledge: each step waits on what the page shows, and saves a screenshot under test-output/.
 */
let playground: StartedPlayground;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  [playground, browser] = await Promise.all([startPlaygroundProcess(), launchChromium()]);
  page = browser.pages()[0] ?? (await browser.newPage());
  await page.goto(playground.url);
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
});

const thread = (text: string) => page.locator('article.thread', { hasText: text });
const packet = (text: string) => page.locator('article.packet', { hasText: text });

describe('the playground in a browser', () => {
  it('prints one line with its loopback address', () => {
    expect(playground.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(playground.output().trim().split('\n')).toHaveLength(1);
  });

  it('answers a question with its source, and says why', async () => {
    await page.getByLabel('New question').fill('How do I invite a teammate?');
    await page.getByLabel('New question').press('Enter');
    const answer = thread('How do I invite a teammate?').locator('[data-role="bot"]');
    await expect.poll(() => answer.textContent()).toContain('Settings > Members');
    expect(await answer.locator('.source').textContent()).toContain('How do I invite a teammate?');
    expect(await answer.getByRole('button', { name: 'Talk to a person' }).isVisible()).toBe(true);
    await thread('How do I invite a teammate?').getByRole('button', { name: /Why/ }).first().click();
    const why = page.locator('#why');
    await expect.poll(() => why.textContent()).toContain('Sources used');
    expect(await why.textContent()).toMatch(/Confidence\d+% against the low tier's 45%/);
    await snap(page, '01-answer-with-source');
    await page.keyboard.press('Escape');
  });

  it('hands the conversation to a person when the customer asks, with role and time', async () => {
    await thread('How do I invite a teammate?').getByRole('button', { name: 'Talk to a person' }).click();
    await expect.poll(() => thread('How do I invite a teammate?').textContent()).toMatch(/our enterprise support engineer, who will pick it up here within 1 hour/);
    await snap(page, '02-handoff');
  });

  it('shows the packet live in its routed queue, and the claim to the customer', async () => {
    await page.getByRole('link', { name: /queue-enterprise/ }).click();
    const card = packet('Acme Corp');
    await expect.poll(() => card.textContent()).toContain('The customer pressed "Talk to a person".');
    expect(await card.textContent()).toContain('Open: unclaimed');
    await snap(page, '03-packet-in-queue');
    await card.getByRole('button', { name: 'Claim' }).click();
    await expect.poll(() => card.locator('.pill').textContent()).toBe('Claimed by Jordan');
    await page.getByRole('link', { name: /# ?acme/ }).click();
    await expect.poll(() => thread('How do I invite a teammate?').textContent()).toContain('Jordan from our team has picked this up');
    await snap(page, '04-claim-shown-to-customer');
  });

  it('refuses a close with a missing tag, then closes with all three', async () => {
    await page.getByRole('link', { name: /queue-enterprise/ }).click();
    await packet('Acme Corp').getByRole('button', { name: 'Close…' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByLabel('Root cause').selectOption('user_error');
    await dialog.getByLabel('Could Baton handle this next time?').selectOption('yes');
    await dialog.getByRole('button', { name: 'Close escalation' }).click();
    await expect.poll(() => dialog.textContent()).toContain('Say how accurate Baton was.');
    await snap(page, '05-close-refused-missing-tag');
    await dialog.getByLabel('How accurate was Baton?').selectOption('correct');
    await dialog.getByLabel('Resolution note').fill('Invites live under Settings > Members; the invite link lasts 7 days.');
    await dialog.getByRole('button', { name: 'Close escalation' }).click();
    await expect.poll(() => packet('Acme Corp').locator('.pill').textContent()).toBe('Resolved by Jordan');
  });

  it('asks the customer to rate after the close, and thanks them for the click', async () => {
    await page.getByRole('link', { name: /# ?acme/ }).click();
    const conversation = thread('How do I invite a teammate?');
    await conversation.getByRole('button', { name: 'Great' }).click();
    await expect.poll(() => conversation.textContent()).toContain('Thanks for the rating');
    await snap(page, '06-survey-rated');
  });

  it('shows the lead the report with its chart, and the closed escalation in the review', async () => {
    await page.getByRole('link', { name: /Report & review/ }).click();
    await expect.poll(() => page.locator('.chart svg').count()).toBe(1);
    expect(await page.locator('.chart').textContent()).toContain('Escalation rate');
    await expect.poll(() => page.locator('[aria-label="Weekly review"]').textContent()).toContain('1 tagged escalation');
    await snap(page, '07-report-chart');

    // The quarter so far, as `/baton report quarter` gives it; the export covers the days since it began.
    await page.getByLabel('Report period').selectOption('This quarter');
    await expect.poll(() => page.locator('[aria-label="Report"] h2').textContent()).toMatch(/^Report: Q[1-4] \d{4} to date$/);
    expect(await page.locator('.chart').getAttribute('aria-label')).toMatch(/Q[1-4] \d{4} to date$/);
    expect(await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toMatch(/^\/api\/export\.csv\?days=\d+$/);
  });
});
