import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/config/load-policy.js';
import { KeyvInbox } from '../../src/infra/store/keyv-inbox.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { startFakeOpenAi, userDocument, type FakeOpenAi } from '../fakes/fake-openai.js';
import { BatonProcess, policyWithChannels } from './baton-process.js';
import { CUSTOMER, customerThreads, deliverUnacked, outcomes, type Sent } from './slack-redelivery.js';

const CHANNELS = Array.from({ length: 10 }, (_, i) => `C0BACKLG${String(i).padStart(3, '0')}`);
const policyFile = policyWithChannels(CHANNELS);
const QUEUES = loadPolicy(policyFile).queues.map((q) => q.channel);

let fake: FakeSlackApi | undefined;
let model: FakeOpenAi | undefined;
let baton: BatonProcess | undefined;
afterEach(async () => {
  if (baton?.child.exitCode === null) await baton.kill();
  await fake?.stop();
  await model?.close();
});

/** Resolves once every customer has a reply in their thread (an answer or a handoff notice). */
async function untilEveryoneHeardBack(f: FakeSlackApi, sent: Sent[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (outcomes(f, sent, QUEUES).unanswered > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}

describe('a bounded intake backlog', () => {
  it('answers Slack non-200 past BATON_MAX_BACKLOG, and once it drains every redelivered message is answered once', { timeout: 200_000 }, async () => {
    fake = await FakeSlackApi.start({ team: { id: 'T0VENDOR01' } });
    fake.addUser({ id: CUSTOMER.id, team_id: CUSTOMER.teamId, real_name: 'Casey' });
    // The model answers nothing while `stuck` (each such decision waits out OPENAI_TIMEOUT_MS), so decisions pile up.
    let stuck = true;
    model = await startFakeOpenAi((req) => {
      if (stuck) return { hang: true };
      const doc = userDocument(req);
      return { content: JSON.stringify({ answer: 'Open Settings > Members and press Invite.', citations: doc.sources.slice(0, 1).map((s) => s.id), confidence: 0.9 }) };
    });
    const store = `sqlite://${join(mkdtempSync(join(tmpdir(), 'baton-backlog-')), 'baton.sqlite')}`;
    baton = await BatonProcess.start({
      SLACK_API_URL: fake.url, BATON_STORE: store, BATON_CONFIG: policyFile, BATON_MAX_BACKLOG: '3',
      OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: model.url, OPENAI_MODEL: 'fake-model', OPENAI_TIMEOUT_MS: '3000',
    });
    const sent = customerThreads(fake, CHANNELS, 20, 0);
    await deliverUnacked(baton.eventsUrl, sent, 20);
    const refused = sent.filter((s) => !s.acked).length;
    expect(refused).toBeGreaterThan(0);
    expect(sent.length - refused).toBeGreaterThanOrEqual(1);
    await baton.waitForOutput('intake backlog full', 5000);

    // Slack delivers the refused events again, and keeps doing so while they are refused.
    stuck = false;
    for (let round = 0; round < 400 && sent.some((s) => !s.acked); round++) {
      await deliverUnacked(baton.eventsUrl, sent, 3);
      if (sent.some((s) => !s.acked)) await new Promise((r) => setTimeout(r, 250));
    }
    expect(sent.filter((s) => !s.acked)).toHaveLength(0);
    await untilEveryoneHeardBack(fake, sent, 60_000);
    expect(await baton.stop()).toBe(0);

    // Each refusal is one warning with its reason; Bolt's "unhandled error" and "not acknowledged" never follow it.
    const lines = baton.output.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { level: number; msg: string });
    const warnings = lines.filter((l) => l.msg.startsWith('intake backlog full'));
    expect(warnings.length).toBeGreaterThanOrEqual(refused);
    expect(warnings.every((l) => l.level === 40)).toBe(true);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    expect(baton.output).not.toMatch(/not acknowledged within 3 seconds|unhandled error/);

    const seen = outcomes(fake, sent, QUEUES);
    expect({ unanswered: seen.unanswered, duplicated: seen.duplicated }).toEqual({ unanswered: 0, duplicated: 0 });
    const inbox = await KeyvInbox.open(store);
    expect(await inbox.pending()).toEqual([]);
    await inbox.close();
  });
});
