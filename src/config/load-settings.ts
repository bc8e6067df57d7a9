import { readEnv, startMode, type Env, type StartMode } from './env.js';
import { ConfigError, loadPolicy, type ConfigProblem } from './load-policy.js';
import type { Policy } from './policy-schema.js';

/** Everything wrong with the environment, the policy file and the platforms' settings, gathered in one pass. */
export class SettingsError extends Error {
  constructor(
    readonly problems: ConfigProblem[],
    readonly missing: string[],
  ) {
    super([...problems.map((p) => p.message), ...missing].join('\n'));
  }
}

function problemsOf(step: () => unknown): ConfigProblem[] {
  try {
    step();
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
}

/** The playground alone keeps its own store (its reset empties it) and logs only problems, unless told otherwise. */
const PLAYGROUND_STORE = 'sqlite://data/playground.sqlite';

function playgroundEnv(env: Env, source: NodeJS.ProcessEnv): Env {
  return { ...env, BATON_PLAYGROUND: '1', BATON_STORE: source.BATON_STORE ? env.BATON_STORE : PLAYGROUND_STORE, LOG_LEVEL: source.LOG_LEVEL ? env.LOG_LEVEL : 'warn' };
}

export interface Settings {
  env: Env;
  policy: Policy;
  mode: StartMode;
}

/** The settings the platforms this environment and policy ask for cannot start without, each named. */
export type MissingSettings = (source: NodeJS.ProcessEnv, policy: Policy | undefined) => string[];

/** Reads env and policy once, at startup; throws a SettingsError naming every problem found. */
export function loadSettings(source: NodeJS.ProcessEnv = process.env, missingFor: MissingSettings = () => []): Settings {
  const mode = startMode(source);
  let env: Env | undefined;
  const envProblems = problemsOf(() => (env = readEnv(source)));
  // A broken environment still names a config file (or the default one) worth checking in the same pass.
  const file = env?.BATON_CONFIG ?? source.BATON_CONFIG ?? 'config/baton.yaml';
  let policy: Policy | undefined;
  const policyProblems = problemsOf(() => (policy = loadPolicy(file, source)));
  const missing = mode === 'playground' ? [] : missingFor(source, policy);
  if (!env || !policy || envProblems.length + policyProblems.length + missing.length > 0) {
    throw new SettingsError([...envProblems, ...policyProblems], missing);
  }
  return { env: mode === 'playground' ? playgroundEnv(env, source) : env, policy, mode };
}

export function describeSettingsError(err: SettingsError): string {
  const parts: string[] = [];
  if (err.problems.length > 0) {
    parts.push(`the configuration has problems:\n${new ConfigError(err.problems).message}`);
  }
  if (err.missing.length > 0) {
    parts.push(`these settings are missing:\n${err.missing.map((m) => `  - ${m}`).join('\n')}`);
  }
  return `Baton cannot start: ${parts.join('\nAlso, ')}\n`;
}
