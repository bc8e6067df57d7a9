/** One operator command of the `baton` CLI. Adding a command: one file exporting this, one line in commands.ts. */
export interface CliCommand {
  /** Words that select it, e.g. "kb ingest". */
  name: string;
  summary: string;
  /** Full usage text, printed by `baton help <command>` and on bad arguments. */
  usage: string;
  /** Returns the process exit code. */
  run(args: string[]): Promise<number>;
}

/** Thrown for bad arguments: the dispatcher prints the message and the command's usage, and exits 2. */
export class UsageError extends Error {
  readonly code = 'BATON_USAGE';
}

/** Thrown for a problem outside the arguments that the operator must fix (a store that cannot be used): one line, exit 1. */
export class CommandFailure extends Error {
  readonly code = 'BATON_COMMAND';
}
