import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, snap, startPlaygroundProcess, type StartedPlayground } from './browser.js';

/** Copilot mode in a real headless Chromium against `npm start`'s playground, with Acme in copilot mode. */
let playground: StartedPlayground;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  const policy = join(mkdtempSync(join(tmpdir(), 'baton-copilot-page-')), 'baton.yaml');
  writeFileSync(policy, readFileSync('config/baton.yaml', 'utf8').replace('channels: [C0ACME0001]', 'channels: [C0ACME0001]\n    mode: copilot'));
  [playground, browser] = await Promise.all([startPlaygroundProcess({ BATON_CONFIG: policy }), launchChromium()]);
  page = browser.pages()[0] ?? (await browser.newPage());
  await page.goto(playground.url);
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
});

const QUESTION = 'How do I invite a teammate?';
const thread = () => page.locator('article.thread', { hasText: QUESTION });

describe('copilot mode in the browser', () => {
  it('puts the draft on the queue board; Edit and send opens it in the reply box and the customer reads the edit', async () => {
    await page.getByLabel('New question').fill(QUESTION);
    await page.getByLabel('New question').press('Enter');
    await thread().waitFor();
    // The customer has no answer yet, and the room does not say otherwise.
    await expect.poll(() => thread().locator('.why-chip').textContent()).toBe('draft with a specialist');
    expect(await thread().locator('[data-role="bot"]').count()).toBe(0);
    await page.getByRole('link', { name: /queue-enterprise/ }).click();
    const card = page.locator('article.packet', { hasText: 'Copilot draft' });
    await expect.poll(() => card.locator('.pill').textContent()).toBe('Draft waiting for review');
    // The draft's Markdown is rendered, as the customer would read it: no asterisks.
    expect((await card.locator('.draft strong').allTextContents()).slice(1)).toEqual(['Settings > Members', 'Invite']);
    expect(await card.locator('.draft').textContent()).not.toContain('**');
    expect(await card.getByLabel('Reply to the customer').isVisible()).toBe(false);
    await card.getByRole('button', { name: 'Edit and send' }).click();
    const box = card.getByLabel('Reply to the customer');
    expect(await box.inputValue()).toMatch(/^Go to Settings > Members and press Invite\./);
    await snap(page, 'copilot-01-edit-draft');
    await box.fill('Open Members in Settings and press Invite.');
    await box.press('Enter');
    await expect.poll(() => card.locator('.pill').textContent()).toBe('Edited and sent by Jordan');

    await page.getByRole('link', { name: /# ?acme/ }).click();
    await expect.poll(() => thread().textContent()).toContain('Jordan from our team: Open Members in Settings and press Invite.');
    expect(await thread().locator('[data-role="bot"]').count()).toBe(1);
    await snap(page, 'copilot-02-customer-reads-edit');
  });
});
