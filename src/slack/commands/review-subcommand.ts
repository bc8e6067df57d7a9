import { loadReview } from '../../core/feedback/weekly-review.js';
import { loadAnswerReview } from '../../core/suggest/answer-review.js';
import type { Proposal } from '../../core/suggest/propose-answer.js';
import { DEFAULT_TOP } from '../../core/suggest/topic-suggestions.js';
import { renderAnswerReview } from '../render/answer-review-blocks.js';
import { pluralize } from '../render/pluralize.js';
import { renderReviewBlocks } from '../render/review-blocks.js';
import { loopDeps } from './loop-deps.js';
import type { Subcommand } from './subcommand.js';

/**
 * `/baton review`: the week's tagged escalations by root cause, accuracy and automation potential, with
 * KB candidates; then the answers to review, the history's top topics each with its proposed answer.
 */
export const reviewSubcommand: Subcommand = {
  name: 'review',
  usage: '`/baton review`',
  check: (_deps, args) => (args.length > 0 ? 'The review takes no arguments: it is always the last 7 days.' : undefined),
  accepted: () => 'Putting the weekly review together; it will be in your DM with Baton in a moment.',
  async run(deps, dm) {
    const core = loopDeps(deps);
    const review = await loadReview(core);
    await dm.send({ text: `Weekly review: ${pluralize(review.tagged, 'tagged escalation')}`, blocks: renderReviewBlocks(review) });
    const proposals = await loadAnswerReview(core, DEFAULT_TOP);
    const accountOf = (p: Proposal) => p.accounts.flatMap((id) => core.policy.accounts.find((a) => a.id === id) ?? [])[0];
    for (const blocks of renderAnswerReview(proposals, accountOf)) {
      await dm.send({ text: `Answers to review: ${pluralize(proposals.length, 'topic')}`, blocks });
    }
  },
};
