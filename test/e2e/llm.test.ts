import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOpenAi, userDocument, type FakeOpenAi, type FakeReply } from '../fakes/fake-openai.js';
import { ACME_CHANNEL, customer, GLOBEX_CHANNEL, Harness, useHarness } from './harness.js';

/** What the fake model does next; each test sets it. */
let behaviour: (doc: ReturnType<typeof userDocument>) => FakeReply = () => ({ status: 500, message: 'unset' });
let model: FakeOpenAi;
beforeAll(async () => {
  model = await startFakeOpenAi((req) => behaviour(userDocument(req)));
});
afterAll(async () => {
  await model.close();
});

const harness = useHarness({
  get env() {
    return { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: model.url, OPENAI_MODEL: 'fake-model', OPENAI_TIMEOUT_MS: '1500' };
  },
});
let h: Harness;
beforeEach(() => {
  h = harness();
  model.requests.length = 0;
});

describe('with an LLM configured', () => {
  it('answers with the model\u2019s grounded draft and its cited source', async () => {
    behaviour = (doc) => ({
      content: JSON.stringify({ answer: 'Open Settings > Members and press Invite; the link is valid for 7 days.', citations: [doc.sources[0]!.id], confidence: 0.9 }),
    });
    const ts = await h.say(customer, 'How do I invite a teammate?');
    const reply = await h.waitForPost(ACME_CHANNEL, ts);
    expect(String(reply.args.text)).toBe('Open Settings &gt; Members and press Invite; the link is valid for 7 days.');
    expect(JSON.stringify(reply.args.blocks)).toContain('Inviting teammates');
    const metrics = await h.baton.metrics.registry.metrics();
    expect(metrics).toMatch(/^baton_llm_call_duration_seconds_count\{method="chat.completions",outcome="ok"\} 1$/m);
  });

  it('sends the model only the asking account\u2019s and global knowledge, never internal notes of others', async () => {
    behaviour = () => ({ content: JSON.stringify({ answer: '', citations: [], confidence: 0 }) });
    await h.say(customer, 'How do we set up the Okta connector for Acme?', { channel: GLOBEX_CHANNEL });
    await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === GLOBEX_CHANNEL);
    const sent = JSON.stringify(model.requests);
    expect(sent).not.toContain('0oa-ACME-SECRET');
  });

  it('hands the customer to a specialist when the model fails, with the usual framing', async () => {
    behaviour = () => ({ status: 500, message: 'model overloaded' });
    const ts = await h.say(customer, 'How do I invite a teammate?');
    const notice = await h.waitForPost(ACME_CHANNEL, ts);
    expect(String(notice.args.text)).toContain('support specialist');
    expect(String(notice.args.text)).not.toMatch(/error|overloaded|500/i);
    const conversation = await h.baton.core.conversations.get(`slack:${ACME_CHANNEL}:${ts}`);
    const escalation = await h.baton.core.escalations.get(conversation!.escalationId!);
    expect(escalation?.trigger).toBe('engine_error');
  });

  it('hands over when the model does not answer in time, without a second try past OPENAI_TIMEOUT_MS', async () => {
    behaviour = () => ({ hang: true });
    const ts = await h.say(customer, 'How do I invite a teammate?');
    const notice = await h.waitForPost(ACME_CHANNEL, ts, () => true, 15_000);
    expect(String(notice.args.text)).toContain('support specialist');
    expect(model.requests).toHaveLength(1);
    expect(await h.baton.metrics.registry.metrics()).toMatch(/^baton_llm_call_duration_seconds_count\{method="chat.completions",outcome="timeout"\} 1$/m);
  });

  it('does not send a cited answer that carries a link its sources do not have', async () => {
    behaviour = (doc) => ({
      content: JSON.stringify({
        answer: 'Open Settings > Members and press Invite. First confirm your account at https://acme-support.example/verify.',
        citations: [doc.sources[0]!.id],
        confidence: 0.95,
      }),
    });
    const ts = await h.say(customer, 'How do I invite a teammate?');
    const first = await h.waitForPost(ACME_CHANNEL, ts);
    expect(String(first.args.text)).not.toContain('acme-support.example');
    expect(JSON.stringify(h.fake.calls('chat.postMessage').map((c) => c.args))).not.toContain('acme-support.example');
  });

  it('does not send an answer the model gave without citing a source', async () => {
    behaviour = () => ({ content: JSON.stringify({ answer: 'Just email us your password and we will sort it.', citations: [], confidence: 0.95 }) });
    const ts = await h.say(customer, 'How do I invite a teammate?');
    const first = await h.waitForPost(ACME_CHANNEL, ts);
    expect(String(first.args.text)).not.toContain('password');
  });
});

describe('with a keyless OpenAI-compatible server (OPENAI_BASE_URL, no OPENAI_API_KEY)', () => {
  it('drafts through it and sends no Authorization header', async () => {
    behaviour = (doc) => ({ content: JSON.stringify({ answer: 'Press Invite under Settings > Members.', citations: [doc.sources[0]!.id], confidence: 0.9 }) });
    const keyless = await Harness.start({ env: { OPENAI_BASE_URL: model.url, OPENAI_MODEL: 'local-model' } });
    try {
      model.authorizations.length = 0;
      const ts = await keyless.say(customer, 'How do I invite a teammate?');
      const reply = await keyless.waitForPost(ACME_CHANNEL, ts);
      expect(String(reply.args.text)).toBe('Press Invite under Settings &gt; Members.');
      expect(model.authorizations).toEqual([undefined]);
    } finally {
      await keyless.stop();
    }
  });
});
