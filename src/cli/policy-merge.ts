import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isMap, parseDocument, type Document } from 'yaml';
import { ConfigError, parsePolicy } from '../config/load-policy.js';
import { taxonomyCategories } from '../config/taxonomy-file.js';
import { cliPaths } from './cli-env.js';
import { UsageError, type CliCommand } from './command.js';

const usage = `Usage: npm run baton -- policy merge [--config FILE] [--dry-run] <file.yaml>

Merges a YAML file into the policy, keeping the policy's comments and every other section:
  categories:  the taxonomy replaces the policy's categories. Each category: name, risk (or risk_tier),
               description, examples, and topics, either as a list ({name, risk, always_escalate,
               examples}) or as a map  "topic-name": [tier, action]  where action "escalate" means a
               person always takes it. Other keys (counts, notes) are left out and listed.
  triage:      each key given replaces the policy's (e.g. the thresholds written by baton calibrate).
The result is validated like at start-up; on any problem nothing is written and the problems are listed.

Options:
  --config FILE   the policy file to update (default: BATON_CONFIG, else config/baton.yaml)
  --dry-run       validate and show what would change, write nothing`;

function readYaml(file: string): Document {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new UsageError(`${file}: YAML syntax: ${doc.errors[0]!.message.split('\n')[0]}`);
  return doc;
}

/** Applies the fragment to the policy document; returns what changed, in words. */
function merge(policy: Document, fragment: Record<string, unknown>, file: string): string[] {
  const unknown = Object.keys(fragment).filter((k) => k !== 'categories' && k !== 'triage');
  if (unknown.length > 0) throw new UsageError(`${file}: only "categories" and "triage" can be merged, not ${unknown.map((k) => `"${k}"`).join(', ')}`);
  const changes: string[] = [];
  if (fragment.categories !== undefined) {
    const { categories, ignored } = taxonomyCategories(fragment.categories);
    policy.set('categories', policy.createNode(categories));
    const topics = categories.reduce((n, c) => n + ((c.topics as unknown[] | undefined)?.length ?? 0), 0);
    changes.push(`categories: ${categories.length} categories, ${topics} topics`);
    if (ignored.length > 0) changes.push(`left out (not policy keys): ${ignored.join(', ')}`);
  }
  const triage = fragment.triage;
  if (triage && typeof triage === 'object') {
    if (!isMap(policy.get('triage'))) policy.set('triage', policy.createNode({}));
    for (const [k, v] of Object.entries(triage)) {
      policy.setIn(['triage', k], policy.createNode(v));
      changes.push(`triage.${k}: ${JSON.stringify(v)}`);
    }
  }
  return changes;
}

export const policyMergeCommand: CliCommand = {
  name: 'policy merge',
  summary: 'Merge a taxonomy (categories, topics) or suggested triage thresholds into the policy',
  usage,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { config: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
    });
    if (positionals.length !== 1) throw new UsageError('name one YAML file to merge');
    const file = positionals[0]!;
    const config = cliPaths(values).config;
    const policy = readYaml(config);
    const fragment = readYaml(file).toJS() as unknown;
    if (!fragment || typeof fragment !== 'object') throw new UsageError(`${file}: expected a YAML mapping with "categories" or "triage"`);
    const changes = merge(policy, fragment as Record<string, unknown>, file);
    const text = policy.toString({ lineWidth: 0 });
    try {
      parsePolicy(text, config);
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      process.stderr.write(`baton policy merge: the merged policy would be invalid; nothing written\n${err.message}\n`);
      return 1;
    }
    if (!values['dry-run']) writeFileSync(config, text);
    process.stdout.write(`${values['dry-run'] ? 'Would merge' : 'Merged'} ${file} into ${config}:\n${changes.map((c) => `  ${c}`).join('\n')}\n`);
    return 0;
  },
};
