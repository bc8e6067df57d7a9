/** Every key Baton stores, in one place, so formats never drift between writers and readers. */
export const storeKeys = {
  conversation: (key: string) => `conv:${key}`,
  escalation: (id: string) => `esc:${id}`,
  /** One list of escalation ids per UTC day opened, so reports read a period without scanning. */
  escalationDay: (day: string) => `esc-day:${day}`,
  once: (key: string) => `once:${key}`,
} as const;

export function utcDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}
