import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KeyvInbox } from '../../src/infra/store/keyv-inbox.js';
import { openStores } from '../../src/infra/store/open-stores.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { messageEvent } from '../fakes/slack-request.js';
import { BatonProcess, policyWithChannels } from './baton-process.js';
import { CUSTOMER, deliverUnacked, type Sent } from './slack-redelivery.js';

const CHANNEL = 'C0GROUP0001';
/** The longest window there is: the restart of the process (slow on a loaded machine) must fit inside it. */
const WINDOW_SECONDS = 30;

let fake: FakeSlackApi | undefined;
let baton: BatonProcess | undefined;

afterEach(async () => {
  if (baton?.child.exitCode === null) await baton.kill();
  await fake?.stop();
});

function fragment(f: FakeSlackApi, text: string, ts: string, thread: string): Sent {
  f.addMessage(CHANNEL, { ts, text, user: CUSTOMER.id, team: CUSTOMER.teamId, ...(ts === thread ? {} : { thread_ts: thread }) });
  const envelope = messageEvent({ channel: CHANNEL, user: CUSTOMER.id, userTeam: CUSTOMER.teamId, text, ts, ...(ts === thread ? {} : { threadTs: thread }) });
  return { channel: CHANNEL, ts, envelope, acked: false, attempts: 0 };
}

describe('grouping under a SIGKILL', () => {
  it('a thread killed mid-window, its last fragment redelivered after the restart, gets exactly one outcome for all three', { timeout: 120_000 }, async () => {
    fake = await FakeSlackApi.start({ team: { id: 'T0VENDOR01' } });
    fake.addUser({ id: CUSTOMER.id, team_id: CUSTOMER.teamId, real_name: 'Casey' });
    const store = `sqlite://${join(mkdtempSync(join(tmpdir(), 'baton-group-')), 'baton.sqlite')}`;
    const env = { SLACK_API_URL: fake.url, BATON_STORE: store, BATON_CONFIG: policyWithChannels([CHANNEL], { grouping: { window_seconds: WINDOW_SECONDS } }) };
    const base = Math.floor(Date.now() / 1000);
    const thread = `${base}.000001`;
    const [hi, question, rest] = [fragment(fake, 'Hi', thread, thread), fragment(fake, 'how do I invite', `${base}.000002`, thread), fragment(fake, 'a teammate?', `${base}.000003`, thread)];

    baton = await BatonProcess.start(env);
    await deliverUnacked(baton.eventsUrl, [hi!, question!], 1);
    await baton.kill();
    expect([hi!.acked, question!.acked]).toEqual([true, true]);
    const inThread = () => fake!.calls('chat.postMessage').filter((c) => c.response.ok && c.args.thread_ts === thread);
    expect(inThread()).toHaveLength(0);

    baton = await BatonProcess.start(env);
    await deliverUnacked(baton.eventsUrl, [rest!], 1); // the last fragment reaches the new process, still within the window
    await fake.waitFor('chat.postMessage', (c) => c.response.ok && c.args.thread_ts === thread, 60_000);
    expect(await baton.stop()).toBe(0);

    expect(inThread()).toHaveLength(1);
    const inbox = await KeyvInbox.open(store);
    const stores = await openStores(store);
    try {
      expect(await inbox.pending()).toEqual([]);
      const c = await stores.conversations.get(`slack:${CHANNEL}:${thread}`);
      expect(c?.turns.filter((t) => t.role === 'customer').map((t) => t.text)).toEqual(['Hi', 'how do I invite', 'a teammate?']);
      expect(c?.decisions).toHaveLength(1);
    } finally {
      await inbox.close();
      await stores.close();
    }
  });
});
