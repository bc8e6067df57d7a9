import { parseArgs } from 'node:util';
import { loadPolicy } from '../config/load-policy.js';
import { loadKnowledge } from '../infra/knowledge/jsonl-knowledge-store.js';
import { cliPaths } from './cli-env.js';
import type { CliCommand } from './command.js';
import { type TopicStats, topicStats } from './kb/topic-stats.js';
import { table } from './triage/escalation-table.js';
import { formatUnknownTopics, TopicTally, unknownTopics } from '../core/policy/unknown-topics.js';

const usage = `Usage: npm run baton -- kb stats [--kb FILE] [--config FILE] [--all]

What the imported history holds, per topic as the policy files it: records, resolutions that can be
quoted, how many needed a person and why (escalated, reassigned, reopened, flagged), and whether that
makes the topic hidden complexity (a share of at least triage.complex_at). Topics the policy does not
list are filed under triage.unknown_category (not Baton's to answer), and categories and topics it does not
list take triage.unknown_topic_risk (default high): the listing at the end names them, with the policy lines
that file them.

Options:
  --kb FILE       knowledge file (default: BATON_KB, else data/knowledge.jsonl)
  --config FILE   policy YAML (default: BATON_CONFIG, else config/baton.yaml)
  --all           every topic (default: the 60 largest topics of the unknown category are summed up)`;

const MAX_UNLISTED = 60;

function row(s: TopicStats): string[] {
  const why = [...s.because].map(([k, n]) => `${k} ${n}`).join(', ');
  const policy = s.listed ? (s.alwaysEscalate ? 'always escalate' : 'listed') : 'not listed';
  return [s.category, s.topic, s.tier, policy, String(s.records), String(s.quotable), String(s.neededPerson), why, s.hiddenComplexity ? 'yes' : ''];
}

export const kbStatsCommand: CliCommand = {
  name: 'kb stats',
  summary: 'Per topic: imported records, resolutions, how many needed a person and why (hidden complexity)',
  usage,
  async run(args) {
    const { values } = parseArgs({ args, options: { kb: { type: 'string' }, config: { type: 'string' }, all: { type: 'boolean', default: false } } });
    const paths = cliPaths(values);
    const policy = loadPolicy(paths.config);
    const kb = loadKnowledge(paths.kb);
    const stats = topicStats(kb, policy);
    const unknown = stats.filter((s) => s.category === policy.triage.unknown_category && !s.listed);
    const shown = values.all ? stats : [...stats.filter((s) => !unknown.includes(s)), ...unknown.slice(0, MAX_UNLISTED)];
    const header = ['category', 'topic', 'tier', 'policy', 'records', 'quotable', 'needed a person', 'why', 'hidden complexity'];
    process.stdout.write(`${table(`Imported history in ${paths.kb}, filed by ${paths.config}`, header, shown.map(row))}\n`);
    if (shown.length < stats.length) process.stdout.write(`... and ${stats.length - shown.length} more topics not listed in the policy (--all shows them)\n`);
    const total = stats.reduce((n, s) => n + s.records, 0);
    const complex = stats.filter((s) => s.hiddenComplexity);
    process.stdout.write(`${total} records in ${stats.length} topics; ${complex.length} topics are hidden complexity (${complex.map((s) => s.topic).slice(0, 10).join(', ') || 'none'}).\n`);
    process.stdout.write(`${formatUnknownTopics(unknownTopics(TopicTally.of(kb), policy), policy)}\n`);
    return 0;
  },
};
