import { describe, expect, it } from 'vitest';
import { buildDeciderWithIndex } from '../../../src/core/answer/build-decider.js';
import { handleMessage } from '../../../src/core/conversation/handle-message.js';
import { attemptDelivery } from '../../../src/core/delivery/attempt-delivery.js';
import type { InboundMessage } from '../../../src/core/model/message.js';
import type { ChatGateway } from '../../../src/core/ports/chat-gateway.js';
import { FakeClock, memoryCore } from '../../fakes/memory-core.js';
import { SMALL_KB, smallPolicy } from '../answer/small-policy.js';

const policy = smallPolicy();
const ref = { platform: 'slack' as const, channel: 'C0ACME001', thread: '100.000001' };
const key = 'slack:C0ACME001:100.000001';
const casey = { id: 'U0CASEY', name: 'Casey', isExternal: true };

/** A chat platform that keeps what was posted under each delivery id, and can lose the reply to a post that went out. */
function platform() {
  const notes: { text: string; id?: string }[] = [];
  let loseNextReply = false;
  const gateway: Partial<ChatGateway> = {
    replyToCustomer: async (_ref, _message, tag) => ({ cleared: await tag.beforeSend(), sent: 'r.1' }),
    postPacket: async ({ platform, channel }, _packet, tag) => ({ cleared: await tag.beforeSend(), sent: { platform, channel, messageId: 'p.1' } }),
    updatePacket: async () => {},
    linkTo: async () => undefined,
    postInternal: async (_at, text, tag) => {
      const cleared = await tag.beforeSend();
      notes.push({ text, id: tag.id });
      if (loseNextReply) {
        loseNextReply = false;
        throw new Error('socket hang up');
      }
      return cleared;
    },
    findDelivered: async (place, id) => (place.thread === 'p.1' && notes.some((n) => n.id === id) ? 'n.1' : undefined),
  };
  return { gateway: gateway as ChatGateway, notes, loseNextReply: () => {
      loseNextReply = true;
    },
  };
}

function world() {
  const clock = new FakeClock();
  const core = memoryCore(policy, buildDeciderWithIndex({ policy, kb: SMALL_KB }).decider, clock);
  const chat = platform();
  core.deps.gateway = chat.gateway;
  let n = 0;
  const say = (text: string): InboundMessage => {
    clock.at += 1000;
    return { id: `100.00000${++n}`, ref, author: casey, text, at: clock.at };
  };
  const maybeSent = new Set<string>();
  /** What the delivery runner does: attempts each recorded delivery until the outbox is empty or one fails. */
  const deliver = async () => {
    for (;;) {
      const step = await attemptDelivery(core.deps, key, { choose: (list) => list[0], maybeSent: (id) => maybeSent.has(id) });
      if (!step.delivery) return 'delivered';
      if (step.result === 'failed') {
        maybeSent.add(step.delivery.id);
        return 'failed';
      }
    }
  };
  return { ...core, chat, say, deliver, outbox: () => core.conversations.get(key)?.outbox ?? [] };
}

describe('a customer follow-up while a specialist has the escalation', () => {
  it('is recorded with the customer\u2019s turn, survives until delivered, and reaches the packet thread once when a post\u2019s reply was lost', async () => {
    const w = world();
    await handleMessage(w.deps, w.say('I want to talk to a person'));
    expect(await w.deliver()).toBe('delivered');

    const followUp = w.say('it is for 40 people');
    expect(await handleMessage(w.deps, followUp)).toEqual({ kind: 'quiet', mode: 'escalated' });
    // Nothing posted yet: the note waits in the stored outbox, what a restart resumes from.
    expect(w.chat.notes).toEqual([]);
    expect(w.outbox()).toMatchObject([{ kind: 'note', text: 'Casey added: it is for 40 people' }]);

    // The post goes out but its reply is lost: the retry finds it in the thread instead of posting again.
    w.chat.loseNextReply();
    expect(await w.deliver()).toBe('failed');
    expect(w.outbox()).toHaveLength(1);
    expect(await w.deliver()).toBe('delivered');
    expect(w.chat.notes.map((n) => n.text)).toEqual(['Casey added: it is for 40 people']);
    expect(w.outbox()).toEqual([]);

    // Slack redelivering the same message mirrors nothing new.
    await handleMessage(w.deps, followUp);
    expect(w.outbox()).toEqual([]);
  });

  it('waits for a packet still on its way, then follows it into the thread', async () => {
    const w = world();
    await handleMessage(w.deps, w.say('I want to talk to a person'));
    await handleMessage(w.deps, w.say('it is urgent'));
    expect(w.outbox().map((d) => d.kind)).toEqual(expect.arrayContaining(['packet', 'note']));
    expect(await w.deliver()).toBe('delivered');
    expect(w.chat.notes.map((n) => n.text)).toEqual(['Casey added: it is urgent']);
  });
});
