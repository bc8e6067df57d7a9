import { describe, expect, it } from 'vitest';
import { customer } from '../e2e/harness.js';
import { MINUTE } from '../e2e/loop/loop-world.js';
import type { ConnectorCall } from '../fakes/fake-teams-connector.js';
import { ACCESS_QUEUE, channelMessage, GONE_LEAD, installedInTeam, teamsCustomer, teamsLead } from './teams-activities.js';
import { useTeamsWorld } from './teams-world.js';

const world = useTeamsWorld();
const SIGN_IN_TROUBLE = 'I can\u2019t log in and the reset email never arrives, can I talk to a human please?';
const SECURITY = 'C0SECURE01';

interface MentionEntity {
  type: string;
  text: string;
  mentioned: { id: string; name: string };
}

/** A Slack customer's sign-in trouble, routed to the access queue in Teams: the root of the packet's thread. */
async function escalateToTeamsQueue(): Promise<string> {
  const { send, connector, h } = world();
  await send(installedInTeam(connector.url));
  await h.say(customer, SIGN_IN_TROUBLE);
  const created = await connector.waitFor((c) => c.kind === 'create' && c.conversationId === ACCESS_QUEUE && c.status === 201);
  return created.id!;
}

const underPacket = (root: string) => (c: ConnectorCall) => c.kind === 'reply' && c.conversationId === `${ACCESS_QUEUE};messageid=${root}`;
const mentionsIn = (c: ConnectorCall) => (c.body.entities ?? []) as MentionEntity[];

describe('SLA reminders that mention the queue leads in Teams', () => {
  it('nudges without a mention, then at breach mentions each Teams lead by name, one the look-up cannot find by id', async () => {
    const { h, clock, connector } = world();
    const root = await escalateToTeamsQueue();

    clock.advance(31 * MINUTE);
    await h.baton.sweep();
    const nudge = await connector.waitFor((c) => underPacket(root)(c) && c.status === 201);
    expect(String(nudge.body.text)).toContain('Half the time promised to the customer');
    expect(mentionsIn(nudge)).toEqual([]);

    clock.advance(30 * MINUTE);
    await h.baton.sweep();
    const breach = await connector.waitFor((c) => underPacket(root)(c) && c.status === 201 && String(c.body.text).includes('SLA breached'));
    expect(mentionsIn(breach)).toEqual([
      { type: 'mention', text: '<at>Lena Lead</at>', mentioned: { id: teamsLead.aadObjectId, name: 'Lena Lead' } },
      { type: 'mention', text: `<at>${GONE_LEAD}</at>`, mentioned: { id: GONE_LEAD, name: GONE_LEAD } },
    ]);
    expect(String(breach.body.text)).toMatch(new RegExp(`^<at>Lena Lead</at> <at>${GONE_LEAD}</at> SLA breached: the customer was promised a reply within 1 hour`));
    // The queue's Slack lead is mentioned in Slack only.
    expect(String(breach.body.text)).not.toContain('U0LEAD0001');
    const lookups = connector.calls.filter((c) => c.kind === 'member' && c.conversationId === ACCESS_QUEUE).map((c) => c.activityId);
    expect(lookups.sort()).toEqual([teamsLead.aadObjectId, GONE_LEAD].sort());
  });

  it('names a lead by id when the look-up fails, and retries a reminder Teams refused until it lands, once', async () => {
    const { h, clock, connector } = world();
    const root = await escalateToTeamsQueue();
    connector.failNextLookup({ status: 500 }, { status: 500 });
    // The reminder's first attempt is one of the next two calls (the other updates the packet's card).
    connector.failNext({ status: 403 }, { status: 403 });

    clock.advance(61 * MINUTE);
    await h.baton.sweep();
    const refused = await connector.waitFor((c) => underPacket(root)(c) && c.status === 403);
    expect(mentionsIn(refused).map((m) => m.mentioned)).toEqual([
      { id: teamsLead.aadObjectId, name: teamsLead.aadObjectId },
      { id: GONE_LEAD, name: GONE_LEAD },
    ]);

    const sent = await connector.waitFor((c) => underPacket(root)(c) && c.status === 201);
    expect(String(sent.body.text)).toContain('SLA breached');
    expect(mentionsIn(sent).map((m) => m.mentioned.name)).toEqual(['Lena Lead', GONE_LEAD]);
    await h.baton.sweep();
    expect(connector.calls.filter((c) => underPacket(root)(c) && c.status === 201)).toHaveLength(1);
  });

  it('mentions only the Slack lead of a queue in Slack that also names a Teams lead', async () => {
    const { h, clock, connector, send } = world();
    await send(channelMessage({ serviceUrl: connector.url, from: teamsCustomer, text: 'We think someone accessed our workspace without permission, please check' }));
    const packet = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === SECURITY && !c.args.thread_ts);

    clock.advance(61 * MINUTE);
    await h.baton.sweep();
    const breach = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === SECURITY && c.args.thread_ts === packet.response.ts && c.response.ok);
    expect(String(breach.args.text)).toMatch(/^<@U0LEAD0001> SLA breached/);
    expect(String(breach.args.text)).not.toContain('teams:');
    expect(connector.calls.filter((c) => c.kind === 'member' && c.activityId === teamsLead.aadObjectId)).toEqual([]);
  });
});
