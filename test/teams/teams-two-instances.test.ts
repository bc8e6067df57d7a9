import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ACME_CHANNEL, customer, Harness } from '../e2e/harness.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { FakeTeamsConnector } from '../fakes/fake-teams-connector.js';
import { messageEvent } from '../fakes/slack-event-payloads.js';
import { slackTs } from '../fakes/slack-ids.js';
import { sendEvent } from '../fakes/slack-request.js';
import { freePort, startRedisServer } from '../global-redis.js';
import { ACCESS_QUEUE, installedInTeam, postActivity, teamsStaff } from './teams-activities.js';

const SIGN_IN_TROUBLE = 'I can\u2019t log in and the reset email never arrives, can I talk to a human please?';
/** Teams lets a bot post 7 times a second in one conversation (platform-facts §6.5). */
const TEAMS_BURST = 7;

let stop: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const s of stop.reverse()) await s();
  stop = [];
});

/** Two instances' worth of Baton on their own Redis, one Slack and one Bot Connector. */
async function twoInstances(): Promise<{ a: Harness; b: Harness; connector: FakeTeamsConnector }> {
  const port = await freePort();
  const redis: ChildProcess = await startRedisServer({ port, dir: mkdtempSync(join(tmpdir(), 'baton-teams-redis-')) });
  const connector = await FakeTeamsConnector.start();
  connector.addMember(teamsStaff);
  const fake = await FakeSlackApi.start();
  stop.push(async () => {
    redis.kill('SIGKILL');
  }, () => connector.stop(), () => fake.stop());
  const options = { policyFile: 'test/teams/baton.teams.yaml', storeUri: `redis://127.0.0.1:${port}`, fake, env: { TEAMS_SERVICE_HOSTS: '127.0.0.1' } };
  const a = await Harness.start(options);
  stop.push(() => a.baton.stop());
  const b = await Harness.start(options);
  stop.push(() => b.baton.stop());
  return { a, b, connector };
}

describe('two Baton instances on one Redis, with a Teams queue', () => {
  it("hold Teams' per-conversation rate between them: packets into one queue channel do not burst past 7", async () => {
    const { a, b, connector } = await twoInstances();
    // The install reached one instance; the other reads the service URL it learned from the shared store.
    expect((await postActivity(`http://127.0.0.1:${a.baton.port}/api/messages`, installedInTeam(connector.url))).status).toBe(200);
    const threads = Array.from({ length: TEAMS_BURST + 2 }, () => slackTs());
    const ask = (ts: string) => messageEvent({ channel: ACME_CHANNEL, user: customer.id, userTeam: customer.teamId, text: SIGN_IN_TROUBLE, ts });
    await Promise.all(threads.map((t, i) => sendEvent((i % 2 ? a : b).target, ask(t))));
    const posted = () => connector.calls.filter((c) => c.kind === 'create' && c.conversationId === ACCESS_QUEUE && c.status === 201);
    await connector.waitFor(() => posted().length === threads.length, 20_000);
    const times = posted().map((c) => c.at!).sort((x, y) => x - y);
    // Each instance alone would have posted its share (5 and 4) at once, 9 together.
    expect(times.filter((t) => t < times[0]! + 1000).length).toBeLessThanOrEqual(TEAMS_BURST);
  });
});
