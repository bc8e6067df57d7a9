import { describe, expect, it } from 'vitest';
import { ACME_CHANNEL, customer } from '../e2e/harness.js';
import { dmOf, lead, slash } from '../e2e/loop/loop-world.js';
import { channelMessage, teamsCustomer } from './teams-activities.js';
import { useTeamsWorld } from './teams-world.js';

const world = useTeamsWorld();

describe('/baton report with Slack and Teams customers', () => {
  it('breaks the escalation rate, CSAT and FCR down by platform', async () => {
    const { send, connector, postIn, h } = world();
    h.fake.addUser({ id: lead.id, team_id: lead.teamId, real_name: lead.name, name: 'lee' });
    const ask = channelMessage({ serviceUrl: connector.url, from: teamsCustomer, text: 'How do I invite a teammate?' });
    await send(ask);
    await postIn(ask.id);
    const thread = await h.say(customer, 'We think someone accessed our workspace without permission, please check');
    await h.waitForPost(ACME_CHANNEL, thread, (t) => t.includes('security specialist'));
    await h.settle();

    await slash(h, lead, 'report 7d');
    const dm = await dmOf(h, lead);
    const post = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === dm);
    const blocks = JSON.stringify(post.args.blocks);
    expect(blocks).toContain('*By platform*');
    expect(blocks).toContain('• *Slack*: 1 conversation · escalated 100%');
    expect(blocks).toContain('• *Microsoft Teams*: 1 conversation · escalated 0%');
  });
});
