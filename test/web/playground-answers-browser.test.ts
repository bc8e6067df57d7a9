import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACME_HISTORY } from '../fixtures/acme-history.js';
import { openPlaygroundInBrowser, snap } from './browser.js';

/** A lead reviews the answers proposed from Acme's imported history in `npm start`'s playground, in Chromium. */
let opened: Awaited<ReturnType<typeof openPlaygroundInBrowser>> | undefined;
let page: Page;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'baton-answers-browser-'));
  const kb = join(dir, 'knowledge.jsonl');
  writeFileSync(kb, ACME_HISTORY.map((e) => `${JSON.stringify(e)}\n`).join(''));
  opened = await openPlaygroundInBrowser({ BATON_KB: kb, BATON_DOCS: join(dir, 'no-docs') });
  page = opened.page;
}, 30_000);

afterAll(async () => {
  await opened?.close();
});

const topic = (name: string) => page.locator(`[aria-label="Topic ${name}"]`);

describe('the playground review of answers proposed from history, in a browser', () => {
  it('shows each topic with the exact text and its marked spans, and refuses a marked claim', async () => {
    await page.getByRole('link', { name: /Report & review/ }).click();
    await expect.poll(() => topic('archive_project').textContent()).toContain('Open the project, choose Settings > Archive and confirm.');
    expect(await topic('archive_project').textContent()).not.toContain('Tom Becker');
    expect(await topic('rename_workspace').locator('mark').first().textContent()).toBe("I've renamed your workspace to Acme Robotics for you");
    await topic('rename_workspace').getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => page.locator('#toast').textContent()).toContain('Marked spans are left in');
    await snap(page, '20-answers-to-review');
  });

  it('approves an edited answer for one account, and the topic leaves the list', async () => {
    await topic('rename_workspace').getByLabel('Answer for rename_workspace').fill('Admins rename the workspace under Settings > General > Workspace name.');
    await page.getByLabel('Who rename_workspace answers').selectOption('acme');
    await topic('rename_workspace').getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => page.locator('#toast').textContent()).toContain('Approved');
    await expect.poll(() => topic('rename_workspace').count()).toBe(0);
    expect(await topic('archive_project').count()).toBe(1);
  });
});
