import type { Conversation } from '../core/conversation/conversation.js';
import type { LoopDeps } from '../core/deps.js';
import type { Escalation } from '../core/escalation/escalation.js';
import type { ConversationStore, EscalationStore } from '../core/ports/stores.js';
import { WEB_REFERENCES } from './web-references.js';

const own = (e: Escalation) => e.conversation.platform === WEB_REFERENCES.tag;

/** The escalations of the playground's own conversations; any other is, to its pages, not there. */
function ownEscalations(inner: EscalationStore): EscalationStore {
  return {
    get: async (id) => {
      const e = await inner.get(id);
      return e && own(e) ? e : undefined;
    },
    create: (escalation) => inner.create(escalation),
    update: (id, change) => inner.update(id, (current) => (own(current) ? change(current) : { result: undefined })),
  };
}

function ownConversations(inner: ConversationStore): ConversationStore {
  return {
    get: async (key) => (key.startsWith(`${WEB_REFERENCES.tag}:`) ? inner.get(key) : undefined),
    put: (conversation: Conversation) => inner.put(conversation),
  };
}

/**
 * The core as the playground's pages act on it: beside Slack or Teams they share the store, but a
 * claim, reply, close, note, rating or vote from a page reaches only the playground's own conversations
 * and escalations, never a real customer's. The report and exports still read every platform's facts.
 */
export function playgroundView(core: LoopDeps): LoopDeps {
  return { ...core, conversations: ownConversations(core.conversations), escalations: ownEscalations(core.escalations) };
}
