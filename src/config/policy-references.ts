import { knowledgeSourceProblems, type ReferenceProblem } from './knowledge-source-references.js';

export type { ReferenceProblem };

const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter((x) => x && typeof x === 'object') : []);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * Cross-references between sections. Written against the raw, possibly invalid, document so that these
 * problems are reported together with the shape errors, not only after those are fixed.
 */
export function referenceProblems(raw: unknown, env?: NodeJS.ProcessEnv): ReferenceProblem[] {
  const doc = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const problems: ReferenceProblem[] = [];
  const queues = new Set(list(doc.queues).map((q) => q.id));
  const categories = new Set(list(doc.categories).map((c) => c.name));
  const routing = (doc.routing && typeof doc.routing === 'object' ? doc.routing : {}) as Record<string, unknown>;
  if (typeof routing.default_queue === 'string' && !queues.has(routing.default_queue)) {
    problems.push({ path: ['routing', 'default_queue'], message: `no queue named "${routing.default_queue}"` });
  }
  list(doc.queues).forEach((q, i) => {
    if (typeof q.backup !== 'string') return;
    if (!queues.has(q.backup)) problems.push({ path: ['queues', i, 'backup'], message: `no queue named "${q.backup}"` });
    else if (q.backup === q.id) problems.push({ path: ['queues', i, 'backup'], message: 'a queue cannot be its own backup' });
  });
  list(routing.rules).forEach((r, i) => {
    if (typeof r.queue === 'string' && !queues.has(r.queue)) problems.push({ path: ['routing', 'rules', i, 'queue'], message: `no queue named "${r.queue}"` });
    const when = (r.when && typeof r.when === 'object' ? r.when : {}) as Record<string, unknown>;
    strings(when.categories).forEach((c, j) => {
      if (!categories.has(c)) problems.push({ path: ['routing', 'rules', i, 'when', 'categories', j], message: `no category named "${c}"` });
    });
  });
  for (const [section, key] of [['accounts', 'id'], ['queues', 'id'], ['categories', 'name'], ['root_causes', 'id']] as const) {
    const seen = new Set<unknown>();
    list(doc[section]).forEach((item, i) => {
      if (seen.has(item[key])) problems.push({ path: [section, i, key], message: `"${String(item[key])}" is used twice` });
      seen.add(item[key]);
    });
  }
  const triage = (doc.triage && typeof doc.triage === 'object' ? doc.triage : {}) as Record<string, unknown>;
  const smalltalk = (triage.smalltalk && typeof triage.smalltalk === 'object' ? triage.smalltalk : {}) as Record<string, unknown>;
  strings(smalltalk.categories).forEach((c, i) => {
    if (!categories.has(c)) problems.push({ path: ['triage', 'smalltalk', 'categories', i], message: `no category named "${c}"` });
  });
  const owner = new Map<string, unknown>();
  list(doc.accounts).forEach((a, i) => {
    strings(a.channels).forEach((c, j) => {
      if (owner.has(c)) problems.push({ path: ['accounts', i, 'channels', j], message: `channel ${c} already belongs to account "${String(owner.get(c))}"` });
      owner.set(c, a.id);
    });
  });
  problems.push(...internalChannelProblems(doc, owner), ...knowledgeSourceProblems(doc, env));
  return problems;
}

/**
 * Internal posts (handoff packets with CRM links and transcripts, SLA reminders, the leads' digest) go to
 * queue and leads channels: one that is also a customer's shared channel would show them to that customer.
 */
function internalChannelProblems(doc: Record<string, unknown>, customerChannels: Map<string, unknown>): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const clash = (channel: unknown, path: (string | number)[], what: string) => {
    if (typeof channel === 'string' && customerChannels.has(channel)) {
      problems.push({ path, message: `channel ${channel} is account "${String(customerChannels.get(channel))}"'s shared channel; ${what} must be an internal channel` });
    }
  };
  list(doc.queues).forEach((q, i) => {
    clash(q.channel, ['queues', i, 'channel'], 'a queue channel');
  });
  clash(doc.leads_channel, ['leads_channel'], 'the leads channel');
  return problems;
}
