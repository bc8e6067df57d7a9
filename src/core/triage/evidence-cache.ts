import type { TriagePolicy } from '../../config/triage-schema.js';
import type { Reader } from '../ports/knowledge.js';
import { LruCache } from './lru-cache.js';

/** Messages remembered per knowledge base and reader: the turns of a few hundred live threads. */
const CAPACITY = 512;

interface Memory {
  version: number;
  triage: TriagePolicy;
  riskOf: unknown;
  byMessage: LruCache<unknown>;
}

const memories = new WeakMap<object, Memory>();

/**
 * Evidence already read for a message, so that a thread does not search and classify every earlier
 * turn again at each new turn. Valid while the index's version is unchanged and for the same policy;
 * an index without a version is never cached. The evidence returned is shared: readers must not modify it.
 */
export function rememberedEvidence<E>(
  knowledge: object,
  version: number | undefined,
  key: { text: string; accountId: string; reader: Reader; triage: TriagePolicy; riskOf: unknown },
  read: () => E,
): E {
  if (version === undefined) return read();
  let memory = memories.get(knowledge);
  if (!memory || memory.version !== version || memory.triage !== key.triage || memory.riskOf !== key.riskOf) {
    memory = { version, triage: key.triage, riskOf: key.riskOf, byMessage: new LruCache(CAPACITY) };
    memories.set(knowledge, memory);
  }
  const id = `${key.reader}\u0000${key.accountId}\u0000${key.text}`;
  const known = memory.byMessage.get(id);
  // One reader always reads the same kind of evidence for the key it is remembered under.
  if (known !== undefined) return known as E;
  const evidence = read();
  memory.byMessage.set(id, evidence);
  return evidence;
}
