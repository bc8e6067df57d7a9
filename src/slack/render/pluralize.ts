/** "1 rating", "3 ratings": a count with its noun in the right number. `plural` is for nouns that do not just take an "s". */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
