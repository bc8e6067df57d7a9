import type { Inbox, InboxItem } from '../../core/ports/inbox.js';

/**
 * The inbox as a map, for what need not outlive the process (the playground, whose pages live in memory
 * too) and for tests, where a new worker on the same inbox is a "restart". Items are copied in and out,
 * as a store would serialize them.
 */
export class MemoryInbox implements Inbox {
  readonly items = new Map<string, InboxItem>();

  async add(item: InboxItem): Promise<void> {
    this.items.set(item.id, structuredClone(item));
  }

  async done(id: string): Promise<void> {
    this.items.delete(id);
  }

  async pending(): Promise<InboxItem[]> {
    return [...this.items.values()].map((i) => structuredClone(i)).sort((a, b) => a.receivedAt - b.receivedAt);
  }
}
