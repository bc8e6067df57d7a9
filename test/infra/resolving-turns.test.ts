import { describe, expect, it } from 'vitest';
import { resolvingTurns, substance } from '../../src/infra/knowledge/resolving-turns.js';

describe('resolving turns of an email thread', () => {
  it('leave out the customer message an email reply quotes', () => {
    const reply = [
      'Hello,',
      'We issued a pro-rated refund for the unused months. It shows on your statement within 5 business days.',
      '',
      'On Tue, 6 Oct 2026 at 09:12, Rachel Green <rachel@umbrella.example> wrote:',
      '> Please refund the annual plan, card ending 4242, our finance lead is on +1 212 555 0182.',
    ].join('\n');
    const quotedOnly = 'Done: Settings > Billing > Contacts, then Add contact.\n> Can we add a second billing contact? Our CFO is Ben Cole.';
    expect(resolvingTurns([{ role: 'customer', text: 'Refund please' }, { role: 'agent', text: reply }]).map((t) => t.text)).toEqual([
      'We issued a pro-rated refund for the unused months. It shows on your statement within 5 business days.',
    ]);
    expect(resolvingTurns([{ role: 'customer', text: 'Billing contact?' }, { role: 'agent', text: quotedOnly }]).map((t) => t.text)).toEqual(['Done: Settings > Billing > Contacts, then Add contact.']);
  });

  it('leave out greetings and sign-offs in other languages and scripts', () => {
    for (const [greeting, signOff] of [['Hej Åsa,', 'Med vänlig hälsning,\nAna'], ['Hola María José,', 'Saludos,\nAna Lima'], ['Bonjour Zoë !', 'Cordialement,\nDaan']]) {
      const text = `${greeting}\nTo change it yourself, an owner edits the billing address under Settings > Billing.\n${signOff}`;
      expect(substance(text), text).toBe('To change it yourself, an owner edits the billing address under Settings > Billing.');
    }
  });
});
