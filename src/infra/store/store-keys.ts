/** Every key Baton stores, in one place, so formats never drift between writers and readers. */
export const storeKeys = {
  conversation: (key: string) => `conv:${key}`,
  escalation: (id: string) => `esc:${id}`,
  /** One list of escalation ids per UTC day opened, so reports read a period without scanning. */
  once: (key: string) => `once:${key}`,
  /** Compact facts for reports (core/metrics/facts.ts), one map per UTC day created/opened. */
  conversationFactsDay: (day: string) => `facts-conv-day:${day}`,
  escalationFactsDay: (day: string) => `facts-esc-day:${day}`,
  /** When a conversation was created, so a later escalation or rating can find the day it changes. */
  conversationCreated: (key: string) => `facts-conv-at:${key}`,
  /** A report's classified day (core/metrics/day-summary.ts) and the version tokens it must match. */
  daySummary: (day: string) => `report-day:${day}`,
  factsDayVersion: (day: string) => `facts-day-version:${day}`,
  factsVersion: 'facts-version',
  /** CSAT asks by UTC day asked, and which day a conversation's ask sits in. */
  csatDay: (day: string) => `csat-day:${day}`,
  csatOf: (conversationKey: string) => `csat:${conversationKey}`,
  /** When a customer was last asked for a rating, for the cooldown. */
  csatCustomer: (userId: string) => `csat-customer:${userId}`,
  /** A KB candidate's review state (approved or not), by escalation id. */
  kbCandidate: (escalationId: string) => `kb-candidate:${escalationId}`,
  /** Every approved candidate's knowledge entry, reloaded into the index at startup. */
  kbApproved: 'kb-approved',
  /** A short-lived key written and read back to prove the store takes writes (startup, /readyz). */
  probe: (id: string) => `probe:${id}`,
} as const;

export function utcDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}
