import { afterEach, describe, expect, it } from 'vitest';
import type { RunningBaton } from '../../../src/baton.js';
import { startFakeBaton } from './fake-baton.js';
import { FakeWorld, type FakePost } from './fake-world.js';

let baton: RunningBaton | undefined;

afterEach(async () => {
  await baton?.stop();
  baton = undefined;
});

async function startFake() {
  const world = new FakeWorld();
  const fake = await startFakeBaton(world);
  baton = fake.baton;
  const casey = { user: 'casey', name: 'Casey' };
  return {
    world,
    say: (id: string, text: string) => fake.say(id, text),
    askForHuman: (key: string) => fake.press('human', { conversationKey: key, ...casey }),
    staff: (action: string, escalationId: string, more: Record<string, unknown> = {}) => fake.press(action, { escalationId, ...more }),
  };
}

const toCustomer = (thread: string, text: (t: string) => boolean) => (p: FakePost) => p.kind === 'customer' && p.channel === 'acme-room' && p.thread === thread && text(p.text);

describe('a fourth platform, added in one folder under test/', () => {
  it('runs the whole loop: an answer, a handoff, a claim, a relayed reply and a close', async () => {
    const { world, say, askForHuman, staff } = await startFake();
    expect([...baton!.platforms.keys()]).toEqual(['fake']);

    expect((await say('q1', 'How do I invite a teammate?')).status).toBe(202);
    await world.waitFor('the answer', toCustomer('q1', (t) => /Settings/.test(t)));

    await say('q2', 'The export button does nothing when I click it');
    await world.waitFor('an answer or a notice in the second thread', (p) => p.kind === 'customer' && p.thread === 'q2');
    await askForHuman('fake:acme-room:q2');
    const packet = await world.waitFor('the packet in the queue room', (p) => p.kind === 'packet' && p.channel === 'support-queue');
    const escalationId = /Escalation (E-[A-Z0-9]+)/.exec(packet.text)?.[1] ?? '';
    await world.waitFor('the handoff notice', toCustomer('q2', (t) => t.includes('support specialist')));

    expect((await staff('claim', escalationId)).body).toMatchObject({ ok: true });
    await world.waitFor('the claim notice', toCustomer('q2', (t) => t === 'Ana from our team is on it now.'));
    await world.waitFor('the packet shown claimed', (p) => p.kind === 'packet-update' && p.text.includes('claimed'));

    expect((await staff('relay', escalationId, { text: 'We fixed the export; try again?' })).body).toMatchObject({ ok: true });
    await world.waitFor('the relayed reply', toCustomer('q2', (t) => t === 'Ana from our team: We fixed the export; try again?'));

    expect((await staff('close', escalationId, { tags: { rootCause: 'product_bug', aiAccuracy: 'correct', automation: 'maybe' } })).body).toMatchObject({ ok: true });
    await world.waitFor('the packet shown resolved', (p) => p.kind === 'packet-update' && p.text.includes('resolved'));
    await world.waitFor('the survey', (p) => p.kind === 'csat' && p.thread === 'q2');
    expect((await baton!.core.escalations.get(escalationId))?.status).toBe('resolved');
  });
});
