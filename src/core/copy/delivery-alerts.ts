import { platformLabel } from '../metrics/platform-rows.js';
import type { ConversationRef } from '../model/conversation-ref.js';

export interface UndeliveredNotice {
  customer: ConversationRef;
  accountName: string;
  escalationId?: string;
  /** What the customer was to be told (a handoff, a claim, a release, a move). */
  text: string;
  /** A link to the customer's thread, when the customer's platform gives one. */
  link?: string;
}

/**
 * The default queue's alert when a notice (handoff, claim, release) never reached the customer: it names
 * the customer's account and platform (the one that kept refusing), quotes what they were to be told, and
 * links their thread when the platform gives links (plain words, so any platform shows it).
 */
export function undeliveredNoticeAlert(n: UndeliveredNotice): string {
  const platform = platformLabel(n.customer.platform);
  const where = `of ${n.accountName} in ${platform}`;
  const escalation = n.escalationId ? `escalation ${n.escalationId}` : 'their escalation';
  const thread = n.link ? `: ${n.link}` : '.';
  return `Baton could not tell the customer ${where} about ${escalation}: ${platform} kept refusing the message "${n.text}". Please reach out to them in their thread${thread}`;
}

/**
 * The default queue's alert when an inbox item failed every try and was set aside: which platform and
 * place it came from, and the operator command that retries or drops it. Internal: never a customer's words.
 */
export function deadLetterAlert(l: { id: string; platform: string; tries: number; error: string }): string {
  return `Baton set aside an event from ${l.platform} (${l.id}) after ${l.tries} failed tries (${l.error}). Nobody has answered it. An operator sees it with \`npm run baton -- inbox list\` and retries it with \`npm run baton -- inbox retry ${l.id}\` once the cause is fixed, or drops it with \`npm run baton -- inbox drop ${l.id}\`.`;
}
