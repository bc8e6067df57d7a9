import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBaton, type RunningBaton } from '../../../src/baton.js';
import { readEnv } from '../../../src/config/env.js';
import { loadPolicy } from '../../../src/config/load-policy.js';
import { createLogger } from '../../../src/infra/logger.js';
import { E2E_KNOWLEDGE } from '../../e2e/knowledge.js';
import { fakePlatform } from './fake-platform.js';
import { FakeWorld, type FakePost } from './fake-world.js';

const POLICY = 'test/platform/fake-platform/baton.fake.yaml';
let baton: RunningBaton | undefined;

afterEach(async () => {
  await baton?.stop();
  baton = undefined;
});

/** Baton with only the fake platform available: nothing outside this folder knows it. */
async function startFake() {
  const world = new FakeWorld();
  const env = readEnv({ PORT: '0', BATON_CONFIG: POLICY, BATON_STORE: `sqlite://${join(mkdtempSync(join(tmpdir(), 'baton-fake-')), 'baton.sqlite')}` });
  baton = await startBaton({ env, policy: loadPolicy(POLICY), log: createLogger('silent'), knowledge: E2E_KNOWLEDGE, sourceEnv: {}, platforms: [fakePlatform(world)] });
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`http://127.0.0.1:${baton!.port}${path}`, { method: 'POST', body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const casey = { user: 'casey', name: 'Casey' };
  const ana = { user: 'staff-ana', name: 'Ana' };
  return {
    world,
    say: (id: string, text: string) => post('/fake/messages', { room: 'acme-room', id, ...casey, text }),
    askForHuman: (key: string) => post('/fake/presses', { action: 'human', conversationKey: key, ...casey }),
    staff: (action: string, escalationId: string, more: Record<string, unknown> = {}) => post('/fake/presses', { action, escalationId, ...ana, ...more }),
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
