import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBaton, type RunningBaton } from '../../../src/baton.js';
import { readEnv } from '../../../src/config/env.js';
import { loadPolicy } from '../../../src/config/load-policy.js';
import type { Clock } from '../../../src/core/ports/clock.js';
import { createLogger } from '../../../src/infra/logger.js';
import { E2E_KNOWLEDGE } from '../../e2e/knowledge.js';
import { fakePlatform } from './fake-platform.js';
import type { FakeWorld } from './fake-world.js';

const POLICY = 'test/platforms/fake-platform/baton.fake.yaml';

export interface FakeBaton {
  baton: RunningBaton;
  /** Customer Casey (or `from`) writes in a room: a new thread `id`, or a reply in `thread`. */
  say(id: string, text: string, more?: { room?: string; thread?: string }): Promise<{ status: number; body: Record<string, unknown> }>;
  /** A press on one of the fake platform's buttons, by a specialist unless `user` says otherwise. */
  press(action: string, more: Record<string, unknown>): Promise<{ status: number; body: Record<string, unknown> }>;
}

/** A new SQLite store for one Baton and the restarts it goes through. */
export function fakeStore(): string {
  return `sqlite://${join(mkdtempSync(join(tmpdir(), 'baton-fake-')), 'baton.sqlite')}`;
}

/** Baton with only the fake platform available, over its JSON routes: nothing outside this folder knows it. */
export async function startFakeBaton(world: FakeWorld, store = fakeStore(), clock?: Clock): Promise<FakeBaton> {
  const env = readEnv({ PORT: '0', BATON_CONFIG: POLICY, BATON_STORE: store });
  const baton = await startBaton({ env, policy: loadPolicy(POLICY), log: createLogger('silent'), knowledge: E2E_KNOWLEDGE, sourceEnv: {}, platforms: [fakePlatform(world)], ...(clock ? { clock } : {}) });
  await baton.ready;
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`http://127.0.0.1:${baton.port}${path}`, { method: 'POST', body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  return {
    baton,
    say: (id, text, more = {}) => post('/fake/messages', { room: more.room ?? 'acme-room', id, user: 'casey', name: 'Casey', text, ...(more.thread ? { thread: more.thread } : {}) }),
    press: (action, more) => post('/fake/presses', { action, user: 'staff-ana', name: 'Ana', ...more }),
  };
}
