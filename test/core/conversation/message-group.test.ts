import { describe, expect, it } from 'vitest';
import { buildDeciderWithIndex } from '../../../src/core/answer/build-decider.js';
import { handleMessage, handleMessages } from '../../../src/core/conversation/handle-message.js';
import type { InboundMessage } from '../../../src/core/model/message.js';
import type { Decider } from '../../../src/core/ports/decider.js';
import { FakeClock, memoryCore } from '../../fakes/memory-core.js';
import { SMALL_KB, smallPolicy } from '../answer/small-policy.js';

const policy = smallPolicy();
const ref = { platform: 'slack' as const, channel: 'C0ACME001', thread: '100.000001' };
const casey = { id: 'U0CASEY', name: 'Casey', isExternal: true };
const ana = { id: 'U0ANA', name: 'Ana', isExternal: false };

function world() {
  const clock = new FakeClock();
  const { decider } = buildDeciderWithIndex({ policy, kb: SMALL_KB });
  const asked: string[] = [];
  const recording: Decider = {
    decide: (input) => {
      asked.push(input.text);
      return decider.decide(input);
    },
  };
  const core = memoryCore(policy, recording, clock);
  let n = 0;
  const say = (text: string, author = casey): InboundMessage => {
    clock.at += 1000;
    return { id: `100.00000${++n}`, ref, author, text, at: clock.at };
  };
  return { ...core, asked, say, conversation: () => core.conversations.get('slack:C0ACME001:100.000001')! };
}

describe('messages sent in quick succession, decided as one request', () => {
  it('three fragments get one decision on their combined text, and each stays its own turn in the transcript', async () => {
    const w = world();
    const fragments = [w.say('hi'), w.say('how can I export my dashboard'), w.say('as a CSV report?')];
    const outcome = await handleMessages(w.deps, fragments);

    expect(w.asked).toEqual(['hi\nhow can I export my dashboard\nas a CSV report?']);
    expect(outcome).toMatchObject({ kind: 'decided', decision: { action: 'answer' } });
    const c = w.conversation();
    expect(c.turns.map((t) => [t.role, t.text])).toEqual([
      ['customer', 'hi'],
      ['customer', 'how can I export my dashboard'],
      ['customer', 'as a CSV report?'],
      ['bot', 'Open the dashboard, choose Export, then CSV.'],
    ]);
    expect(c.decisions).toHaveLength(1);
    expect(c.outbox).toHaveLength(1);
  });

  it('the first fragment decided alone would not have been answered: the group is what makes it a question', async () => {
    const w = world();
    const outcome = await handleMessage(w.deps, w.say('hi'));
    expect(outcome.kind === 'decided' && outcome.decision.action).not.toBe('answer');
  });

  it('a group handled again after a crash (every message already recorded) decides nothing twice', async () => {
    const w = world();
    const fragments = [w.say('hi'), w.say('how can I export my dashboard as a CSV report?')];
    await handleMessages(w.deps, fragments);
    expect(await handleMessages(w.deps, fragments)).toEqual({ kind: 'ignored', reason: 'duplicate' });
    expect(w.asked).toHaveLength(1);
    expect(w.conversation().outbox).toHaveLength(1);
  });

  it('a group recovered with one new message decides only the new one', async () => {
    const w = world();
    const first = w.say('how can I export my dashboard as a CSV report?');
    await handleMessage(w.deps, first);
    await handleMessages(w.deps, [first, w.say('where can I download my invoice for last month?')]);
    expect(w.asked).toEqual(['how can I export my dashboard as a CSV report?', 'where can I download my invoice for last month?']);
  });

  it('a staff reply inside the group takes the thread over before the customer messages after it are decided', async () => {
    const w = world();
    await handleMessages(w.deps, [w.say('how can I export my dashboard'), w.say('I can help with that', ana), w.say('as a CSV report?')]);
    expect(w.asked).toEqual(['how can I export my dashboard', 'as a CSV report?']);
    expect(w.conversation().mode).toBe('human');
  });
});
