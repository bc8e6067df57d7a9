import { parseArgs } from 'node:util';
import { platformOfKey } from '../core/model/conversation-ref.js';
import type { DeadLetter } from '../core/ports/inbox.js';
import { KeyvInbox } from '../infra/store/keyv-inbox.js';
import { cliPaths } from './cli-env.js';
import { openCliStore } from './cli-store.js';
import { UsageError, type CliCommand } from './command.js';
import { table } from './triage/escalation-table.js';

const STORE_OPTION = '  --store URI   the store Baton runs on (default: BATON_STORE, else sqlite://data/baton.sqlite)';

const listUsage = `Usage: npm run baton -- inbox list [--store URI]

The inbox items set aside as dead letters: events Baton took from Slack or Teams but failed to process
BATON_INBOX_MAX_TRIES times in a row (default 5). One line each: its id, platform, when it was set aside,
the tries, the last error, and whether a retry is pending.

Options:
${STORE_OPTION}`;

const retryUsage = `Usage: npm run baton -- inbox retry (ID... | --all) [--store URI]

Gives dead letters another try (fix the cause first): a running Baton takes each back into its inbox
within a few seconds and processes it as new, with a fresh count of tries.

Options:
  --all         every dead letter
${STORE_OPTION}`;

const dropUsage = `Usage: npm run baton -- inbox drop (ID... | --all) [--store URI]

Forgets dead letters for good: nobody will process them.

Options:
  --all         every dead letter
${STORE_OPTION}`;

function row(l: DeadLetter): string[] {
  return [l.item.id, platformOfKey(l.item.lane) ?? '', new Date(l.at).toISOString(), String(l.item.failures ?? 0), l.retry ? 'pending' : '', l.error.replace(/\s+/g, ' ').slice(0, 80)];
}

async function withInbox<T>(store: string | undefined, work: (inbox: KeyvInbox) => Promise<T>): Promise<T> {
  const inbox = await openCliStore(cliPaths({ store }).store, (uri) => KeyvInbox.open(uri));
  try {
    return await work(inbox);
  } finally {
    await inbox.close();
  }
}

/** `inbox retry` and `inbox drop`: the ids named (or every one with --all), each reported; exit 1 when one is unknown. */
function actOnLetters(name: string, usage: string, verb: string, act: (inbox: KeyvInbox, id: string) => Promise<boolean>): CliCommand {
  return {
    name,
    summary: `${verb[0]!.toUpperCase()}${verb.slice(1)} dead letters of the inbox`,
    usage,
    async run(args) {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { all: { type: 'boolean', default: false }, store: { type: 'string' } } });
      if (values.all === positionals.length > 0) throw new UsageError('name the dead letters by id, or pass --all');
      return withInbox(values.store, async (inbox) => {
        const ids = values.all ? (await inbox.buried()).map((l) => l.item.id) : positionals;
        let unknown = 0;
        for (const id of ids) {
          if (await act(inbox, id)) process.stdout.write(`${id}: ${verb === 'retry' ? 'marked for retry' : 'dropped'}\n`);
          else {
            unknown += 1;
            process.stderr.write(`${id}: no such dead letter\n`);
          }
        }
        if (ids.length === 0) process.stdout.write('no dead letters\n');
        return unknown > 0 ? 1 : 0;
      });
    },
  };
}

export const inboxListCommand: CliCommand = {
  name: 'inbox list',
  summary: 'List the inbox items set aside as dead letters (failed every try)',
  usage: listUsage,
  async run(args) {
    const { values } = parseArgs({ args, options: { store: { type: 'string' } } });
    const letters = await withInbox(values.store, (inbox) => inbox.buried());
    if (letters.length === 0) process.stdout.write('no dead letters\n');
    else process.stdout.write(`${table(`${letters.length} dead letter${letters.length === 1 ? '' : 's'}`, ['id', 'platform', 'set aside', 'tries', 'retry', 'last error'], letters.map(row))}\n`);
    return 0;
  },
};

export const inboxRetryCommand = actOnLetters('inbox retry', retryUsage, 'retry', (inbox, id) => inbox.revive(id));
export const inboxDropCommand = actOnLetters('inbox drop', dropUsage, 'drop', (inbox, id) => inbox.drop(id));
