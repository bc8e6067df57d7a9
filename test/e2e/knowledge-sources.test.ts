import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FakeHelpCenter } from '../fakes/fake-help-center.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { workerRedisUrl } from '../worker-redis.js';
import { ACME_CHANNEL, customer, GLOBEX_CHANNEL, Harness } from './harness.js';
import { ENTERPRISE_SEGMENT, helpCenterSource, policyWithSources, STAFF_SEGMENT } from './sources-policy.js';

const SYNC_MINUTES = 10;
const ROTATE = 'How do I rotate an API key?';
const SCIM = 'How do I turn on SCIM user provisioning?';

let hc: FakeHelpCenter | undefined;
let running: Harness[] = [];
afterEach(async () => {
  await Promise.all(running.map((h) => h.baton.stop()));
  await running[0]?.fake.stop();
  await hc?.stop();
  running = [];
});

/** A customer of the channel's account asks in a new thread; resolves with what Baton posted there. */
async function asked(h: Harness, question: string, channel = ACME_CHANNEL): Promise<string> {
  const ts = await h.say(customer, question, { channel });
  await h.baton.idle();
  return h.postsIn(channel, ts).map((p) => `${String(p.args.text)} ${JSON.stringify(p.args.blocks ?? [])}`).join('\n');
}

describe('answers follow a help center as it changes', () => {
  it('on two instances sharing Redis: published, changed and unpublished articles within one sync interval; tiers kept apart', async () => {
    hc = await FakeHelpCenter.start();
    hc.publish({ id: 101, title: 'Rotate an API key', body: '<h2>Rotate an API key</h2><p>Open Settings, then Developers, press Rotate next to the key and copy the new one within 10 minutes.</p>' });
    hc.publish({ id: 102, title: 'Turn on SCIM user provisioning', body: '<h2>Turn on SCIM user provisioning</h2><p>Open Security, then SCIM, generate a bearer token and paste it into your identity provider.</p>', user_segment_id: ENTERPRISE_SEGMENT });
    const { file } = policyWithSources([helpCenterSource(hc.url, SYNC_MINUTES)]);
    let now = Date.UTC(2026, 0, 5, 10, 0);
    const clock = { now: () => now };
    const fake = await FakeSlackApi.start();
    running = [await Harness.start({ policyFile: file, storeUri: workerRedisUrl(), fake, clock }), await Harness.start({ policyFile: file, storeUri: workerRedisUrl(), fake, clock })];
    const sweepAll = async () => {
      for (const h of running) await h.baton.sweep();
    };
    await sweepAll();

    for (const h of running) {
      const answer = await asked(h, ROTATE);
      expect(answer).toContain('press Rotate next to the key');
      expect(answer).toContain(`${hc.url}/hc/en-us/articles/101`);
    }

    hc.change(101, { body: '<h2>Rotate an API key</h2><p>Open Settings, then API access, choose Rotate key and confirm with your password.</p>' });
    now += SYNC_MINUTES * 60_000;
    await sweepAll();
    for (const h of running) {
      const answer = await asked(h, ROTATE);
      expect(answer).toContain('choose Rotate key and confirm');
      expect(answer).not.toContain('press Rotate next to the key');
    }

    hc.change(101, { draft: true });
    now += SYNC_MINUTES * 60_000;
    await sweepAll();
    for (const h of running) expect(await asked(h, ROTATE)).not.toMatch(/Rotate key and confirm|press Rotate next to the key/);
    // One instance read the help center each interval; the other took the content from the store.
    expect(hc.apiRequests()).toHaveLength(3);

    for (const h of running) {
      expect(await asked(h, SCIM, GLOBEX_CHANNEL)).not.toContain('generate a bearer token');
      expect(await asked(h, SCIM)).toContain('generate a bearer token');
    }
  });
});

describe('an internal (staff-only) article of a help center', () => {
  it("grounds the copilot draft in the packet, named with its source, and never reaches a customer's channel", async () => {
    hc = await FakeHelpCenter.start();
    hc.publish({ id: 103, title: 'Extend a trial', body: '<h2>Extend a trial</h2><p>Open the admin console, find the workspace and apply the extension code TRIAL-EXT-14.</p>', user_segment_id: STAFF_SEGMENT });
    const { file, ids } = policyWithSources([helpCenterSource(hc.url, SYNC_MINUTES)], { acme: { mode: 'copilot' } });
    const h = await Harness.start({ policyFile: file, clock: { now: () => Date.UTC(2026, 0, 5, 10, 0) } });
    running = [h];
    await h.baton.sweep();
    const question = 'How do I extend the trial of our workspace?';

    const thread = await h.say(customer, question);
    const packet = await h.fake.waitFor('chat.postMessage', (c) => !c.args.thread_ts && JSON.stringify(c.args.blocks ?? []).includes('Copilot draft'));
    const blocks = JSON.stringify(packet.args.blocks);
    expect(blocks).toContain('apply the extension code TRIAL-EXT-14');
    expect(blocks).toContain(`articles/103|Extend a trial> (${ids.help}, internal)`);
    await h.baton.idle();
    expect(h.postsIn(ACME_CHANNEL, thread)).toEqual([]);

    const answer = await asked(h, question, GLOBEX_CHANNEL);
    expect(answer).not.toMatch(/TRIAL-EXT-14|Extend a trial/);
  });

  it("is listed for the team in the packet of a question handed to a person, and never in the customer's channel", async () => {
    hc = await FakeHelpCenter.start();
    hc.publish({ id: 103, title: 'Extend a trial', body: '<h2>Extend a trial</h2><p>Open the admin console, find the workspace and apply the extension code TRIAL-EXT-14.</p>', user_segment_id: STAFF_SEGMENT });
    const { file, ids } = policyWithSources([helpCenterSource(hc.url, SYNC_MINUTES)]);
    const h = await Harness.start({ policyFile: file, clock: { now: () => Date.UTC(2026, 0, 5, 10, 0) } });
    running = [h];
    await h.baton.sweep();

    const thread = await h.say(customer, 'I want to talk to a person about extending the trial of our workspace');
    const packet = await h.fake.waitFor('chat.postMessage', (c) => !c.args.thread_ts && JSON.stringify(c.args.blocks ?? []).includes('Escalation'));
    const blocks = JSON.stringify(packet.args.blocks);
    expect(blocks).toContain('Articles for the team:');
    expect(blocks).toContain(`articles/103|Extend a trial> (${ids.help}, internal)`);
    expect(blocks).not.toContain('TRIAL-EXT-14');
    await h.baton.idle();
    const seen = h.postsIn(ACME_CHANNEL, thread).map((p) => `${String(p.args.text)} ${JSON.stringify(p.args.blocks ?? [])}`).join('\n');
    expect(seen).not.toBe('');
    expect(seen).not.toMatch(/TRIAL-EXT-14|Extend a trial|articles\/103/);
  });
});

describe("a published article's section whose heading the taxonomy does not know", () => {
  it('grounds the answer to a question about it, and the question is filed, routed and announced by its own words', async () => {
    // The shipped example's taxonomy, whose examples read the section "Set up your identity provider" as
    // most like a refund question, at a fifth of their reading: too little to file it under a category.
    const { categories } = parse(readFileSync('config/baton.yaml', 'utf8')) as { categories: unknown };
    const { file } = policyWithSources([{ id: 'handbook', kind: 'notion', path: 'test/fixtures/exports/notion-export' }], {}, { categories });
    const h = await Harness.start({ policyFile: file, clock: { now: () => Date.UTC(2026, 0, 5, 10, 0) } });
    running = [h];
    await h.baton.sweep();

    const thread = await h.say(customer, 'How do we configure SSO with our identity provider?');
    const packet = await h.fake.waitFor('chat.postMessage', (c) => !c.args.thread_ts && JSON.stringify(c.args.blocks ?? []).includes('Escalation'));
    expect(packet.args.channel).toBe('C0SUPPORT1');
    expect(String(packet.args.text)).toContain('(account_access)');
    expect(JSON.stringify(packet.args.blocks)).toContain('Upload the metadata XML file from your identity provider');
    const notice = await h.waitForPost(ACME_CHANNEL, thread);
    expect(String(notice.args.text)).toContain('support specialist');
  });
});

describe('a knowledge source that fails', () => {
  it('keeps answering from its last good content and shows the failure in /readyz and /metrics', async () => {
    hc = await FakeHelpCenter.start();
    hc.publish({ id: 101, title: 'Rotate an API key', body: '<h2>Rotate an API key</h2><p>Open Settings, then Developers, press Rotate next to the key and copy the new one within 10 minutes.</p>' });
    const { file, ids } = policyWithSources([helpCenterSource(hc.url, SYNC_MINUTES)]);
    let now = Date.UTC(2026, 0, 5, 10, 0);
    const h = await Harness.start({ policyFile: file, clock: { now: () => now } });
    running = [h];
    await h.baton.sweep();

    hc.rateLimit(100, '0');
    now += SYNC_MINUTES * 60_000;
    await h.baton.sweep();
    const base = `http://127.0.0.1:${h.baton.port}`;
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { knowledge_sources: Record<string, string> }).knowledge_sources[ids.help!]).toMatch(/^failing: .*answered HTTP 429 after 3 retries$/);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain(`baton_kb_source_failing{source="${ids.help}"} 1`);
    expect(metrics).toContain(`baton_kb_source_articles{source="${ids.help}"} 1`);
    expect(h.logs.lines.some((l) => l.includes('knowledge source failed to sync'))).toBe(true);
    expect(await asked(h, ROTATE)).toContain('press Rotate next to the key');
  });
});
