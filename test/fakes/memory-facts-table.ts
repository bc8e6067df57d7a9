import type { ConversationTuple, EscalationTuple } from '../../src/infra/store/facts-codec.js';
import { dayOf, type FactsTable } from '../../src/infra/store/facts-table.js';

/** The facts table in memory: what the SQLite and Redis tables do, as plain maps. */
export class MemoryFactsTable implements FactsTable {
  private readonly conversationRows = new Map<string, ConversationTuple>();
  private readonly packetRows = new Map<string, EscalationTuple>();
  private readonly days = new Map<number, number>();

  async putConversations(rows: ConversationTuple[]): Promise<void> {
    for (const row of rows) if (this.changed(this.conversationRows, row)) this.bump(dayOf(row[2]));
  }

  async putPackets(rows: EscalationTuple[]): Promise<void> {
    for (const row of rows) {
      if (!this.changed(this.packetRows, row)) continue;
      const opened = dayOf(row[7]);
      this.bump(opened);
      const conversation = this.conversationRows.get(row[1]);
      if (conversation && dayOf(conversation[2]) !== opened) this.bump(dayOf(conversation[2]));
    }
  }

  async touch(conversationKey: string): Promise<void> {
    const conversation = this.conversationRows.get(conversationKey);
    if (conversation) this.bump(dayOf(conversation[2]));
  }

  async conversations(since: number, until: number): Promise<ConversationTuple[]> {
    return [...this.conversationRows.values()].filter((r) => r[2] >= since && r[2] < until).sort((a, b) => a[2] - b[2]);
  }

  async packets(since: number, until: number): Promise<EscalationTuple[]> {
    return [...this.packetRows.values()].filter((r) => r[7] >= since && r[7] < until).sort((a, b) => a[7] - b[7]);
  }

  async versions(days: number[]): Promise<number[]> {
    return days.map((d) => this.days.get(d) ?? 0);
  }

  private changed<T extends [string, ...unknown[]]>(rows: Map<string, T>, row: T): boolean {
    if (JSON.stringify(rows.get(row[0])) === JSON.stringify(row)) return false;
    rows.set(row[0], structuredClone(row));
    return true;
  }

  private bump(day: number): void {
    this.days.set(day, (this.days.get(day) ?? 0) + 1);
  }
}
