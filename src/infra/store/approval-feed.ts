import type { RedisClientType } from '@keyv/redis';
import type { KnowledgeSink } from '../../core/ports/kb-candidates.js';
import type { KnowledgeEntry } from '../../core/ports/knowledge.js';
import type { Logger } from '../../core/ports/logger.js';
import type { KeyvCandidateStore } from './keyv-candidate-store.js';

const CHANNEL = 'baton:kb-approved';

/** Adds each entry to the index once, whichever instance or path brings it. */
class EachOnce implements KnowledgeSink {
  private readonly known: Set<string>;

  constructor(
    private readonly index: KnowledgeSink,
    initial: KnowledgeEntry[],
  ) {
    this.known = new Set(initial.map((e) => e.id));
  }

  addAll(entries: Iterable<KnowledgeEntry>): void {
    const fresh = [...entries].filter((e) => !this.known.has(e.id));
    for (const e of fresh) this.known.add(e.id);
    if (fresh.length > 0) this.index.addAll(fresh);
  }
}

/**
 * A lead's KB approval, on every instance at once: the approving instance publishes on Redis, and
 * every instance reads the approved entries again and indexes the ones it lacks. It reads them again
 * after each reconnection too, so an approval made while its Redis link was down is not missed.
 * On one instance (SQLite) the approving process is the only index there is.
 */
export class ApprovalFeed {
  private subscriber?: RedisClientType;

  constructor(
    private readonly candidates: KeyvCandidateStore,
    private readonly redis?: RedisClientType,
  ) {}

  /** Tells every instance an approval was stored. */
  async announce(): Promise<void> {
    await this.redis?.publish(CHANNEL, 'approved');
  }

  /** The sink the running decider learns from: `index` fed each approved entry once; `initial` it holds already. */
  async follow(index: KnowledgeSink, initial: KnowledgeEntry[], log: Logger): Promise<KnowledgeSink> {
    const sink = new EachOnce(index, initial);
    if (!this.redis) return sink;
    const catchUp = () => {
      this.candidates.approvedEntries().then(
        (entries) => sink.addAll(entries),
        (err: unknown) => log.warn({ err }, 'could not read approved knowledge; the next approval or reconnection tries again'),
      );
    };
    this.subscriber = this.redis.duplicate();
    this.subscriber.on('error', (err: Error) => log.warn({ err: err.message }, 'knowledge approval feed lost Redis; reconnecting'));
    this.subscriber.on('ready', catchUp);
    await this.subscriber.connect();
    await this.subscriber.subscribe(CHANNEL, catchUp);
    return sink;
  }

  async close(): Promise<void> {
    await this.subscriber?.close().catch(() => undefined);
  }
}
