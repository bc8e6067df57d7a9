import type { LoopDeps } from '../deps.js';
import { askCsat } from '../feedback/csat.js';
import { classifyConversation, outcomeRules } from '../metrics/outcomes.js';

/** Resolutions older than this when first seen (say, after downtime) are not worth a rating prompt any more. */
const FRESH_MS = 24 * 60 * 60 * 1000;
const CONSIDERED_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** Asks for a rating on conversations Baton resolved alone, once each, as soon as the resolution is known. */
export async function sweepBatonResolutions(deps: Pick<LoopDeps, 'clock' | 'conversations' | 'deliveries' | 'locks' | 'log' | 'loop' | 'once' | 'policy'>, now: number): Promise<number> {
  const rules = outcomeRules(deps.policy);
  const since = now - rules.reopenWindowMs;
  const [conversations, escalations] = await Promise.all([
    deps.loop.facts.conversationsCreated(since, now + 1),
    deps.loop.facts.escalationsOpened(since, now + 1),
  ]);
  const escalated = new Set(escalations.map((e) => e.conversationKey));
  let asked = 0;
  for (const facts of conversations) {
    if (escalated.has(facts.key)) continue;
    const outcome = classifyConversation(facts, [], now, rules);
    const resolvedAt = outcome.resolutions.at(-1);
    if (outcome.kind !== 'resolved_by_baton' || resolvedAt === undefined || now - resolvedAt > FRESH_MS) continue;
    // Considered once: a conversation skipped for sampling or cooldown is not re-examined every sweep.
    if (!(await deps.once.claimOnce(`csat-baton:${facts.key}`, CONSIDERED_TTL_MS))) continue;
    const conversation = await deps.conversations.get(facts.key);
    if (conversation && (await askCsat(deps, conversation, 'baton')) === 'asked') asked++;
  }
  return asked;
}
