import type { InboxItem } from '../../core/ports/inbox.js';
import type { SlackDeps } from '../slack-deps.js';
import type { LeadDmPayload } from '../intake/slack-inbox-item.js';
import { SUBCOMMANDS } from './baton-command.js';
import { leadDm } from './lead-dm.js';

/**
 * Writes what a lead asked for to their DM (leadDm: each message once); a throw leaves the item in the
 * inbox, to be tried again. At a command's last try the lead, told it was on its way, is told it is not
 * coming (the dead-letter alert tells the team); a receipt's decision stands, so its lead is not.
 */
export async function runLeadDm(deps: SlackDeps, item: InboxItem, { user, work }: LeadDmPayload, lastTry: boolean): Promise<void> {
  const dm = leadDm(deps, user, item);
  if ('receipt' in work) return dm.send({ text: work.receipt });
  try {
    const sub = SUBCOMMANDS.find((s) => s.name === work.command);
    // Only a command the router accepted is recorded: another name is a bug (or a downgrade).
    if (!sub) throw new Error(`no /baton ${work.command} to run for a lead`);
    await sub.run(deps, dm, work.args);
  } catch (err) {
    const sorry = { text: `Sorry, the ${work.command} could not be completed. The logs have the details.` };
    if (lastTry) await leadDm(deps, user, { ...item, id: `${item.id}:sorry` }).send(sorry).catch(() => undefined);
    throw err;
  }
}
