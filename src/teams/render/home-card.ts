import type { Activity } from '@microsoft/agents-activity';
import type { ReportView } from '../../core/metrics/report.js';
import { card, cardActivity, plainText, textBlock, type CardElement } from './adaptive-card.js';
import { reportSections } from './digest-card.js';

/** A command a lead can type in their chat with Baton, and a button that types it for them. */
export interface CommandLine {
  usage: string;
  what: string;
  /** The words the button sends as the lead (Teams' imBack); absent, the command needs words of the lead's own. */
  example?: string;
}

/** A button that sends its words as the person pressing it, as if typed (no card data reaches Baton). */
function typeFor(title: string, words: string): CardElement {
  return { type: 'Action.Submit', title, data: { msteams: { type: 'imBack', value: words } } };
}

/** Baton's home in Teams for a lead (App Home's equivalent): the 7-day dashboard, then what they can ask for. */
export function leadHomeActivity(report: ReportView, commands: readonly CommandLine[]): Partial<Activity> {
  const body: CardElement[] = [
    plainText('Baton \u00b7 last 7 days', { weight: 'Bolder', size: 'Medium' }),
    ...reportSections(report),
    plainText('What you can ask me here', { weight: 'Bolder' }),
    ...commands.map((c) => plainText(`${c.usage}: ${c.what}`)),
    textBlock('New customer conversations are offered in the leads\u2019 channel; packets arrive in your queue channels.', { subtle: true }),
  ];
  const buttons = commands.flatMap((c) => (c.example ? [typeFor(c.example, c.example)] : []));
  return cardActivity(card(body, buttons), 'Baton: the last 7 days and what you can ask');
}

/** Everyone else on the vendor's team sees what Baton is and where they work with it, not the figures. */
export function staffHomeActivity(): Partial<Activity> {
  return cardActivity(
    card([
      plainText('Baton', { weight: 'Bolder', size: 'Medium' }),
      textBlock('Baton answers customers in shared channels and chats and hands them to a specialist when a person should take over. Packets arrive in your queue channels: Claim, Reply to customer and Close are on each one.'),
      textBlock('Reports, reviews and exports are for the support leads named in Baton\u2019s configuration.', { subtle: true }),
    ]),
    'Baton: what it does and where you work with it',
  );
}
