import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadPolicy } from '../config/load-policy.js';
import { buildDecider } from '../core/answer/build-decider.js';
import { loadKnowledge } from '../infra/knowledge/jsonl-knowledge-store.js';
import { loadDocs } from '../infra/knowledge/load-docs.js';
import { createLogger } from '../infra/logger.js';
import { cliPaths } from './cli-env.js';
import { UsageError, type CliCommand } from './command.js';
import { escalationTables } from './triage/escalation-table.js';
import { replay, type ReplayLine } from './triage/replay.js';

const usage = `Usage: npm run baton -- triage [options] <tickets.jsonl>

Replays past tickets through the current config and knowledge base, without an LLM, and prints one JSON
line per ticket on stdout: id, action (answer|escalate|ignore|clarify), category, risk, trigger (null when
none), confidence, sentiment, loop, and the matrix rule that fired; a clarify line lists its readings, each
with the decision that follows when the customer picks it. Then, on stderr, the would-be escalation
rate by category and by trigger type.

Input lines: {"id","account","text"} or {"id","account","messages":[{"from":"customer"|"staff"|"bot","text"}]}

Options:
  --config FILE   policy YAML (default: BATON_CONFIG, else config/baton.yaml)
  --kb FILE       knowledge file (default: BATON_KB, else data/knowledge.jsonl)
  --docs DIR      Markdown articles read at start, as the running bot does (default: BATON_DOCS, else config/knowledge)`;

export const triageReplayCommand: CliCommand = {
  name: 'triage',
  summary: 'Replay past tickets through the current config; print decisions and escalation rates',
  usage,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        config: { type: 'string' },
        kb: { type: 'string' },
        docs: { type: 'string' },
      },
    });
    if (positionals.length !== 1) throw new UsageError('name one JSONL file of tickets');
    const file = positionals[0]!;
    if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
    const paths = cliPaths(values);
    const kb = [...loadKnowledge(paths.kb), ...loadDocs(paths.docs, createLogger('silent'))];
    const policy = loadPolicy(paths.config);
    const decider = buildDecider({ policy, kb, replay: true });
    const clarify = policy.triage.clarify.max_per_conversation > 0;
    const lines: ReplayLine[] = [];
    let errors = 0;
    for await (const r of replay(readFileSync(file, 'utf8').split('\n'), decider, file, clarify)) {
      if ('error' in r) {
        errors++;
        process.stderr.write(`skipped ${r.where}: ${r.error}\n`);
        continue;
      }
      lines.push(r.line);
      process.stdout.write(`${JSON.stringify(r.line)}\n`);
    }
    process.stderr.write(`\n${escalationTables(lines)}\n`);
    return errors > 0 && lines.length === 0 ? 1 : 0;
  },
};
