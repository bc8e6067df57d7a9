import { describe, expect, it } from 'vitest';
import { ChatGatewayRouter, NoAdapterError } from '../../../src/core/delivery/gateway-router.js';
import type { PacketLocation } from '../../../src/core/escalation/escalation.js';
import type { HandoffPacket } from '../../../src/core/handoff/handoff-packet.js';
import type { ChannelRef, ConversationRef, Platform } from '../../../src/core/model/conversation-ref.js';
import type { ChatGateway } from '../../../src/core/ports/chat-gateway.js';
import { testTag } from '../../fakes/delivery-tag.js';

/** An adapter that records what reached it, so the test sees which platform got each delivery. */
function recording(platform: Platform, log: string[]): ChatGateway {
  return {
    replyToCustomer: async (ref: ConversationRef, _message, tag) => {
      log.push(`${platform} reply ${ref.channel}`);
      return { cleared: await tag.beforeSend(), sent: `${platform}-1` };
    },
    postPacket: async (channel: ChannelRef, _packet, tag) => {
      log.push(`${platform} packet ${channel.channel}`);
      return { cleared: await tag.beforeSend(), sent: { ...channel, messageId: 'p1' } };
    },
    updatePacket: async (at: PacketLocation) => void log.push(`${platform} update ${at.messageId}`),
    postInternal: async (_at: PacketLocation, text: string, tag) => {
      log.push(`${platform} internal ${text}`);
      return tag.beforeSend();
    },
    postAlert: async (channel: ChannelRef, _text, tag) => {
      log.push(`${platform} alert ${channel.channel}`);
      return tag.beforeSend();
    },
    findDelivered: async () => undefined,
    linkTo: async () => undefined,
  };
}

const packet = {} as HandoffPacket;

describe('gateway router', () => {
  it('sends each delivery to the adapter of the platform it is addressed to', async () => {
    const log: string[] = [];
    const router = new ChatGatewayRouter({ slack: recording('slack', log), teams: recording('teams', log) });
    await router.replyToCustomer({ platform: 'teams', channel: '19:acme@thread.tacv2', thread: '1' }, { kind: 'notice', text: 'hi' }, testTag());
    const { sent: at } = await router.postPacket({ platform: 'slack', channel: 'C0SUPPORT1' }, packet, testTag());
    await router.postInternal(at, 'Acme added: still broken', testTag());
    expect(at).toEqual({ platform: 'slack', channel: 'C0SUPPORT1', messageId: 'p1' });
    expect(log).toEqual(['teams reply 19:acme@thread.tacv2', 'slack packet C0SUPPORT1', 'slack internal Acme added: still broken']);
  });

  it('fails loudly for a platform with no adapter, so the caller hands it on instead of losing it', async () => {
    const router = new ChatGatewayRouter({ slack: recording('slack', []) });
    await expect(router.replyToCustomer({ platform: 'web', channel: 'demo', thread: '1' }, { kind: 'notice', text: 'hi' }, testTag())).rejects.toBeInstanceOf(NoAdapterError);
  });
});
