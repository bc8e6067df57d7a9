import { describe, expect, it } from 'vitest';
import { TopicBook } from '../../../src/core/policy/topic-policy.js';

const book = new TopicBook([
  { name: 'cancellation', risk: 'medium', description: '', examples: [], topics: [
    { name: 'bitext:delete_account', risk: 'high', always_escalate: true, examples: [] },
    { name: 'cancel_order', always_escalate: false, examples: [] },
  ] },
  { name: 'privacy', risk: 'high', description: '', examples: [], topics: [{ name: 'privacyqa:*', always_escalate: true, examples: [] }] },
]);

describe('policy topics', () => {
  it('finds a topic by its name, with or without the source that qualifies it, in any case', () => {
    expect(book.find('bitext:delete_account')).toMatchObject({ category: 'cancellation', risk: 'high', alwaysEscalate: true });
    expect(book.find('Delete_Account')?.name).toBe('bitext:delete_account');
    expect(book.find('zendesk:cancel_order')).toMatchObject({ name: 'cancel_order', risk: 'medium', alwaysEscalate: false });
  });

  it('matches a trailing * as a prefix, and nothing it does not name', () => {
    expect(book.find('privacyqa:data-retention')).toMatchObject({ category: 'privacy', alwaysEscalate: true, prefix: true });
    expect(book.find('book_flight')).toBeUndefined();
    expect(book.find(undefined)).toBeUndefined();
  });
});
