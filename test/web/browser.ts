import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** Debian's chromium (scripts/ensure-chromium.sh installs it from `pretest`), on a fresh profile; nothing is downloaded. */
export async function launchChromium(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'baton-chromium-')), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1366, height: 820 },
  });
}

// The browser's globals the checks below read inside the page (the tests compile without the DOM library).
declare const document: { documentElement: { scrollWidth: number }; querySelectorAll(s: string): Iterable<{ scrollWidth: number; clientWidth: number }> };
declare const window: { innerWidth: number };

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page as it stands, as `rule (impact, nodes)`. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const run = (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run;
    return (await run()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`);
  });
}

/** The element lies wholly inside the window. */
export async function inWindow(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = page.viewportSize()!;
  return !!box && box.y >= 0 && box.x >= 0 && box.y + box.height <= size.height + 0.5 && box.x + box.width <= size.width + 0.5;
}

/** Nothing is wider than the window: neither the page nor the view's list scrolls sideways. */
export function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth && [...document.querySelectorAll('main .scroll, main .topbar')].every((el) => el.scrollWidth <= el.clientWidth));
}

/** Collects the page's script errors and console errors (a CSP violation is one) into `problems`. */
export function watchProblems(page: Page, problems: string[]): void {
  page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
  page.on('pageerror', (e) => void problems.push(e.message));
}

export const SCREENSHOTS = join('test-output', 'playground');

/** Saves the page as `name.png` under test-output/playground, for a person to look at. */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

export interface StartedPlayground {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

/** Until the playground's `/readyz` says ready: it serves while its knowledge is still being indexed. */
async function untilReady(url: string): Promise<void> {
  for (;;) {
    const res = await fetch(new URL('/readyz', url)).catch(() => undefined);
    if (res?.ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * `npm start`'s compiled Baton with no Slack or Teams settings (test/global-build.ts compiled it), on a
 * free port and a fresh store; resolves with the address it printed once it is ready.
 */
export async function startPlaygroundProcess(extraEnv: Record<string, string> = {}): Promise<StartedPlayground> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SLACK_|TEAMS_|BATON_|OPENAI_|LOG_)/.test(k)));
  const store = join(mkdtempSync(join(tmpdir(), 'baton-playground-')), 'playground.sqlite');
  const child: ChildProcess = spawn(process.execPath, ['dist/main.js'], { env: { ...env, PORT: '0', BATON_STORE: `sqlite://${store}`, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const m = /open (http:\/\/\S+)/.exec(output);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => reject(new Error(`the playground exited (${code}) before printing its address:\n${output}`)));
  });
  await untilReady(url);
  return {
    url,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface PlaygroundInBrowser {
  playground: StartedPlayground;
  browser: BrowserContext;
  page: Page;
}

/** The playground process and Chromium started together, the page open on it; `close` stops both. */
export async function openPlaygroundInBrowser(env: Record<string, string> = {}): Promise<PlaygroundInBrowser & { close(): Promise<void> }> {
  const [playground, browser] = await Promise.all([startPlaygroundProcess(env), launchChromium()]);
  const page = browser.pages()[0] ?? (await browser.newPage());
  await page.goto(playground.url);
  return {
    playground,
    browser,
    page,
    async close() {
      await browser.close();
      await playground.stop();
    },
  };
}
