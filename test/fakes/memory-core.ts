import type { Policy } from '../../src/config/policy-schema.js';
import type { Conversation } from '../../src/core/conversation/conversation.js';
import type { CoreDeps } from '../../src/core/deps.js';
import type { Escalation } from '../../src/core/escalation/escalation.js';
import type { ChatGateway } from '../../src/core/ports/chat-gateway.js';
import type { Clock } from '../../src/core/ports/clock.js';
import type { Decider } from '../../src/core/ports/decider.js';
import type { Logger } from '../../src/core/ports/logger.js';
export { MemoryInbox } from '../../src/infra/intake/memory-inbox.js';

/** A clock a test moves by hand. */
export class FakeClock implements Clock {
  constructor(public at = Date.UTC(2026, 10, 30, 9)) {}
  now(): number {
    return this.at;
  }
}

/** Log lines kept in memory: the core's audit trail, for a test to read. */
export class MemoryLog implements Logger {
  constructor(readonly lines: { msg: string; obj: object }[] = []) {}
  info(obj: object, msg: string): void {
    this.lines.push({ msg, obj });
  }
  warn = this.info;
  error = this.info;
  debug = this.info;
  child(): Logger {
    return new MemoryLog(this.lines);
  }
}

/** Core deps on in-memory stores; the gateway records internal posts (nothing else is delivered here). */
export function memoryCore(policy: Policy, decider: Decider, clock: Clock = new FakeClock()) {
  const conversations = new Map<string, Conversation>();
  const escalations = new Map<string, Escalation>();
  const internal: string[] = [];
  const claimed = new Set<string>();
  let ids = 0;
  const chain = new Map<string, Promise<unknown>>();
  const gateway: Partial<ChatGateway> = {
    postInternal: async (_at, text, tag) => {
      internal.push(text);
      return tag.beforeSend();
    },
  };
  const deps: CoreDeps = {
    policy,
    decider,
    gateway: gateway as ChatGateway,
    conversations: { get: async (k) => structuredClone(conversations.get(k)), put: async (c) => void conversations.set(c.key, structuredClone(c)) },
    escalations: {
      get: async (id) => escalations.get(id),
      create: async (e) => void (escalations.has(e.id) || escalations.set(e.id, e)),
      update: async (id, change) => {
        const current = escalations.get(id);
        if (!current) return undefined;
        const { next, result } = change(current);
        if (next) escalations.set(id, next);
        return result;
      },
    },
    once: { claimOnce: async (k) => !claimed.has(k) && Boolean(claimed.add(k)), claimed: async (k) => claimed.has(k) },
    locks: {
      run: <T>(key: string, work: () => Promise<T>) => {
        const run = (chain.get(key) ?? Promise.resolve()).then(work, work);
        chain.set(key, run.catch(() => undefined));
        return run;
      },
    },
    clock,
    log: new MemoryLog(),
    newId: () => `E-${++ids}`,
  };
  return { deps, conversations, escalations, internal };
}
