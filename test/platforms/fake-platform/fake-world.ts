import { EventEmitter } from 'node:events';

/** One thing the fake platform showed someone: a customer reply, a packet, a packet update, an internal note. */
export interface FakePost {
  kind: 'customer' | 'packet' | 'packet-update' | 'internal' | 'alert' | 'csat' | 'digest';
  channel: string;
  thread?: string;
  id: string;
  text: string;
  deliveryId?: string;
}

/** A send the fake platform answered with an HTTP error: nothing was posted. */
export class FakeRefusal extends Error {
  constructor(readonly status: number) {
    super(`the fake platform answered ${status}`);
  }
}

/** What the fake platform posted, in order, and a way to wait for the next post that matches. */
export class FakeWorld {
  readonly posts: FakePost[] = [];
  private readonly failures: number[] = [];
  private readonly events = new EventEmitter();
  private next = 0;

  nextId(): string {
    this.next += 1;
    return `m${this.next}`;
  }

  /** The next sends are answered with these HTTP statuses, one each, and post nothing. */
  failNext(...statuses: number[]): void {
    this.failures.push(...statuses);
  }

  /** Throws the next queued failure, if there is one: called by a send before it posts. */
  refuseIfFailing(): void {
    const status = this.failures.shift();
    if (status !== undefined) throw new FakeRefusal(status);
  }

  record(post: FakePost): void {
    this.posts.push(post);
    this.events.emit('post', post);
  }

  /** The first post (already made or still to come) that matches; fails after `timeoutMs` naming what it waited for. */
  waitFor(what: string, match: (p: FakePost) => boolean, timeoutMs = 8000): Promise<FakePost> {
    const found = this.posts.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.events.off('post', listener);
        reject(new Error(`no fake post: ${what}; posts: ${JSON.stringify(this.posts)}`));
      }, timeoutMs);
      const listener = (p: FakePost) => {
        if (!match(p)) return;
        clearTimeout(timer);
        this.events.off('post', listener);
        resolve(p);
      };
      this.events.on('post', listener);
    });
  }
}
