import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadPolicy } from '../config/load-policy.js';
import type { Policy } from '../config/policy-schema.js';
import { buildDecider } from '../core/answer/build-decider.js';
import type { KnowledgeEntry } from '../core/ports/knowledge.js';
import { loadKnowledge } from '../infra/knowledge/jsonl-knowledge-store.js';
import { loadDocs } from '../infra/knowledge/load-docs.js';
import { createLogger } from '../infra/logger.js';
import { crossValidate, fitThresholds, fitWarnings, type Replayed, type Thresholds } from './calibrate/fit.js';
import { pastTickets, type PastTicket } from './calibrate/history.js';
import { formatCalibration } from './calibrate/report.js';
import { cliPaths } from './cli-env.js';
import { UsageError, type CliCommand } from './command.js';

const DEFAULT_OUT = 'config/thresholds.suggested.yaml';

const usage = `Usage: npm run baton -- calibrate [options]

Replays the imported history (the past tickets in the knowledge base) through the policy, each ticket
decided by a Baton that learned from the other folds only, and fits the per-tier confidence thresholds
(low, medium) by cross-validation: the lowest bars that still hand over --target of the tickets that
needed a person (by their outcome: escalated, reassigned, reopened; or by the policy: high risk, a topic
that always escalates, out of scope), answering as much of the rest as possible. Prints the replay table
(by category and trigger type, with the expected escalation rate) and writes the suggested thresholds
to --out for review. Merge them with:  npm run baton -- policy merge ${DEFAULT_OUT}

Options:
  --config FILE   policy YAML (default: BATON_CONFIG, else config/baton.yaml)
  --kb FILE       knowledge file (default: BATON_KB, else data/knowledge.jsonl)
  --docs DIR      Markdown articles, as the running bot reads them (default: BATON_DOCS, else config/knowledge)
  --target R      share of the tickets needing a person that must be handed over (default 0.98)
  --folds K       cross-validation folds (default 5)
  --sample N      replay at most N past tickets, a stable sample (default 4000)
  --out FILE      where the suggested thresholds go (default ${DEFAULT_OUT})`;

function number(v: string, name: string, min: number, max: number, whole = false): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max || (whole && !Number.isInteger(n))) throw new UsageError(`--${name} must be a ${whole ? 'whole ' : ''}number from ${min} to ${max}`);
  return n;
}

/** Each fold's tickets decided by a Baton built without them: the replay never grades what it learned from. */
async function replayFolds(policy: Policy, kb: KnowledgeEntry[], tickets: PastTicket[], folds: number): Promise<Replayed[]> {
  const out: Replayed[] = [];
  for (let k = 0; k < folds; k++) {
    const held = tickets.filter((t) => t.fold === k);
    const ids = new Set(held.map((t) => t.entry.id));
    const decider = buildDecider({ policy, kb: kb.filter((e) => !ids.has(e.id)), replay: true });
    for (const ticket of held) {
      const decision = await decider.decide({ text: ticket.entry.question, history: [], accountId: ticket.entry.account ?? '(calibration)' });
      out.push({ ticket, decision });
    }
  }
  return out;
}

function suggestion(t: Thresholds, high: number, note: string[]): string {
  return [
    ...note.map((l) => `# ${l}`),
    'triage:',
    `  thresholds: { low: ${t.low.toFixed(2)}, medium: ${t.medium.toFixed(2)}, high: ${high} }`,
    '',
  ].join('\n');
}

export const calibrateCommand: CliCommand = {
  name: 'calibrate',
  summary: 'Replay the imported history and suggest per-tier confidence thresholds (cross-validated)',
  usage,
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        config: { type: 'string' },
        kb: { type: 'string' },
        docs: { type: 'string' },
        target: { type: 'string', default: '0.98' },
        folds: { type: 'string', default: '5' },
        sample: { type: 'string', default: '4000' },
        out: { type: 'string', default: DEFAULT_OUT },
      },
    });
    const target = number(values.target, 'target', 0, 1);
    const folds = number(values.folds, 'folds', 2, 20, true);
    const sample = number(values.sample, 'sample', 10, 1e7, true);
    const paths = cliPaths(values);
    const policy = loadPolicy(paths.config);
    const kb = [...loadKnowledge(paths.kb), ...loadDocs(paths.docs, createLogger('silent'))];
    const tickets = pastTickets(kb, policy, sample, folds);
    if (tickets.length < folds * 5) throw new UsageError(`${paths.kb} holds ${tickets.length} past tickets: import your history first (baton kb ingest)`);
    const items = await replayFolds(policy, kb, tickets, folds);
    const margin = policy.triage.attempt_margin;
    const suggested = fitThresholds(items, target, margin);
    const cv = crossValidate(items, folds, target, margin);
    const warnings = fitWarnings(items, suggested, target, margin);
    const current = { low: policy.triage.thresholds.low, medium: policy.triage.thresholds.medium };
    process.stdout.write(`Replayed ${items.length} past tickets of ${paths.kb} through ${paths.config} (${folds}-fold).\n\n`);
    process.stdout.write(`${formatCalibration({ items, suggested, current, folds: cv, margin, target })}\n`);
    for (const w of warnings) process.stderr.write(`${w}\n`);
    if (warnings.length > 0) process.stdout.write(`\n${warnings.join('\n')}\n`);
    const note = [
      ...warnings,
      `Suggested by baton calibrate from ${items.length} past tickets of ${paths.kb} (${folds}-fold cross-validation),`,
      `target: hand over ${target} of the tickets that needed a person. Review, then merge into the policy with:`,
      `  npm run baton -- policy merge ${values.out} --config ${paths.config}`,
    ];
    writeFileSync(values.out, suggestion(suggested, policy.triage.thresholds.high, note));
    process.stdout.write(`\nSuggested thresholds written to ${values.out}. Merge: npm run baton -- policy merge ${values.out} --config ${paths.config}\n`);
    return 0;
  },
};
