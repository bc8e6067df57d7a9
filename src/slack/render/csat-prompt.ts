import type { types } from '@slack/bolt';
import { ACTION } from '../../core/model/actions.js';
import type { CsatPrompt } from '../../core/model/csat-prompt.js';
import { LIMITS } from './block-limits.js';
import type { SlackMessage } from './slack-message.js';
import { clip, escapeMrkdwn } from './mrkdwn.js';

/** The rating button for `value` has this action id; the listener matches the whole family. */
export const csatActionId = (value: number) => `${ACTION.csat}.${value}`;
export const CSAT_ACTION_PATTERN = new RegExp(`^${ACTION.csat.replace('.', '\\.')}\\.([1-5])$`);

/** The question and one button a rating, worst first; the value is the conversation, never the rating. */
export function renderCsatPrompt(prompt: CsatPrompt): SlackMessage {
  const buttons: types.Button[] = prompt.scale.map((s) => ({
    type: 'button',
    action_id: csatActionId(s.value),
    text: { type: 'plain_text', text: clip(`${s.value} · ${s.label}`, LIMITS.buttonText) },
    value: prompt.conversationKey,
    accessibility_label: `Rate ${s.value} of ${prompt.scale.length}: ${s.label}`,
  }));
  return {
    text: clip(prompt.question, LIMITS.fallbackText),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: clip(escapeMrkdwn(prompt.question), LIMITS.sectionText) } },
      { type: 'actions', block_id: 'csat', elements: buttons },
    ],
  };
}

export function renderCsatThanks(text: string): SlackMessage {
  return { text: clip(text, LIMITS.fallbackText), blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: clip(escapeMrkdwn(text), LIMITS.sectionText) }] }] };
}
