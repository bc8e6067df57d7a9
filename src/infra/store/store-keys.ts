/** Every key Baton stores, in one place, so formats never drift between writers and readers. */

/** CSAT asks by UTC day asked, answer votes and content gaps by day asked. */
export type DayLogName = 'csat-day' | 'feedback-day';

export const storeKeys = {
  conversation: (key: string) => `conv:${key}`,
  escalation: (id: string) => `esc:${id}`,
  once: (key: string) => `once:${key}`,
  /** Day logs (keyv-day-log.ts): a day's folded base (the one map per day of earlier versions), its slots, how many slots are folded. */
  logBase: (log: DayLogName, day: string) => `${log}:${day}`,
  logSlot: (log: DayLogName, day: string, n: number) => `${storeKeys.logSlotPrefix(log, day)}${n}`,
  logSlotPrefix: (log: DayLogName, day: string) => `${log}:${day}:`,
  logFolded: (log: DayLogName, day: string) => `${log}-folded:${day}`,
  /** The counter that numbers a day log's slots when several instances share Redis. */
  logSequence: (log: DayLogName, day: string) => `seq:${log}:${day}`,
  /** Set once the report facts a previous version kept in day logs are in the facts table (keyv-facts-migration.ts). */
  factsTable: 'report-facts-table',
  /** A report's classified day (core/metrics/day-summary.ts), prefixed by the facts version it was built at. */
  daySummary: (day: string) => `report-day:${day}`,
  /** The same day's classified conversations and escalations, stored apart: only some days' are read. */
  daySummaryRows: (day: string) => `report-day-rows:${day}`,
  /** A conversation's CSAT ask and rating. */
  csatRecord: (conversationKey: string) => `csat-record:${conversationKey}`,
  /** Which day an ask stored before records were kept one by one sits in. */
  csatOf: (conversationKey: string) => `csat:${conversationKey}`,
  /** When a customer was last asked for a rating, for the cooldown. */
  csatCustomer: (userId: string) => `csat-customer:${userId}`,
  /** A KB candidate's review state (approved or not), by escalation id. */
  kbCandidate: (escalationId: string) => `kb-candidate:${escalationId}`,
  /** Every approved candidate's knowledge entry, reloaded into the index at startup. */
  kbApproved: 'kb-approved',
  /** A knowledge source's last good content, and its sync status (also the lock while it syncs). */
  kbSourceContent: (id: string) => `kb-source-content:${id}`,
  kbSourceStatus: (id: string) => `kb-source-status:${id}`,
  /** A channel no account of the policy maps, on its way to being answered (core/onboarding). */
  onboarding: (channelName: string) => `onboarding:${channelName}`,
  /** The accounts leads created in chat, all in one list: few, read whole, changed under one lock. */
  storedAccounts: 'onboarding-accounts',
  /** A short-lived key written and read back to prove the store takes writes (startup, /readyz). */
  probe: (id: string) => `probe:${id}`,
} as const;

export function utcDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}
