import { loadPolicy } from '../../../src/config/load-policy.js';
import type { AnswerMode, Policy } from '../../../src/config/policy-schema.js';
import type { Conversation } from '../../../src/core/conversation/conversation.js';
import type { CoreDeps } from '../../../src/core/deps.js';
import { handleMessage } from '../../../src/core/conversation/handle-message.js';
import { attemptDelivery } from '../../../src/core/delivery/attempt-delivery.js';
import { pendingDeliveries } from '../../../src/core/delivery/outbox.js';
import type { Escalation, PacketLocation } from '../../../src/core/escalation/escalation.js';
import type { HandoffPacket } from '../../../src/core/handoff/handoff-packet.js';
import type { Decision } from '../../../src/core/model/decision.js';
import type { Author } from '../../../src/core/model/message.js';
import type { ChatGateway, CustomerMessage } from '../../../src/core/ports/chat-gateway.js';
import type { Decider } from '../../../src/core/ports/decider.js';
import type { KnowledgeEntry } from '../../../src/core/ports/knowledge.js';
import { createLogger } from '../../../src/infra/logger.js';

export const ACME = 'C0ACME0001';
export const ACME_SECOND = 'C0ACME0002';
export const ana: Author = { id: 'U0ANA', name: 'Ana', isExternal: false };
export const ben: Author = { id: 'U0BEN', name: 'Ben', isExternal: false };
export const casey: Author = { id: 'U0CASEY', name: 'Casey', isExternal: true };

/** The e2e policy with Acme on two channels, in `mode`, and the second channel overridden to `second`. */
export function copilotPolicy(mode: AnswerMode, second: AnswerMode): Policy {
  const policy = loadPolicy('test/fixtures/e2e/baton.e2e.yaml');
  const [acme, ...rest] = policy.accounts;
  return { ...policy, accounts: [{ ...acme!, channels: [ACME, ACME_SECOND], mode, channel_modes: { [ACME_SECOND]: second } }, ...rest] };
}

/** An answer the triage engine is sure of: in autopilot Baton would post it. */
export const ANSWER: Decision = {
  action: 'answer', category: 'how_to', risk: 'low', trigger: null, rule: 'trigger rule 8: resolve', confidence: 0.9, threshold: 0.45,
  complexity: 'low', sentiment: { label: 'neutral', frustration: 0, urgency: 0, distress: 0 }, loop: false, reasons: [],
  answer: { text: 'Go to Settings, then Members, and press Invite.', citations: [{ id: 'kb-invite', title: 'Inviting teammates' }], confidence: 0.9 },
};

/** The core's ports, in memory: stores in maps, a lock per key, a gateway that records what went where. Decides `decision` always, or asks the given decider. */
export function copilotWorld(policy: Policy, decision: Decision | Decider = ANSWER) {
  const conversations = new Map<string, Conversation>();
  const escalations = new Map<string, Escalation>();
  const toCustomer: { channel: string; message: CustomerMessage }[] = [];
  const packets = new Map<string, HandoffPacket>();
  const internal: string[] = [];
  const tails = new Map<string, Promise<unknown>>();
  let ids = 0;
  const now = 1_800_000_000_000;
  const gateway: ChatGateway = {
    replyToCustomer: async (ref, message, tag) => {
      toCustomer.push({ channel: ref.channel, message });
      return { cleared: await tag.beforeSend(), sent: `m${toCustomer.length}` };
    },
    postPacket: async (channel, packet, tag) => {
      packets.set(packet.escalationId, packet);
      return { cleared: await tag.beforeSend(), sent: { ...channel, messageId: packet.escalationId } };
    },
    updatePacket: async (at: PacketLocation, packet) => void packets.set(at.messageId, packet),
    postInternal: async (_at, text, tag) => {
      internal.push(text);
      return tag.beforeSend();
    },
    postAlert: async (_channel, _text, tag) => tag.beforeSend(),
    findDelivered: async () => undefined,
    linkTo: async () => undefined,
  };
  const deps: CoreDeps = {
    policy,
    decider: 'decide' in decision ? decision : { decide: async () => decision },
    gateway,
    conversations: { get: async (key) => conversations.get(key), put: async (c) => void conversations.set(c.key, c) },
    escalations: {
      get: async (id) => escalations.get(id),
      create: async (e) => void (escalations.has(e.id) || escalations.set(e.id, e)),
      update: async (id, change) => {
        const current = escalations.get(id);
        if (!current) return undefined;
        const { next, result } = change(current);
        if (next) escalations.set(id, next);
        return result;
      },
    },
    once: { claimOnce: async () => true, claimed: async () => false },
    locks: {
      run: <T>(key: string, work: () => Promise<T>) => {
        const run = (tails.get(key) ?? Promise.resolve()).then(work, work);
        tails.set(key, run.catch(() => undefined));
        return run;
      },
    },
    clock: { now: () => now },
    log: createLogger('silent'),
    newId: () => `E-${++ids}`,
  };
  /** What the delivery runner does: every recorded delivery of every conversation, once. */
  const deliverAll = async () => {
    for (const c of [...conversations.values()]) for (const d of pendingDeliveries(c)) await attemptDelivery(deps, c.key, { choose: (list) => list.find((x) => x.id === d.id), maybeSent: () => false });
  };
  return { deps, conversations, escalations, toCustomer, packets, internal, deliverAll, at: () => now };
}

/** A staff-only article synced from a knowledge source, on extending a trial. */
export const TRIAL_RUNBOOK: KnowledgeEntry = {
  id: 'runbooks:trial-extension#extend-a-trial',
  kind: 'doc',
  purpose: 'answer',
  question: 'Extend the trial of a workspace by two weeks',
  answer: 'Open the admin console, find the workspace and apply the extension code TRIAL-EXT-14.',
  title: 'Trial extension runbook: Extend a trial',
  source: 'runbooks',
  audience: { internal: true },
};

let asked = 0;

/** A customer question in a new thread of `channel`, decided and delivered; returns the draft's id, if one was made. */
export async function ask(w: ReturnType<typeof copilotWorld>, channel = ACME, author: Author = casey, thread?: string) {
  const id = `${++asked}.0`;
  const outcome = await handleMessage(w.deps, { id, ref: { platform: 'slack', channel, thread: thread ?? id }, author, text: 'How do I invite a teammate?', at: w.at() });
  await w.deliverAll();
  return { thread: thread ?? id, draftId: outcome.kind === 'decided' ? outcome.draftId : undefined };
}
