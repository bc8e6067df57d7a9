import { missingSlackSettings, readEnv } from './config/env.js';
import { ConfigError, loadPolicy } from './config/load-policy.js';
import { startBaton } from './baton.js';
import { createLogger } from './infra/logger.js';

const README = 'README.md, section "Install in Slack"';

async function main(): Promise<void> {
  const env = readEnv();
  const policy = loadPolicy(env.BATON_CONFIG);
  const missing = missingSlackSettings(env);
  if (missing.length > 0) {
    process.stderr.write(`Baton cannot start: these settings are missing:\n${missing.map((m) => `  - ${m}`).join('\n')}\nSee ${README}.\n`);
    process.exit(1);
  }
  const log = createLogger(env.LOG_LEVEL);
  const baton = await startBaton({ env, policy, log });
  const stop = async (signal: string) => {
    log.info({ signal }, 'stopping');
    await baton.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`Baton cannot start: the configuration has problems:\n${err.message}\n`);
  } else {
    process.stderr.write(`Baton failed to start: ${(err as Error).message}\n`);
  }
  process.exit(1);
});
