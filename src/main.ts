import { describeSettingsError, loadSettings, SettingsError } from './config/load-settings.js';
import { ConfigError } from './config/load-policy.js';
import { startBaton } from './baton.js';
import { missingPlatformSettings } from './platform/configured-platforms.js';
import { PLATFORMS, platformsFor } from './platforms.js';
import { createLogger } from './infra/logger.js';
import { shortReason, StartupFailure } from './startup/startup-failure.js';
import { WEB } from './web/web-platform.js';

type Log = ReturnType<typeof createLogger>;

/**
 * SIGTERM (a deploy, `docker stop`) and SIGINT (Ctrl-C) stop Baton once: it stops taking events and
 * finishes or records the work in flight. A second signal while stopping is noted, not obeyed: in a
 * terminal Ctrl-C reaches both npm and Baton, and cutting the stop short is what it exists to prevent.
 */
function stopOnSignals(baton: { stop(): Promise<void> }, log: Log): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return log.warn({ signal }, 'already stopping; finishing the work in flight');
    stopping = true;
    log.info({ signal }, 'stopping');
    try {
      await baton.stop();
      log.info({}, 'stopped');
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'the stop did not finish cleanly');
      process.exit(1);
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, (s) => void stop(s));
}

/**
 * A crash is one line and exit 1: while starting, the same short line as any start problem; once
 * running, a structured log line with its stack, for the operator's logs.
 */
function logCrashes(log: Log, running: () => boolean): void {
  const crash = (err: unknown) => {
    if (running()) log.fatal({ err }, 'Baton crashed');
    else process.stderr.write(`Baton failed to start: ${shortReason(err)}\n`);
    process.exit(1);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
}

/** Why the playground runs, as its start line says: alone for want of settings, or asked for (beside what else runs). */
function playgroundReason(running: string[]): string {
  const others = running.filter((tag) => tag !== WEB).map((tag) => tag[0]!.toUpperCase() + tag.slice(1));
  if (process.env.BATON_PLAYGROUND !== '1') return 'no Slack or Teams settings';
  return others.length > 0 ? `BATON_PLAYGROUND=1, beside ${others.join(' and ')}` : 'BATON_PLAYGROUND=1';
}

async function main(): Promise<void> {
  const { env, policy, mode } = loadSettings(process.env, (source, loaded) => missingPlatformSettings(PLATFORMS, source, loaded));
  const log = createLogger(env.LOG_LEVEL, undefined, env.LOG_FORMAT);
  let running: { stop(): Promise<void> } | undefined;
  logCrashes(log, () => running !== undefined);
  const baton = await startBaton({ env, policy, log, platforms: platformsFor(mode) });
  running = baton;
  // A knowledge file found broken while Baton already serves stops it as any start problem does.
  baton.ready.catch(failStart);
  const playground = baton.platforms.get(WEB);
  if (playground?.url) process.stdout.write(`Baton playground (${playgroundReason([...baton.platforms.keys()])}): open ${playground.url}\n`);
  stopOnSignals(running, log);
}

/** Start problems are one clear line on stderr naming the setting, and exit 1: no stack trace. */
function failStart(err: unknown): never {
  if (err instanceof SettingsError) process.stderr.write(describeSettingsError(err));
  else if (err instanceof ConfigError) process.stderr.write(describeSettingsError(new SettingsError(err.problems, [])));
  else if (err instanceof StartupFailure) process.stderr.write(`Baton cannot start: ${err.message}\n`);
  else process.stderr.write(`Baton failed to start: ${shortReason(err)}\n`);
  process.exit(1);
}

main().catch(failStart);
