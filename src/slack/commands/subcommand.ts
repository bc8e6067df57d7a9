import type { SlackDeps } from '../slack-deps.js';
import type { LeadDm } from './lead-dm.js';

/** One word after `/baton`. The router checks the arguments and answers at once; `run` does the slow part after, from the inbox. */
export interface Subcommand {
  name: string;
  usage: string;
  /** What is wrong with the arguments, or undefined when they are fine. */
  check(deps: SlackDeps, args: string[]): string | undefined;
  /** The immediate, private answer before the slow part. */
  accepted(args: string[]): string;
  /** Writes to the lead's DM; a throw fails the inbox item, which is tried again. */
  run(deps: SlackDeps, dm: LeadDm, args: string[]): Promise<void>;
}
