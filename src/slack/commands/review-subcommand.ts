import { loadReview } from '../../core/feedback/weekly-review.js';
import { pluralize } from '../render/pluralize.js';
import { renderReviewBlocks } from '../render/review-blocks.js';
import { loopDeps } from './loop-deps.js';
import { sendToLead } from './send-to-lead.js';
import type { Subcommand } from './subcommand.js';

/** `/baton review`: the week's tagged escalations by root cause, accuracy and automation potential, with KB candidates. */
export const reviewSubcommand: Subcommand = {
  name: 'review',
  usage: '`/baton review`',
  check: (_deps, args) => (args.length > 0 ? 'The review takes no arguments: it is always the last 7 days.' : undefined),
  accepted: () => 'Putting the weekly review together; it will be in your DM with Baton in a moment.',
  async run(deps, userId) {
    const review = await loadReview(loopDeps(deps));
    await sendToLead(deps, userId, { text: `Weekly review: ${pluralize(review.tagged, 'tagged escalation')}`, blocks: renderReviewBlocks(review) });
  },
};
