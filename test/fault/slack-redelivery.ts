import type { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { messageEvent, sendEvent, type EventCallback } from '../fakes/slack-request.js';
import { SECRET } from './baton-process.js';

export const CUSTOMER = { id: 'U0FAULTCUS', teamId: 'T0CUSTOMER' };

/**
 * Questions the shipped docs answer, and one in ten a request for a person (support or security queue):
 * each queue channel takes one packet a second, so more escalations would measure Slack's limit, not Baton.
 */
export const ANSWERED = 'How do I invite a teammate?';
const TEXTS = [...Array<string>(9).fill(ANSWERED), 'I want to talk to a person please', ...Array<string>(9).fill(ANSWERED), 'We think someone accessed our workspace without permission, please check'];

export interface Sent {
  channel: string;
  ts: string;
  envelope: EventCallback;
  acked: boolean;
  attempts: number;
}

/**
 * `count` new customer threads over `channels`, each seeded in the fake as Slack holds it before it sends
 * the event; `texts` in turn (by default nine answered questions to one request for a person).
 */
export function customerThreads(fake: FakeSlackApi, channels: string[], count: number, offset: number, texts: string[] = TEXTS): Sent[] {
  const base = Math.floor(Date.now() / 1000);
  return Array.from({ length: count }, (_, i) => {
    const n = offset + i;
    const channel = channels[n % channels.length]!;
    const ts = `${base}.${String(n).padStart(6, '0')}`;
    const text = texts[n % texts.length]!;
    fake.addMessage(channel, { ts, text, user: CUSTOMER.id, team: CUSTOMER.teamId });
    return { channel, ts, envelope: messageEvent({ channel, user: CUSTOMER.id, userTeam: CUSTOMER.teamId, text, ts }), acked: false, attempts: 0 };
  });
}

/**
 * Delivers what Slack still owes: every event not yet acknowledged with a 2xx, `concurrency` at a time,
 * a redelivery carrying x-slack-retry-num as Slack's does. `onAck` sees each acknowledgement.
 */
export async function deliverUnacked(url: string, events: Sent[], concurrency: number, onAck: () => void = () => undefined): Promise<void> {
  const queue = events.filter((e) => !e.acked);
  const worker = async () => {
    for (let e = queue.shift(); e; e = queue.shift()) {
      const retry = e.attempts > 0 ? { retry: { num: Math.min(3, e.attempts) as 1 | 2 | 3, reason: 'http_error' as const } } : {};
      e.attempts += 1;
      try {
        const res = await sendEvent({ url, signingSecret: SECRET }, e.envelope, retry);
        if (res.status >= 200 && res.status < 300) {
          e.acked = true;
          onAck();
        }
      } catch {
        // Connection refused or reset: Slack counts it as failed and delivers it again later.
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Bot posts in each thread, and packets by escalation id, as the fake Slack recorded them. */
export function outcomes(fake: FakeSlackApi, sent: Sent[], queueChannels: string[]) {
  const posts = fake.calls('chat.postMessage').filter((c) => c.response.ok);
  const perThread = new Map<string, number>();
  for (const c of posts) if (typeof c.args.thread_ts === 'string') perThread.set(`${c.args.channel}:${c.args.thread_ts}`, (perThread.get(`${c.args.channel}:${c.args.thread_ts}`) ?? 0) + 1);
  const packets = new Map<string, number>();
  for (const c of posts) {
    const id = /^Escalation (E-[A-Z0-9]+)/.exec(String(c.args.text))?.[1];
    if (id && queueChannels.includes(String(c.args.channel)) && c.args.thread_ts === undefined) packets.set(id, (packets.get(id) ?? 0) + 1);
  }
  const counts = sent.map((s) => perThread.get(`${s.channel}:${s.ts}`) ?? 0);
  return {
    unanswered: counts.filter((n) => n === 0).length,
    duplicated: counts.filter((n) => n > 1).length,
    packets,
  };
}
