import type { ConversationTuple, EscalationTuple } from '../../src/infra/store/facts-codec.js';
import { dayOf, MAX_DAY_CHANGES, type DayChange, type FactsTable } from '../../src/infra/store/facts-table.js';

/** The facts table in memory: what the SQLite and Redis tables do, as plain maps. */
export class MemoryFactsTable implements FactsTable {
  private readonly conversationRows = new Map<string, ConversationTuple>();
  private readonly packetRows = new Map<string, EscalationTuple>();
  private readonly days = new Map<number, number>();
  private readonly summaries = new Map<number, number>();
  private readonly log: DayChange[] = [];

  async putConversations(rows: ConversationTuple[]): Promise<void> {
    for (const row of rows) {
      const before = this.conversationRows.get(row[0]);
      if (!this.changed(this.conversationRows, row)) continue;
      this.change(row[2], row[2], false);
      if (before && dayOf(before[2]) !== dayOf(row[2])) this.change(before[2], before[2], false);
    }
  }

  async putPackets(rows: EscalationTuple[]): Promise<void> {
    for (const row of rows) {
      const before = this.packetRows.get(row[0]);
      if (!this.changed(this.packetRows, row)) continue;
      this.packetChanged(row[7], row[1]);
      if (before && dayOf(before[7]) !== dayOf(row[7])) this.packetChanged(before[7], row[1]);
    }
  }

  async touch(conversationKey: string): Promise<void> {
    const conversation = this.conversationRows.get(conversationKey);
    if (conversation) this.change(conversation[2], conversation[2], false);
  }

  async conversations(since: number, until: number): Promise<ConversationTuple[]> {
    return [...this.conversationRows.values()].filter((r) => r[2] >= since && r[2] < until).sort((a, b) => a[2] - b[2]);
  }

  async packets(since: number, until: number, of?: string[]): Promise<EscalationTuple[]> {
    return [...this.packetRows.values()].filter((r) => r[7] >= since && r[7] < until && (!of || of.includes(r[1]))).sort((a, b) => a[7] - b[7]);
  }

  async versions(days: number[]): Promise<number[]> {
    return days.map((d) => this.days.get(d) ?? 0);
  }

  async summarized(day: number, version: number): Promise<void> {
    this.summaries.set(day, version);
    const kept = this.log.filter((c) => c.day !== day || c.version > version);
    this.log.splice(0, this.log.length, ...kept);
  }

  async changes(days: number[]): Promise<DayChange[]> {
    return this.log.filter((c) => days.includes(c.day));
  }

  private changed<T extends [string, ...unknown[]]>(rows: Map<string, T>, row: T): boolean {
    if (JSON.stringify(rows.get(row[0])) === JSON.stringify(row)) return false;
    rows.set(row[0], structuredClone(row));
    return true;
  }

  /** A packet opened at `opened` changed: its day's escalations, and its conversation, on whichever day that was created. */
  private packetChanged(opened: number, conversationKey: string): void {
    const created = this.conversationRows.get(conversationKey)?.[2];
    const sameDay = created !== undefined && dayOf(created) === dayOf(opened);
    this.change(opened, sameDay ? created : undefined, true);
    if (created !== undefined && !sameDay) this.change(created, created, false);
  }

  private change(time: number, at: number | undefined, escalations: boolean): void {
    const day = dayOf(time);
    const version = (this.days.get(day) ?? 0) + 1;
    this.days.set(day, version);
    const summarized = this.summaries.get(day);
    if (summarized !== undefined && version - summarized <= MAX_DAY_CHANGES) this.log.push({ day, version, ...(at === undefined ? {} : { at }), escalations });
  }
}
