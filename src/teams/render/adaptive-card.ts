import type { Activity } from '@microsoft/agents-activity';
import { CardFactory } from '@microsoft/agents-hosting';

/** Action.Execute needs schema 1.5 (platform-facts §6.6). */
export const CARD_VERSION = '1.5';
/** Teams refuses bot messages over 100 KB and older guidance says 40 KB (platform-facts §6.5): keep well under. */
export const MAX_CARD_BYTES = 28_000;
/** Longest text a card block carries; a longer answer is cut and marked, never dropped. */
export const MAX_BLOCK_CHARS = 12_000;

export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: CardElement[];
  actions?: CardElement[];
}

export function card(body: CardElement[], actions: CardElement[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

function clipped(text: string): string {
  return text.length > MAX_BLOCK_CHARS ? `${text.slice(0, MAX_BLOCK_CHARS - 1)}\u2026` : text;
}

export function textBlock(text: string, style: { subtle?: boolean } = {}): CardElement {
  return { type: 'TextBlock', text: clipped(text), wrap: true, ...(style.subtle ? { isSubtle: true, size: 'Small' } : {}) };
}

export interface RunStyle {
  weight?: 'Bolder';
  size?: 'Small' | 'Medium';
  color?: 'Good' | 'Warning' | 'Attention' | 'Accent';
  isSubtle?: boolean;
}

/** Text shown exactly as written: a TextRun is never read as Markdown, so people's words cannot turn into links. */
export function plainText(text: string, style: RunStyle = {}): CardElement {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: clipped(text), ...style }] };
}

/**
 * A button that works in every Teams client: Action.Execute (an invoke the bot answers with a new card),
 * falling back to Action.Submit (a message whose value is the same `{verb, data}`) where 1.5 is not
 * supported. Both carry the same shape, so one parser reads either.
 */
export function button(title: string, verb: string, data: Record<string, unknown>, options: { skipInputs?: boolean } = {}): CardElement {
  // Teams checks a form's required fields before a button sends them; a Cancel sends none, so it works on an empty form.
  const inputs = options.skipInputs ? { associatedInputs: 'none' } : {};
  return {
    type: 'Action.Execute',
    title,
    verb,
    data,
    ...inputs,
    fallback: { type: 'Action.Submit', title, data: { verb, data }, ...inputs },
  };
}

/** The card as a message activity. */
export function cardActivity(c: AdaptiveCard, summary: string): Partial<Activity> {
  return { type: 'message', summary, attachments: [CardFactory.adaptiveCard(c)] } as Partial<Activity>;
}
