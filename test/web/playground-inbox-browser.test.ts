import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { axeViolations, fitsWidth, inWindow, launchChromium, snap, startPlaygroundProcess, watchProblems, type StartedPlayground } from './browser.js';

/**
 * The specialist's inbox in real Chromium, at a laptop's 1366x768 and a phone's 390x844: escalations from
 * the store with their SLA, the filters, an internal note that stays with the team, assigning to a
 * teammate, and the report's first-response and resolution times; axe-core finds nothing serious.
 */
let playground: StartedPlayground;
let browser: BrowserContext;
let page: Page;
const problems: string[] = [];

const BILLING = 'Why was I charged twice this month?';
const PERSON = 'Can I talk to a human please?';
const NOTE = 'Finance confirmed the double charge, refund ticket FIN-88';

beforeAll(async () => {
  [playground, browser] = await Promise.all([startPlaygroundProcess(), launchChromium()]);
  page = browser.pages()[0] ?? (await browser.newPage());
  watchProblems(page, problems);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${playground.url}/#room/acme`);
  for (const text of [BILLING, PERSON]) {
    await page.getByLabel('New question').fill(text);
    await page.getByLabel('New question').press('Enter');
    await vi.waitFor(async () => expect(await page.locator('article.thread', { hasText: text }).locator('[data-role="bot"]').count()).toBeGreaterThan(0), { timeout: 20_000 });
  }
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
});

const rows = () => page.locator('article.inbox-row');
const row = (text: string) => page.locator('article.inbox-row', { hasText: text });

describe('the inbox at 1366x768', () => {
  it('lists both escalations, unclaimed, each with the time left on its SLA', async () => {
    await page.getByRole('link', { name: 'Inbox' }).click();
    await expect.poll(() => rows().count()).toBe(2);
    for (const r of await rows().all()) {
      expect(await r.locator('.pill').textContent()).toBe('Open: unclaimed');
      expect(await r.locator('.sla').textContent()).toMatch(/^\d+ (min|h|d)( \d+ (min|h))? left$/);
    }
    expect(await page.getByRole('status').filter({ hasText: 'escalations' }).textContent()).toBe('2 escalations');
  });

  it('filters by queue, by status, and by "claimed by me"', async () => {
    await page.getByLabel('Queue').selectOption('billing');
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().textContent()).toContain('billing specialist queue');
    await page.getByLabel('Queue').selectOption('');
    await page.getByLabel('Status').selectOption('claimed');
    await expect.poll(() => page.getByText('No escalation matches these filters.').count()).toBe(1);
    await page.getByLabel('Status').selectOption('');
    await page.getByLabel('Breaching SLA').check();
    await expect.poll(() => rows().count()).toBe(0);
    await page.getByLabel('Breaching SLA').uncheck();
    await expect.poll(() => rows().count()).toBe(2);
  });

  it('keeps an internal note with the escalation and on its packet, and never shows it in the customer\u2019s room', async () => {
    const billing = row('billing specialist queue');
    await billing.getByLabel('Internal note', { exact: true }).fill(NOTE);
    await billing.getByLabel('Internal note', { exact: true }).press('Enter');
    await expect.poll(() => billing.locator('.internal').textContent()).toContain(`Internal note from Jordan: ${NOTE}`);
    await billing.getByRole('link', { name: /Open in #queue-billing/ }).click();
    await expect.poll(() => page.locator('article.packet .internal').textContent()).toContain(`Internal note from Jordan: ${NOTE}`);
    await page.getByRole('link', { name: /acme/ }).first().click();
    await expect.poll(() => page.locator('article.thread', { hasText: BILLING }).count()).toBe(1);
    expect(await page.locator('main').textContent()).not.toContain('FIN-88');
  });

  it('assigns to a teammate: Riley claims it, the customer hears so, and it is not "claimed by me"', async () => {
    await page.getByRole('link', { name: 'Inbox' }).click();
    const enterprise = row('enterprise');
    await expect.poll(() => enterprise.count()).toBe(1);
    await enterprise.getByLabel('Assign to').selectOption({ label: 'Riley' });
    await enterprise.getByRole('button', { name: 'Assign' }).click();
    await expect.poll(() => enterprise.locator('.pill').textContent()).toBe('Claimed');
    expect(await enterprise.textContent()).toContain('claimed by Riley');
    await page.getByLabel('Claimed by me').check();
    await expect.poll(() => rows().count()).toBe(0);
    await page.getByLabel('Claimed by me').uncheck();
    await expect.poll(() => rows().count()).toBe(2);
    await snap(page, 'inbox-1366');
    await page.getByRole('link', { name: /acme/ }).first().click();
    await expect.poll(() => page.locator('article.thread', { hasText: PERSON }).textContent()).toContain('Riley from our team has picked this up');
  });

  it('shows first-response and resolution times by queue in the report', async () => {
    await page.getByRole('link', { name: /Report & review/ }).click();
    const table = page.getByRole('table', { name: 'By queue' });
    await expect.poll(() => table.count()).toBe(1);
    expect(await table.locator('th').allTextContents()).toEqual(['Queue', 'Escalations', 'Claim p50 / p90', 'First response p50 / p90', 'Resolution p50 / p90', 'SLA breaches']);
  });
});

describe('the inbox at 390x844 (a phone)', () => {
  it('fits the width, with its filters and a note box in reach', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${playground.url}/#inbox`);
    await expect.poll(() => rows().count()).toBe(2);
    expect(await fitsWidth(page)).toBe(true);
    expect(await inWindow(page, page.getByLabel('Queue'))).toBe(true);
    await rows().first().getByLabel('Internal note', { exact: true }).scrollIntoViewIfNeeded();
    expect(await inWindow(page, rows().first().getByLabel('Internal note', { exact: true }))).toBe(true);
    await snap(page, 'inbox-390');
  });
});

describe('the inbox, checked', () => {
  it('axe-core finds no serious or critical violation in the inbox or the report, at either size', async () => {
    for (const size of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
      await page.setViewportSize(size);
      for (const hash of ['#inbox', '#lead']) {
        await page.goto(`${playground.url}/${hash}`);
        await expect.poll(() => page.locator('#live.on').count()).toBe(1);
        if (hash === '#inbox') await expect.poll(() => rows().count()).toBe(2);
        expect([size.width, hash, await axeViolations(page)]).toEqual([size.width, hash, []]);
      }
    }
  });

  it('ran without a script error or a CSP violation', () => {
    expect(problems).toEqual([]);
  });
});
