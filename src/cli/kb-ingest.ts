import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { loadPolicy } from '../config/load-policy.js';
import type { Policy } from '../config/policy-schema.js';
import type { SlackWorkspace } from '../infra/knowledge/formats/slack-export.js';
import { parseColumnMap, MAPPED_FIELDS, type ColumnMap } from '../infra/knowledge/column-map.js';
import { JsonlKnowledgeStore } from '../infra/knowledge/jsonl-knowledge-store.js';
import { cliPaths } from './cli-env.js';
import { UsageError, type CliCommand } from './command.js';
import { readHoldout } from './kb/holdout.js';
import { ingest } from './kb/ingest.js';
import { formatSummary } from './kb/ingest-summary.js';
import { formatUnknownTopics, unknownTopics } from '../core/policy/unknown-topics.js';
import { UnreadableFileError } from '../infra/knowledge/unreadable-file.js';

const usage = `Usage: npm run baton -- kb ingest [options] <file-or-dir>...

Imports past conversations (whole threads) and docs into the knowledge base, streamed. Conversations are
history (never quoted to customers); docs, and Q&A records marked with --answers or "purpose": "answer",
are answers. Prints what each file became. Re-importing the same export is idempotent: entries are keyed
by id (namespaced by helpdesk) and unchanged ones are left alone. A file that cannot be read whole
(truncated, an unknown encoding) exits 1 and writes nothing.

Formats (see docs/knowledge.md, "Knowledge base"):
  .jsonl/.json  helpdesk exports (Zendesk, Intercom, Freshdesk, Help Scout) or plain records
  .csv/.tsv     one ticket per row: question (or subject), answer (or resolution), category, topic, tags...
  .md           docs: one entry per "## " section (answers)
  .zip / folder a Slack workspace export as delivered (users.json or org_users.json, channels.json)
  any other CSV, TSV, JSON or JSONL: name its columns with --map

Options:
  --map SPEC         FIELD=COLUMN[,FIELD=COLUMN...]: which column holds which field. Fields:
                     ${MAPPED_FIELDS.join(', ')}.
                     COLUMN is a header, a dotted JSON path, or a position in list records (0, 1...);
                     COL1+COL2 joins text, or for labels takes each column flagged 1/true/yes;
                     'TEXT' in single quotes is a literal every record gets.
                     e.g. --map question=text,topic=category   --map "question=Query,category='security'"
  --delimiter CHAR   CSV column delimiter: , ; tab (default: guessed from the header line)
  --records KEYS     JSON object files: the keys whose arrays hold the records (default: every array)
  --answers          the files' question/answer records were written for customers: import them as answers
                     (without it, and for every conversation thread, records are history, never quoted)
  --account ID       import as this account's private knowledge (never shown to other accounts)
  --kb FILE          knowledge file to update (default: BATON_KB, else data/knowledge.jsonl)
  --config FILE      policy YAML whose account ids the records' organizations are checked against
                     (default: BATON_CONFIG, else config/baton.yaml; not checked if that is absent)
  --exclude FILE     leave out records asking a message of FILE, a labelled test set you will replay
                     (JSONL with "text", threads with "turns"): the test then measures unseen questions
  --dry-run          read and report everything, show the first records as stored, write nothing
  --quiet            no progress bar`;

/**
 * The policy, for its accounts and Slack workspace. A named policy (flag or BATON_CONFIG) must exist;
 * the default one may be absent (an import before the policy is written): accounts are then not checked.
 */
function policyOf(config: string, named: boolean): Policy | undefined {
  if (named && !existsSync(config)) throw new UsageError(`no such config file: ${config}`);
  return existsSync(config) ? loadPolicy(config) : undefined;
}

/** Lower-cased account id and name -> id, so a helpdesk organization named "Acme Corp" finds its account. */
function accountDirectory(policy: Policy): Map<string, string> {
  return new Map(policy.accounts.flatMap((a) => [[a.id.toLowerCase(), a.id], [a.name.toLowerCase(), a.id]] as [string, string][]));
}

/** The phone regions of an account's people and the vendor's (`phone_regions`), for redacting national numbers. */
function phoneRegions(policy: Policy): (account: string | undefined) => readonly string[] {
  const vendor = policy.vendor.phone_regions ?? [];
  const byAccount = new Map(policy.accounts.flatMap((a) => [a.id, a.name].map((k) => [k.toLowerCase(), [...(a.phone_regions ?? []), ...vendor]] as const)));
  return (account) => (account && byAccount.get(account.toLowerCase())) || vendor;
}

/** Email domain -> account id, from `accounts[].email_domains`. */
function domainAccounts(policy: Policy): Map<string, string> {
  return new Map(policy.accounts.flatMap((a) => (a.email_domains ?? []).map((d) => [d.toLowerCase(), a.id] as [string, string])));
}

function slackWorkspace(policy: Policy | undefined): SlackWorkspace {
  return {
    staffTeams: new Set(policy?.slack.team_ids ?? []),
    staffEnterprises: new Set(policy?.slack.enterprise_ids ?? []),
    channelAccounts: new Map(policy?.accounts.flatMap((a) => a.channels.map((c) => [c, a.id] as [string, string])) ?? []),
  };
}

function columnMap(spec: string | undefined): ColumnMap | undefined {
  if (spec === undefined) return undefined;
  try {
    return parseColumnMap(spec);
  } catch (err) {
    throw new UsageError(`--map: ${(err as Error).message}`);
  }
}

function delimiter(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const d = v === 'tab' || v === '\\t' ? '\t' : v;
  if (d.length !== 1) throw new UsageError('--delimiter must be one character, or "tab"');
  return d;
}

function progressBar(quiet: boolean) {
  if (quiet) return undefined;
  const bar = new SingleBar({ format: 'ingest [{bar}] {percentage}% | {records} records | {rate} records/s | ETA {eta_formatted}', stream: process.stderr, etaBuffer: 50 }, Presets.shades_classic);
  const started = Date.now();
  bar.start(1, 0, { records: 0, rate: 0 });
  return {
    update(p: { records: number; bytes: number; totalBytes: number }) {
      bar.setTotal(Math.max(1, p.totalBytes));
      bar.update(p.bytes, { records: p.records, rate: Math.round(p.records / Math.max(0.001, (Date.now() - started) / 1000)) });
    },
    stop: () => bar.stop(),
  };
}

export const kbIngestCommand: CliCommand = {
  name: 'kb ingest',
  summary: 'Import past conversations (helpdesk, Slack, CSV/JSONL exports) and Markdown docs into the KB',
  usage,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        kb: { type: 'string' },
        account: { type: 'string' },
        config: { type: 'string' },
        map: { type: 'string' },
        delimiter: { type: 'string' },
        records: { type: 'string' },
        exclude: { type: 'string' },
        answers: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
      },
    });
    if (positionals.length === 0) throw new UsageError('name at least one file or directory to import');
    const missing = positionals.filter((p) => !existsSync(p));
    if (missing.length > 0) throw new UsageError(`no such file or directory: ${missing.join(', ')}`);
    const paths = cliPaths({ kb: values.kb, config: values.config });
    const policy = policyOf(paths.config, paths.configNamed);
    if (values.account && policy && !policy.accounts.some((a) => a.id === values.account)) throw new UsageError(`--account ${values.account} is not an account of ${paths.config}`);
    const map = columnMap(values.map);
    const sep = delimiter(values.delimiter);
    const bar = progressBar(values.quiet);
    const run = ingest(positionals, new JsonlKnowledgeStore(paths.kb), {
      ...(values.account ? { account: values.account } : {}),
      ...(policy ? { accounts: accountDirectory(policy), domainAccounts: domainAccounts(policy), keep: policy.vendor.support_addresses ?? [], phoneRegions: phoneRegions(policy) } : {}),
      answers: values.answers,
      slack: slackWorkspace(policy),
      ...(map ? { map } : {}),
      ...(sep ? { delimiter: sep } : {}),
      ...(values.records ? { records: values.records.split(',').map((k) => k.trim()) } : {}),
      ...(values.exclude ? { exclude: readHoldout(values.exclude) } : {}),
      dryRun: values['dry-run'],
      onProgress: (p) => bar?.update(p),
    });
    const summary = await run.catch((err: unknown) => {
      bar?.stop();
      if (!(err instanceof UnreadableFileError)) throw err;
      process.stderr.write(`baton kb ingest: ${err.message}\nNothing was written to ${paths.kb}.\n`);
      return undefined;
    });
    if (!summary) return 1;
    bar?.stop();
    const unchecked = policy ? '' : `Accounts not checked: ${paths.config} not found (use --config or BATON_CONFIG).\n`;
    const unlisted = policy ? formatUnknownTopics(unknownTopics(summary.labels, policy), policy) : '';
    process.stdout.write(`${formatSummary(summary)}\n${unlisted ? `${unlisted}\n` : ''}${unchecked}Knowledge file: ${paths.kb}${summary.dryRun ? ' (not written)' : ''}\n`);
    return 0;
  },
};
