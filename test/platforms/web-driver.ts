import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { loadSettings } from '../../src/config/load-settings.js';
import { conversationKey, type ConversationRef } from '../../src/core/model/conversation-ref.js';
import { createLogger } from '../../src/infra/logger.js';
import { startPlayground, type RunningPlayground } from '../web/start-playground.js';
import type { PlaygroundEvent } from '../../src/web/render/events.js';
import { pageClient, type PageClient } from '../web/playground-client.js';
import { type PlatformDriver, QUESTIONS } from './platform-driver.js';

const ACCOUNT = 'acme';
const CUSTOMER = 'web-acme-alex';
/** What Baton sends on the page's feed (not the customer's own words): the events a failing page server would lose. */
const sentByBaton = (e: PlaygroundEvent) => ['packet', 'internal', 'alert', 'digest'].includes(e.type) || (e.type === 'message' && e.role !== 'customer');

/** Text as the page shows it, without its markup. */
function plain(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The web playground: its real HTTP routes, as the page calls them, over its SQLite store (test/web). */
export async function webDriver(): Promise<PlatformDriver> {
  const store = `sqlite://${join(mkdtempSync(join(tmpdir(), 'baton-web-driver-')), 'p.sqlite')}`;
  let running: RunningPlayground;
  let page: PageClient;
  let failures: number[] = [];
  let accepted = 0;
  const opened: ConversationRef[] = [];
  const start = async () => {
    const settings = loadSettings({ PORT: '0', BATON_STORE: store, LOG_LEVEL: 'silent' });
    running = await startPlayground({ env: settings.env, policy: settings.policy, log: createLogger('silent') });
    page = await pageClient(running.url);
    // The page server failing: Baton's next sends do not reach the page, as a platform's 5xx would not.
    const push = running.feed.push.bind(running.feed);
    running.feed.push = (event) => {
      if (sentByBaton(event) && failures.shift() !== undefined) throw new Error('the page server is unavailable');
      if (sentByBaton(event)) accepted++;
      push(event);
    };
  };
  await start();
  const events = () => {
    const all: PlaygroundEvent[] = [];
    running.feed.find((e) => {
      all.push(e);
      return false;
    });
    return all;
  };
  const call = async (path: string, body: unknown) => {
    const res = await page.call(path, body);
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(res.json)}`);
    return res.json;
  };
  const packetId = (id: string) => {
    const first = events().find((e) => e.type === 'packet' && e.packet.escalationId === id);
    return first?.type === 'packet' ? first.id : undefined;
  };
  return {
    get core() {
      return running.core;
    },
    lookBeforeResend: true,
    ...QUESTIONS,
    async customerSays(text, thread) {
      const json = await call('/api/customer-messages', { account: ACCOUNT, customer: CUSTOMER, text, ...(thread ? { thread: thread.thread } : {}) });
      const ref: ConversationRef = thread ?? { platform: 'web', channel: ACCOUNT, thread: String(json.thread) };
      opened.push(ref);
      return ref;
    },
    async strangerSays(text) {
      const res = await page.call('/api/customer-messages', { account: 'newco', customer: 'web-newco-nia', text });
      if (res.status !== 400) throw new Error(`a room no account maps answered ${res.status}`);
    },
    customerSaw: (ref) => events().flatMap((e) => (e.type === 'message' && e.room === ref.channel && e.thread === ref.thread && e.role !== 'customer' ? [plain(e.html)] : [])),
    strangerSaw: () => events().flatMap((e) => (e.type === 'message' && e.room === 'newco' ? [plain(e.html)] : [])),
    queueSaw: () => {
      const seen = new Set<string>();
      return events().flatMap((e) => {
        if (e.type === 'alert') return [e.text];
        if (e.type === 'digest') return [e.title];
        if (e.type !== 'packet' || seen.has(e.id)) return [];
        seen.add(e.id);
        return [JSON.stringify(e.packet)];
      });
    },
    threadSaw: (id) => events().flatMap((e) => (e.type === 'internal' && e.packetId === packetId(id) ? [e.text] : [])),
    packetUpdates: (id) => Math.max(0, events().filter((e) => e.type === 'packet' && e.id === packetId(id)).length - 1),
    staffClaims: async (escalationId) => void (await call('/api/claim', { escalationId })),
    staffReplies: async (escalationId, text) => void (await call('/api/reply', { escalationId, text })),
    staffCloses: async (escalationId) => void (await call('/api/close', { escalationId, rootCause: 'other', aiAccuracy: 'correct', automation: 'no' })),
    async customerRates(ref, rating) {
      await vi.waitFor(() => {
        if (!events().some((e) => e.type === 'message' && e.thread === ref.thread && e.csat)) throw new Error('no survey yet');
      });
      // The record the buttons rate is stored just after the survey is shown.
      await vi.waitFor(async () => {
        if (!(await running.core.loop.csat.get(conversationKey(ref)))?.messageId) throw new Error('survey not recorded yet');
      });
      await call('/api/csat', { conversationKey: conversationKey(ref), customer: CUSTOMER, rating });
    },
    failNextSends: (...statuses) => void failures.push(...statuses),
    accepted: () => accepted,
    async restart() {
      await running.stop();
      failures = [];
      await start();
    },
    async settle() {
      // The playground's own signal: every conversation it was given has nothing left to deliver.
      await vi.waitFor(async () => {
        for (const ref of opened) if ((await running.core.conversations.get(conversationKey(ref)))?.outbox?.length) throw new Error('still delivering');
      }, { timeout: 30_000, interval: 50 });
    },
    stop: () => running.stop(),
  };
}
