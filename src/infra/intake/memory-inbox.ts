import type { DeadLetter, DeadLetters, Inbox, InboxItem } from '../../core/ports/inbox.js';

/**
 * The inbox as a map, for what need not outlive the process (the playground, whose pages live in memory
 * too) and for tests, where a new worker on the same inbox is a "restart". Items are copied in and out,
 * as a store would serialize them.
 */
export class MemoryInbox implements Inbox, DeadLetters {
  readonly items = new Map<string, InboxItem>();
  readonly dead = new Map<string, DeadLetter>();

  async add(item: InboxItem): Promise<void> {
    this.items.set(item.id, structuredClone(item));
  }

  async done(id: string): Promise<void> {
    this.items.delete(id);
  }

  async pending(): Promise<InboxItem[]> {
    return [...this.items.values()].map((i) => structuredClone(i)).sort((a, b) => a.receivedAt - b.receivedAt);
  }

  async bury(letter: DeadLetter): Promise<void> {
    this.dead.set(letter.item.id, structuredClone(letter));
    this.items.delete(letter.item.id);
  }

  async buried(): Promise<DeadLetter[]> {
    return [...this.dead.values()].map((l) => structuredClone(l)).sort((a, b) => a.at - b.at);
  }

  async revive(id: string): Promise<boolean> {
    const letter = this.dead.get(id);
    if (letter) letter.retry = true;
    return !!letter;
  }

  async drop(id: string): Promise<boolean> {
    return this.dead.delete(id);
  }

  async takeRevived(): Promise<InboxItem[]> {
    const revived = [...this.dead.values()].filter((l) => l.retry);
    for (const l of revived) this.dead.delete(l.item.id);
    return revived.map(({ item: { failures: _failures, ...item } }) => structuredClone(item));
  }
}
