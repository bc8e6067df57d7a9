import { describeSettingsError, loadSettings, SettingsError } from './config/load-settings.js';
import { startBaton } from './baton.js';
import { createLogger } from './infra/logger.js';

async function main(): Promise<void> {
  const { env, policy } = loadSettings();
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
  const text = err instanceof SettingsError ? describeSettingsError(err) : `Baton failed to start: ${(err as Error).message}\n`;
  process.stderr.write(text);
  process.exit(1);
});
