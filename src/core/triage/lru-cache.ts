/**
 * A bounded map that forgets the least recently used key first. It holds what retrieval already read
 * for a message: a thread's earlier turns are read again at every new turn (loop detection).
 */
export class LruCache<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) this.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    // A Map iterates in insertion order: re-inserting makes the key the most recent.
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value!);
  }

  clear(): void {
    this.map.clear();
  }
}
