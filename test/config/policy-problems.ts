import { type ConfigError, parsePolicy } from '../../src/config/load-policy.js';

/** The problems a policy text is rejected with, as `line:key: message`; none when it parses. */
export function problems(text: string): string[] {
  try {
    parsePolicy(text, 'p.yaml', undefined, () => {});
    return [];
  } catch (err) {
    return (err as ConfigError).problems.map((p) => `${p.line}:${p.key}: ${p.message}`);
  }
}
