import { describe, expect, it } from 'vitest';
import { type MarkKind, markSpans } from '../../../src/core/suggest/mark-spans.js';

const marked = (text: string, kind?: MarkKind, context = {}) =>
  markSpans(text, context)
    .filter((m) => !kind || m.kind === kind)
    .map((m) => m.text);

describe('markSpans', () => {
  it('marks first-person action claims, past and promised, to the end of their clause', () => {
    expect(marked("I've refunded the duplicate charge. You will see it on your statement.", 'action')).toEqual(["I've refunded the duplicate charge"]);
    expect(marked('I have cancelled the renewal; nothing else changes.', 'action')).toEqual(['I have cancelled the renewal']);
    expect(marked('I revoked the key and we sent a new one.', 'action')).toEqual(['I revoked the key and we sent a new one']);
    expect(marked("We went ahead and reset the password. I'll schedule the migration.", 'action')).toEqual(['We went ahead and reset the password', "I'll schedule the migration"]);
    expect(marked('Your refund has been issued to the card on file.', 'action')).toEqual(['has been issued to the card on file']);
  });

  it('marks every claim the last guard would stop, passive and third-person ones too', () => {
    expect(marked('A credit of EUR 40 was applied to your account. It shows on the next invoice.', 'action')).toEqual(['was applied to your account']);
    expect(marked('Our billing team has issued a credit note; download it under Billing.', 'action')).toEqual(['has issued a credit note']);
    expect(marked('To get a refund, open Billing and press Request refund.', 'action')).toEqual([]);
  });

  it('leaves general instructions unmarked', () => {
    expect(markSpans('You can cancel any time under Billing > Plan. Refunds arrive within 5 business days. We recommend exporting first.')).toEqual([]);
  });

  it('marks amounts in any common notation', () => {
    expect(marked('The credit is EUR 1,240.00, the fee $49 and the rest 12.50 €.', 'amount')).toEqual(['EUR 1,240.00', '$49', '12.50 €']);
  });

  it('marks dates and times of one event, not durations', () => {
    expect(marked('It ends on 30 November 2025 and no calls were made after 10:42 UTC. Changes apply within 3 days.', 'date')).toEqual(['on 30 November 2025', '10:42 UTC']);
    expect(marked('Run it again after 2025-11-30.', 'date')).toEqual(['2025-11-30']);
  });

  it('marks ids, references and redaction placeholders', () => {
    expect(marked('Tenant 7f3a9c21 and invoice INV-2024-0042 (ticket #48213, order 1234567).', 'id')).toEqual(['7f3a9c21', 'INV-2024-0042', '#48213', '1234567']);
    expect(marked('Customer [EMAIL], phone [PHONE], asked for a callback.', 'redacted')).toEqual(['[EMAIL]', '[PHONE]']);
  });

  it('marks people and organizations: recognised in running text, by legal form, or known by name', () => {
    const text = 'Maria Lopez at Globex Corporation works with Initech GmbH. Umbrella asked too.';
    expect(marked(text, 'name')).toEqual(['Maria Lopez']);
    expect(marked(text, 'organization', { organizations: ['Umbrella'] })).toEqual(['Globex Corporation', 'Initech GmbH', 'Umbrella']);
    expect(marked('Ask Priyanka for the file.', 'name', { names: ['Priyanka'] })).toEqual(['Priyanka']);
  });

  it('returns spans that do not overlap, with their positions in the text', () => {
    const text = "I've refunded EUR 1,240.00 to Globex GmbH on 3 Nov.";
    const marks = markSpans(text);
    expect(marks.map((m) => m.kind)).toEqual(['action']);
    for (const m of marks) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});
