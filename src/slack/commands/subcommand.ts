import type { SlackDeps } from '../slack-deps.js';

/** One word after `/baton`. The router checks the arguments and answers at once; `run` does the slow part after. */
export interface Subcommand {
  name: string;
  usage: string;
  /** What is wrong with the arguments, or undefined when they are fine. */
  check(deps: SlackDeps, args: string[]): string | undefined;
  /** The immediate, private answer before the slow part. */
  accepted(args: string[]): string;
  run(deps: SlackDeps, userId: string, args: string[]): Promise<void>;
}
