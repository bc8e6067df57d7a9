import { readEnv } from '../config/env.js';

export interface CliPaths {
  config: string;
  kb: string;
  docs: string;
  store: string;
  /** The policy file was named (flag or BATON_CONFIG), not just the default: it must then exist. */
  configNamed: boolean;
}

/**
 * The files every command works on, read as the server reads them: a flag wins, else the environment
 * variable (BATON_CONFIG, BATON_KB, BATON_DOCS, BATON_STORE), else the default.
 */
export function cliPaths(flags: { config?: string | undefined; kb?: string | undefined; docs?: string | undefined; store?: string | undefined }, source: NodeJS.ProcessEnv = process.env): CliPaths {
  const env = readEnv(source);
  return {
    config: flags.config ?? env.BATON_CONFIG,
    kb: flags.kb ?? env.BATON_KB,
    docs: flags.docs ?? env.BATON_DOCS,
    store: flags.store ?? env.BATON_STORE,
    configNamed: flags.config !== undefined || (source.BATON_CONFIG ?? '') !== '',
  };
}
