import { ACTION, REPLY_FIELD, VIEW } from '../../src/core/model/actions.js';
import { ACME_CHANNEL, ana, ben, customer, Harness } from '../e2e/harness.js';
import { closeWithTags, ManualClock } from '../e2e/loop/loop-world.js';
import { sendInteraction, typedText, viewSubmissionPayload } from '../fakes/slack-request.js';
import { type PlatformDriver, QUESTIONS } from './platform-driver.js';

const QUEUES = new Set(['C0SUPPORT1', 'C0SECURE01', 'C0BILLING1']);
const STRANGERS = 'C0NEWCO001';
const stranger = { id: 'U0NEWCO001', teamId: 'T0NEWCO001', name: 'Nia' };

/** Slack: the real Bolt app over signed HTTP against the fake Slack Web API on loopback (test/e2e/harness.ts). */
export async function slackDriver(): Promise<PlatformDriver> {
  const h = await Harness.start({ policyFile: 'test/fixtures/e2e/baton.loop.yaml', clock: new ManualClock() });
  const ok = (method: string) => h.fake.calls(method).filter((c) => c.response.ok);
  const text = (c: { args: Record<string, unknown> }) => String(c.args.text ?? '');
  /** The packet's post: the top-level message in a queue channel that names the escalation. */
  const packet = (id: string) => ok('chat.postMessage').find((c) => QUEUES.has(String(c.args.channel)) && !c.args.thread_ts && JSON.stringify(c.args.blocks ?? '').includes(id));
  const packetAt = async (id: string) => {
    const post = packet(id) ?? (await h.fake.waitFor('chat.postMessage', (c) => c.response.ok && !c.args.thread_ts && JSON.stringify(c.args.blocks ?? '').includes(id)));
    return { channel: String(post.args.channel), ts: String(post.response.ts) };
  };
  const submit = async (callbackId: string, escalationId: string, values: Record<string, Record<string, unknown>>) => {
    const res = await sendInteraction(h.target, viewSubmissionPayload({ user: ana, callbackId, privateMetadata: escalationId, values: values as never }));
    if (res.status !== 200) throw new Error(`Slack view submission answered ${res.status}`);
  };
  return {
    get core() {
      return h.baton.core as PlatformDriver['core'];
    },
    lookBeforeResend: true,
    ...QUESTIONS,
    async customerSays(said, thread) {
      const ts = await h.say(customer, said, thread ? { threadTs: thread.thread } : {});
      return thread ?? { platform: 'slack', channel: ACME_CHANNEL, thread: ts };
    },
    async strangerSays(said) {
      await h.say(stranger, said, { channel: STRANGERS });
    },
    customerSaw: (ref) => ok('chat.postMessage').filter((c) => c.args.channel === ref.channel && c.args.thread_ts === ref.thread).map(text),
    strangerSaw: () => ok('chat.postMessage').filter((c) => c.args.channel === STRANGERS).map(text),
    queueSaw: () => ok('chat.postMessage').filter((c) => QUEUES.has(String(c.args.channel)) && !c.args.thread_ts).map(text),
    threadSaw: (id) => {
      const root = packet(id);
      return root ? ok('chat.postMessage').filter((c) => c.args.channel === root.args.channel && c.args.thread_ts === root.response.ts).map(text) : [];
    },
    packetUpdates: (id) => {
      const root = packet(id);
      return root ? ok('chat.update').filter((c) => c.args.channel === root.args.channel && c.args.ts === root.response.ts).length : 0;
    },
    async staffClaims(escalationId, second) {
      const res = await h.click(second ? ben : ana, ACTION.claim, escalationId, await packetAt(escalationId));
      if (res.status !== 200) throw new Error(`Slack click answered ${res.status}`);
    },
    async staffReplies(escalationId, said) {
      await submit(VIEW.replyToCustomer, escalationId, { [REPLY_FIELD]: { [REPLY_FIELD]: typedText(said) } });
    },
    async staffCloses(escalationId) {
      await closeWithTags(h, escalationId, { rootCause: 'other', accuracy: 'correct', automation: 'no' });
    },
    async customerRates(ref, rating) {
      const prompt = await h.fake.waitFor('chat.postMessage', (c) => c.response.ok && c.args.thread_ts === ref.thread && JSON.stringify(c.args.blocks ?? '').includes(ACTION.csat));
      await h.waitForLog('CSAT asked');
      await h.click(customer, `${ACTION.csat}.${rating}`, `slack:${ref.channel}:${ref.thread}`, { channel: ref.channel, ts: String(prompt.response.ts), threadTs: ref.thread });
    },
    failNextSends(...statuses) {
      for (const status of statuses) h.fake.failNext('chat.postMessage', status === 429 ? { status, retryAfter: 1 } : { status });
    },
    accepted: () => ok('chat.postMessage').length + ok('chat.update').length,
    restart: () => h.restart(),
    settle: () => h.settle(),
    stop: () => h.stop(),
  };
}
