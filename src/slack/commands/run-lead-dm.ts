import type { SlackDeps } from '../slack-deps.js';
import type { LeadDmPayload } from '../intake/slack-inbox-item.js';
import { SUBCOMMANDS } from './baton-command.js';
import { leadDm } from './lead-dm.js';

/** Writes what a lead asked for to their DM (leadDm: each message once); a throw leaves the item in the inbox, to be tried again. */
export async function runLeadDm(deps: SlackDeps, id: string, receivedAt: number, { user, work }: LeadDmPayload): Promise<void> {
  const dm = leadDm(deps, user, { id, receivedAt });
  if ('receipt' in work) return dm.send({ text: work.receipt });
  const sub = SUBCOMMANDS.find((s) => s.name === work.command);
  // Only a command the router accepted is recorded: another name is a bug (or a downgrade).
  if (!sub) throw new Error(`no /baton ${work.command} to run for a lead`);
  await sub.run(deps, dm, work.args);
}
