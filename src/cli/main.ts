import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../config/load-policy.js';
import { CommandFailure, UsageError, type CliCommand } from './command.js';
import { COMMANDS } from './commands.js';

function help(commands: CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'baton: operator commands for the Baton support bot',
    '',
    'Usage: npm run baton -- <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    `  ${'help'.padEnd(width)}  Show this help, or a command's: baton help <command>`,
  ].join('\n');
}

/** The command named by the longest matching prefix of the arguments ("kb ingest" before "kb"). */
function find(args: string[]): { command?: CliCommand; rest: string[] } {
  for (let n = Math.min(args.length, 3); n > 0; n--) {
    const command = COMMANDS.find((c) => c.name === args.slice(0, n).join(' '));
    if (command) return { command, rest: args.slice(n) };
  }
  return { rest: args };
}

const isHelpFlag = (arg: string) => arg === '--help' || arg === '-h';

/** The commands whose first word is `word` ("kb": kb ingest, kb stats...), for `baton kb` and `baton help kb`. */
function groupOf(word: string): CliCommand[] {
  return COMMANDS.filter((c) => c.name.startsWith(`${word} `));
}

/** node:util parseArgs rejects an unknown flag or a flag missing its value with these codes: bad arguments, not a crash. */
function isArgumentError(err: unknown): err is Error {
  const code = (err as { code?: unknown } | null)?.code;
  return err instanceof Error && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

/** A file or folder the command could not read or write (missing, a file in the way, no permission): Node's own line names the path and why. */
function isFileError(err: unknown): err is NodeJS.ErrnoException {
  const e = err as { syscall?: unknown; code?: unknown } | null;
  return err instanceof Error && typeof e?.syscall === 'string' && typeof e.code === 'string';
}

export async function runCli(args: string[]): Promise<number> {
  if (args.length === 0 || args[0] === 'help' || isHelpFlag(args[0]!)) {
    const { command } = find(args.slice(1));
    const group = groupOf(args[1] ?? '');
    process.stdout.write(`${command ? command.usage : help(group.length > 0 ? group : COMMANDS)}\n`);
    return 0;
  }
  const { command, rest } = find(args);
  if (!command) {
    const [first = '', ...more] = args;
    const group = groupOf(first);
    if (group.length > 0 && more.length > 0 && more.every(isHelpFlag)) {
      process.stdout.write(`${help(group)}\n`);
      return 0;
    }
    const problem = group.length > 0 && more.length === 0 ? `"${first}" needs one of its commands` : `unknown command "${args.join(' ')}"`;
    process.stderr.write(`baton: ${problem}\n\n${help(group.length > 0 ? group : COMMANDS)}\n`);
    return 2;
  }
  if (rest.some(isHelpFlag)) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof UsageError || isArgumentError(err)) {
      process.stderr.write(`baton ${command.name}: ${err.message}\n\n${command.usage}\n`);
      return 2;
    }
    if (err instanceof CommandFailure || isFileError(err)) {
      process.stderr.write(`baton ${command.name}: ${err.message}\n`);
      return 1;
    }
    if (err instanceof ConfigError) {
      process.stderr.write(`baton ${command.name}: invalid configuration\n${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  // Output piped into a reader that stopped (`baton triage dev.jsonl | head`): what was wanted was read.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(0);
  });
  process.exitCode = await runCli(process.argv.slice(2));
}
