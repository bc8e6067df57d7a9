import { ACTION } from '../../core/model/actions.js';
import type { CsatPrompt } from '../../core/model/csat-prompt.js';
import { button, card, textBlock, type AdaptiveCard } from './adaptive-card.js';

/** The survey after a close: the question and one button a rating, worst first. */
export function csatCard(prompt: CsatPrompt): AdaptiveCard {
  const ratings = prompt.scale.map((s) => button(`${s.value} \u00b7 ${s.label}`, ACTION.csat, { conversationKey: prompt.conversationKey, rating: s.value }));
  return card([textBlock(prompt.question), { type: 'ActionSet', actions: ratings }]);
}

/** What replaces the buttons once someone rated. */
export function csatThanksCard(text: string): AdaptiveCard {
  return card([textBlock(text)]);
}
