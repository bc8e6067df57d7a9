import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../../src/config/load-policy.js';
import { newConversation } from '../../../src/core/conversation/conversation.js';
import { giveUpDelivery } from '../../../src/core/delivery/give-up.js';
import type { Delivery } from '../../../src/core/delivery/delivery.js';
import type { Decider } from '../../../src/core/ports/decider.js';
import type { ChatGateway } from '../../../src/core/ports/chat-gateway.js';
import type { ConversationRef } from '../../../src/core/model/conversation-ref.js';
import { memoryCore } from '../../fakes/memory-core.js';

const policy = loadPolicy('test/teams/baton.teams.yaml');
const TEAMS_REF: ConversationRef = { platform: 'teams', channel: '19:contoso@thread.tacv2', thread: '1700000000001' };
const SLACK_REF: ConversationRef = { platform: 'slack', channel: 'C0ACME0001', thread: '1700000000.000100' };

/** A conversation whose handoff notice never reached the customer, given up by the delivery runner. */
async function giveUpNotice(ref: ConversationRef, accountId: string, queueChannel = 'C0SUPPORT1') {
  const withQueue = { ...policy, queues: policy.queues.map((q) => (q.id === 'support' ? { ...q, channel: queueChannel } : q)) };
  const { deps, conversations } = memoryCore(withQueue, {} as Decider);
  const link = `https://example.invalid/${ref.platform}/${ref.thread}`;
  deps.gateway = { ...deps.gateway, linkTo: async () => link } as ChatGateway;
  const notice: Delivery = { id: 'd1', kind: 'customer', purpose: 'notice', message: { kind: 'notice', text: 'A person will reply.' }, createdAt: 0, escalationId: 'E-7' };
  const conversation = { ...newConversation(ref, accountId, 0), mode: 'escalated' as const, outbox: [notice] };
  await deps.conversations.put(conversation);
  await giveUpDelivery(deps, conversation.key, 'd1');
  const outbox = conversations.get(conversation.key)?.outbox ?? [];
  return { outbox, link };
}

describe('a handoff notice no platform would take', () => {
  it('alerts the default queue about a Teams customer by account and platform, with a link to their thread', async () => {
    const { outbox, link } = await giveUpNotice(TEAMS_REF, 'contoso');
    expect(outbox).toHaveLength(1);
    const alert = outbox[0]!;
    expect(alert).toMatchObject({ kind: 'alert', channel: 'C0SUPPORT1' });
    const text = alert.kind === 'alert' ? alert.text : '';
    expect(text).toContain('the customer of Contoso in Microsoft Teams');
    expect(text).toContain('escalation E-7');
    expect(text).toContain('Microsoft Teams kept refusing');
    expect(text).toContain(link);
    expect(text).not.toContain('Slack');
    expect(text).not.toContain('<#');
  });

  it('names the customer\u2019s account and platform in plain words, in a Slack queue and a Teams queue alike', async () => {
    const inSlack = (await giveUpNotice(SLACK_REF, 'acme')).outbox[0];
    expect(inSlack?.kind === 'alert' && inSlack.text).toContain('the customer of Acme Corp in Slack');
    expect(inSlack?.kind === 'alert' && inSlack.text).toContain('Slack kept refusing');
    const inTeams = (await giveUpNotice(SLACK_REF, 'acme', 'teams:19:queue-support@thread.tacv2')).outbox[0];
    expect(inTeams).toMatchObject({ kind: 'alert', channel: 'teams:19:queue-support@thread.tacv2' });
    expect(inTeams?.kind === 'alert' && inTeams.text).toContain('the customer of Acme Corp in Slack');
    expect(inTeams?.kind === 'alert' && inTeams.text).not.toContain('<#');
  });
});
