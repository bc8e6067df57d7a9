/** Fills {placeholders} in customer-facing copy from config; unknown placeholders stay visible to be fixed. */
export function fillCopy(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** "within 2 hours" reads better than "within 120 minutes". */
export function humanDuration(minutes: number): string {
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  if (minutes < 48 * 60) {
    const hours = Math.round(minutes / 60);
    return `${hours} hour${hours === 1 ? '' : 's'}`;
  }
  const days = Math.round(minutes / (24 * 60));
  return `${days} days`;
}
