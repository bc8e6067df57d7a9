import type { Unresolved } from '../../infra/knowledge/helpdesk-ticket.js';
import type { KnowledgeEntry } from '../../core/ports/knowledge.js';

/**
 * A re-import never loses what an earlier import resolved: tickets imported again without their
 * organizations or groups keep the account and category they had, and without their users file keep the text as it was
 * redacted then (with the people's names known). Entries imported for the first time stay as read.
 */
export async function* keepResolved(
  entries: AsyncIterable<KnowledgeEntry>,
  unresolved: ReadonlyMap<string, readonly Unresolved[]>,
  stored: readonly KnowledgeEntry[],
): AsyncGenerator<KnowledgeEntry> {
  const before = new Map(stored.filter((e) => unresolved.has(e.id.replace(/#learn$/, ''))).map((e) => [e.id, e]));
  for await (const e of entries) {
    const was = before.get(e.id);
    const missing = unresolved.get(e.id.replace(/#learn$/, ''));
    if (!was || !missing) {
      yield e;
      continue;
    }
    const kept: KnowledgeEntry = { ...e };
    if (missing.includes('account') && was.account) kept.account = was.account;
    if (missing.includes('category') && was.category) kept.category = was.category;
    if (missing.includes('people')) {
      kept.question = was.question;
      delete kept.answer;
      if (was.answer !== undefined) kept.answer = was.answer;
    }
    yield kept;
  }
}
