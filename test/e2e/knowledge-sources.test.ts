import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeHelpCenter } from '../fakes/fake-help-center.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { workerRedisUrl } from '../worker-redis.js';
import { ACME_CHANNEL, customer, GLOBEX_CHANNEL, Harness } from './harness.js';

const SYNC_MINUTES = 10;
const ENTERPRISE_SEGMENT = 360_001;
const ROTATE = 'How do I rotate an API key?';
const SCIM = 'How do I turn on SCIM user provisioning?';

/** The e2e policy with Globex on the starter tier and the fake help center as a knowledge source. */
function policyWith(helpCenter: string): { file: string; source: string } {
  const policy = parse(readFileSync('test/fixtures/e2e/baton.e2e.yaml', 'utf8')) as { accounts: { id: string; tier: string }[] } & Record<string, unknown>;
  policy.accounts.find((a) => a.id === 'globex')!.tier = 'starter';
  // A source id of its own: instances of earlier tests on this worker's Redis left theirs behind.
  const source = `help-${randomUUID().slice(0, 8)}`;
  policy.knowledge = { requests_per_second: 100, sources: [{ id: source, kind: 'zendesk', url: helpCenter, locale: 'en-us', sync_minutes: SYNC_MINUTES, segments: { [ENTERPRISE_SEGMENT]: { tiers: ['enterprise'] } } }] };
  const file = join(mkdtempSync(join(tmpdir(), 'baton-sources-')), 'baton.yaml');
  writeFileSync(file, stringify(policy));
  return { file, source };
}

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
    const { file } = policyWith(hc.url);
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
