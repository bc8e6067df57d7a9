/** Serializes work on one key (one conversation, one escalation) across concurrent deliveries. */
export interface Locks {
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
}
