import type { ServerResponse } from 'node:http';
import type { PlaygroundEvent } from './render/events.js';

type Sequenced = PlaygroundEvent & { seq: number };

/**
 * What the playground's rooms and boards show, in order: the web platform's own message history (Slack
 * keeps Slack's), held in memory and streamed to every open page as server-sent events. Sequence
 * numbers start from the clock, so a page reconnecting after a restart never skips new events.
 */
export class PlaygroundFeed {
  private events: Sequenced[] = [];
  private readonly pages = new Set<ServerResponse>();
  private seq = Date.now();
  private ids = 0;

  /** A message id unique in this feed and across restarts, ordered like Slack's timestamps. */
  nextId(): string {
    this.ids += 1;
    return `${Date.now()}.${String(this.ids).padStart(6, '0')}`;
  }

  push(event: PlaygroundEvent): void {
    this.seq += 1;
    const sequenced = { ...event, seq: this.seq } as Sequenced;
    this.events.push(sequenced);
    for (const page of this.pages) send(page, sequenced);
  }

  find(predicate: (e: PlaygroundEvent) => boolean): PlaygroundEvent | undefined {
    return this.events.find(predicate);
  }

  /** Empties the history; open pages are told to clear theirs. */
  clear(): void {
    this.events = [];
    this.push({ type: 'reset' });
  }

  /** Streams everything after `lastSeq` (all of it for a new page), then every new event, until the page goes. */
  stream(res: ServerResponse, lastSeq: number): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write('retry: 1000\n\n');
    for (const e of this.events) if (e.seq > lastSeq) send(res, e);
    this.pages.add(res);
    res.on('close', () => this.pages.delete(res));
  }

  /** Ends every open stream so the server can close. */
  closeStreams(): void {
    for (const page of this.pages) page.end();
    this.pages.clear();
  }
}

function send(res: ServerResponse, e: Sequenced): void {
  res.write(`id: ${e.seq}\ndata: ${JSON.stringify(e)}\n\n`);
}
