import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readEnv } from '../config/env.js';
import { loadPolicy } from '../config/load-policy.js';
import { noMetrics } from '../core/ports/metrics.js';
import { reviewedTopics } from '../core/suggest/approve-answer.js';
import { markContext, proposeTopics } from '../core/suggest/propose-answer.js';
import { DEFAULT_TOP } from '../core/suggest/topic-suggestions.js';
import { loadKnowledge } from '../infra/knowledge/jsonl-knowledge-store.js';
import { loadRejectedTopics } from '../infra/knowledge/rejected-topics.js';
import { llmFrom } from '../infra/llm/llm-from-env.js';
import { cliPaths } from './cli-env.js';
import { UsageError, type CliCommand } from './command.js';
import { proposalText } from './kb/proposal-text.js';
import { writeReviewFile } from './kb/review-file.js';

const usage = `Usage: npm run baton -- kb suggest [--top N] [--out FILE] [--kb FILE] [--config FILE]

Imported history is never quoted to customers. This lists its topics by volume, the largest first, each
with a proposed answer: with an LLM configured (OPENAI_API_KEY or OPENAI_BASE_URL), one general answer
drafted from several of the topic's resolutions; without, its most representative resolution, cleaned
(no greeting, signature, closing macro, quoted email or internal note) and redacted. Marked spans are
what looks like one ticket's: action claims, amounts, dates, names, ids, organizations. Topics with an
approved answer, or whose answer was rejected, are left out.

Options:
  --top N         how many topics (default ${DEFAULT_TOP})
  --out FILE      write a review file (YAML) to edit, then apply with \`kb approve --file FILE\`
  --kb FILE       knowledge file (default: BATON_KB, else data/knowledge.jsonl)
  --config FILE   policy YAML (default: BATON_CONFIG, else config/baton.yaml)`;

export const kbSuggestCommand: CliCommand = {
  name: 'kb suggest',
  summary: 'Top topics of the history, each with a proposed answer to review (--out: a review file)',
  usage,
  async run(args) {
    const { values } = parseArgs({ args, options: { top: { type: 'string' }, out: { type: 'string' }, kb: { type: 'string' }, config: { type: 'string' } } });
    const top = values.top === undefined ? DEFAULT_TOP : Number(values.top);
    if (!Number.isInteger(top) || top < 1) throw new UsageError(`--top takes a whole number of topics, 1 or more (got ${values.top})`);
    const paths = cliPaths(values);
    const policy = loadPolicy(paths.config);
    const entries = loadKnowledge(paths.kb);
    const llm = llmFrom(readEnv(process.env), noMetrics);
    const skip = new Set([...reviewedTopics(entries), ...loadRejectedTopics(paths.kb)]);
    const proposals = await proposeTopics(entries, { top, skip, context: markContext(policy), ...(llm ? { llm } : {}) });
    if (proposals.length === 0) {
      process.stdout.write(`No topic of the history in ${paths.kb} waits for review (nothing imported, or every topic reviewed).\n`);
      return 0;
    }
    if (values.out) {
      writeFileSync(values.out, writeReviewFile(proposals));
      process.stdout.write(`Wrote ${proposals.length} topic(s) to ${values.out}. Edit it, then: npm run baton -- kb approve --file ${values.out}\n`);
      return 0;
    }
    process.stdout.write(`${proposals.map((p, i) => proposalText(p, i + 1)).join('\n\n')}\n`);
    return 0;
  },
};
