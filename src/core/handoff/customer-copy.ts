/** Fills {placeholders} in customer-facing copy from config; unknown placeholders stay visible to be fixed. */
export function fillCopy(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/**
 * "2 hours" reads better than "120 minutes". Always rounded up: a promise of "1 hour" for an 80-minute
 * SLA would be broken by the time the breach alert fires.
 */
export function humanDuration(minutes: number): string {
  if (minutes === 60) return '1 hour';
  if (minutes <= 90) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  if (minutes <= 48 * 60) return `${Math.ceil(minutes / 60)} hours`;
  return `${Math.ceil(minutes / (24 * 60))} days`;
}
