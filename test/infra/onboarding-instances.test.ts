import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '../e2e/harness.js';
import { botJoins, lead, mapAndIntroduce, NEW_CHANNEL, newcoCustomer, offerFor } from '../e2e/onboarding/onboarding-world.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { workerRedisUrl } from '../worker-redis.js';

let running: Harness[] = [];
let fake: FakeSlackApi | undefined;
afterEach(async () => {
  await Promise.all(running.map((h) => h.baton.stop()));
  running = [];
  await fake?.stop();
  fake = undefined;
});

describe('a channel mapped in Slack, with two instances on one Redis', () => {
  it('is answered by the other instance as soon as a lead maps it and approves the introduction on one', async () => {
    fake = await FakeSlackApi.start();
    for (const u of [lead, newcoCustomer]) fake.addUser({ id: u.id, team_id: u.teamId, real_name: u.name, name: u.name });
    const options = { storeUri: workerRedisUrl(), fake, policyFile: 'test/fixtures/e2e/baton.onboard.yaml' };
    const a = await Harness.start(options);
    const b = await Harness.start(options);
    running = [a, b];

    await botJoins(a, NEW_CHANNEL);
    await offerFor(a, NEW_CHANNEL);
    const early = await b.say(newcoCustomer, 'How do I invite a teammate?', { channel: NEW_CHANNEL });
    await b.waitForLog('customer message in a channel not live yet');
    const { approved } = await mapAndIntroduce(a, 'Hi Newco team! Ask away.');
    expect(approved.status).toBe(200);
    await a.waitForPost(NEW_CHANNEL, undefined, (t) => t.includes('Hi Newco team!'));

    const thread = await b.say(newcoCustomer, 'How do I invite a teammate?', { channel: NEW_CHANNEL });
    const answer = await b.waitForPost(NEW_CHANNEL, thread);
    expect(String(answer.args.text)).toMatch(/Settings/);
    expect(b.postsIn(NEW_CHANNEL, early)).toEqual([]);
  });
});
