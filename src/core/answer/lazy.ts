/** The first item that passes, reading no further: a topic's entries are read lazily (see ScopedDocs). */
export function find<T>(items: Iterable<T>, pass: (item: T) => boolean): T | undefined {
  for (const item of items) if (pass(item)) return item;
  return undefined;
}

export function some<T>(items: Iterable<T>, pass: (item: T) => boolean = () => true): boolean {
  return find(items, pass) !== undefined;
}
