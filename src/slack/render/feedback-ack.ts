import { LIMITS } from './block-limits.js';
import { FEEDBACK_BLOCK_ID } from './customer-message.js';
import { clip, escapeMrkdwn } from './mrkdwn.js';

/**
 * An answer message as Slack holds it, after a customer voted: the Helpful / Not helpful buttons give
 * way to a quiet line, the answer and its other buttons stay. Undefined when the buttons are gone already.
 */
export function withFeedbackAck(blocks: Record<string, unknown>[], text: string): Record<string, unknown>[] | undefined {
  const at = blocks.findIndex((b) => b.block_id === FEEDBACK_BLOCK_ID);
  if (at < 0) return undefined;
  const ack = { type: 'context', block_id: `${FEEDBACK_BLOCK_ID}_ack`, elements: [{ type: 'mrkdwn', text: clip(escapeMrkdwn(text), LIMITS.sectionText) }] };
  return blocks.map((b, i) => (i === at ? ack : b));
}
