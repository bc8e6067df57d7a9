import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { userInfo, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadPolicy } from '../config/load-policy.js';
import { approvedTextRedactor } from '../core/feedback/redact-approved.js';
import { markContext } from '../core/suggest/propose-answer.js';
import { JsonlKnowledgeStore } from '../infra/knowledge/jsonl-knowledge-store.js';
import { cliPaths } from './cli-env.js';
import { UsageError, type CliCommand } from './command.js';
import { awaitsApproval, formatPending, shareEntry } from './kb/approve.js';
import { approveReviewFile } from './kb/approve-file.js';

const usage = `Usage: npm run baton -- kb approve [options] [ID]

A resolution imported from a past conversation is history: it teaches triage but is quoted to no customer.
A lead reads it, edits it if need be, and approves it as an answer for every customer.

  kb approve --file FILE            apply a review file of \`kb suggest --out FILE\` (approve, reject)
  kb approve --list                 the resolutions waiting, each whole text exactly as it would be quoted
  kb approve ID --edit              edit the answer in $VISUAL/$EDITOR, then approve the edited text
  kb approve ID --answer TEXT       approve with this answer instead of the stored one
  kb approve ID                     approve the answer as it stands

Options:
  --file FILE        the decisions of a review file; nothing is applied if any item cannot be
  --list             list what waits for approval (with --account ID: one account's)
  --confirm-marked   approve although spans are marked (action claims, amounts, dates, names, ids,
                     organizations): you read them and they are right for every customer
  --answer TEXT      the answer to approve (redacted again like all quoted text)
  --title TEXT       the source title customers see
  --edit             open the answer in your editor first
  --by NAME          who approves (default: your user name)
  --kb FILE          knowledge file (default: BATON_KB, else data/knowledge.jsonl)
  --config FILE      policy YAML, for the accounts' names (default: BATON_CONFIG, else config/baton.yaml)

A running Baton watches its knowledge file (BATON_KB) and answers from an approval within a second.`;

/** The answer as the lead leaves it in their editor; the editor's failure or an empty file changes nothing. */
function editInEditor(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'baton-approve-'));
  const file = join(dir, 'answer.md');
  try {
    writeFileSync(file, text);
    const editor = process.env.VISUAL || process.env.EDITOR || 'vi';
    const run = spawnSync(editor, [file], { stdio: 'inherit', shell: true });
    if (run.status !== 0) throw new UsageError(`the editor (${editor}) exited with an error; nothing approved`);
    const edited = readFileSync(file, 'utf8').trim();
    if (edited === '') throw new UsageError('the answer was left empty; nothing approved');
    return edited;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const kbApproveCommand: CliCommand = {
  name: 'kb approve',
  summary: "Approve answers: a review file of kb suggest (--file), or one imported resolution for every customer",
  usage,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        list: { type: 'boolean', default: false },
        file: { type: 'string' },
        account: { type: 'string' },
        answer: { type: 'string' },
        title: { type: 'string' },
        edit: { type: 'boolean', default: false },
        'confirm-marked': { type: 'boolean', default: false },
        by: { type: 'string' },
        kb: { type: 'string' },
        config: { type: 'string' },
      },
    });
    const paths = cliPaths({ kb: values.kb, config: values.config });
    const policy = loadPolicy(paths.config);
    const by = values.by ?? userInfo().username;
    if (values.file !== undefined) return approveReviewFile(values.file, { kb: paths.kb, policy, by });
    const store = new JsonlKnowledgeStore(paths.kb);
    const entries = await store.loadAll();
    if (values.list) {
      process.stdout.write(`${formatPending(entries.filter((e) => awaitsApproval(e) && (!values.account || e.account === values.account)), markContext(policy), approvedTextRedactor(policy))}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError('name one entry id (see --list)');
    const entry = entries.find((e) => e.id === positionals[0]);
    if (!entry) throw new UsageError(`no entry with id ${positionals[0]} in the knowledge file`);
    if (!awaitsApproval(entry)) throw new UsageError(`${entry.id} is not an account's resolution waiting for approval (it is an answer already, or has no answer, or needed a person)`);
    if (values.edit && values.answer !== undefined) throw new UsageError('give --answer or --edit, not both');
    const answer = values.edit ? editInEditor(entry.answer ?? '') : values.answer;
    const approval = { by, at: new Date(), confirmMarked: values['confirm-marked'], ...(answer !== undefined ? { answer } : {}), ...(values.title !== undefined ? { title: values.title } : {}) };
    const result = shareEntry(entry, approval, markContext(policy), approvedTextRedactor(policy));
    if (!result.ok) {
      const why = result.reason === 'empty' ? 'the answer is empty' : `marked span(s) are left in: ${result.marks.map((m) => `${m.kind}: "${m.text}"`).join('; ')}. Edit them out (--edit, --answer) or pass --confirm-marked`;
      process.stderr.write(`Nothing approved: ${why}\n`);
      return 1;
    }
    await store.upsert([result.entry]);
    process.stdout.write(`Approved ${result.entry.id} for every customer (from account ${entry.account}). Quoted as:\n  title:  ${result.entry.title ?? '-'}\n  answer: ${result.entry.answer}\nA running Baton reading this file answers from it within a second.\n`);
    return 0;
  },
};
