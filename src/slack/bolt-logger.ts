import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger as PinoLogger } from 'pino';

/**
 * Bolt logs through Baton's pino root, so its lines share the format and level. Bolt passes strings,
 * which pino's path redaction cannot reach: Bolt itself never logs tokens or the signing secret (the
 * end-to-end tests check the captured lines).
 */
export function boltLogger(log: PinoLogger): BoltLogger {
  const child = log.child({ component: 'bolt' });
  const text = (parts: unknown[]) => parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join(' ');
  return {
    debug: (...msg) => child.debug(text(msg)),
    info: (...msg) => child.info(text(msg)),
    warn: (...msg) => child.warn(text(msg)),
    error: (...msg) => child.error(text(msg)),
    setLevel: () => undefined,
    getLevel: () => (log.level as LogLevel) ?? LogLevel.INFO,
    setName: () => undefined,
  };
}
