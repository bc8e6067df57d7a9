import type { Env } from '../config/env.js';
import { ConfigError, type ConfigProblem } from '../config/load-policy.js';
import type { Policy } from '../config/policy-schema.js';
import { parseChannelName } from '../core/model/conversation-ref.js';
import type { Platform, SettingsSource } from './platform.js';
import { policyChannels } from './policy-channels.js';
import { REFERENCE_FORMATS } from './reference-formats.js';

/** A platform this process runs, with its checked settings. */
export interface ConfiguredPlatform {
  platform: Platform;
  settings: unknown;
}

/**
 * The platforms to run: each one wanted (a setting of its own, or a channel in the policy), with its
 * settings checked. Throws a ConfigError naming every problem at once: each platform's, and a channel
 * whose tag no platform has.
 */
export function configuredPlatforms(available: Platform[], env: Env, policy: Policy, source: NodeJS.ProcessEnv): ConfiguredPlatform[] {
  const problems: ConfigProblem[] = [];
  const configured = available.filter((p) => p.wanted(env, policy)).flatMap((platform) => {
    try {
      return [{ platform, settings: platform.settings(env, policy, source) }];
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      problems.push(...err.problems);
      return [];
    }
  });
  problems.push(...unknownTags(available, env, policy));
  if (problems.length > 0) throw new ConfigError(problems);
  if (configured.length === 0) throw new ConfigError([{ file: 'environment', key: '', message: 'no platform is configured: set the settings of one (docs/configuration.md)' }]);
  return configured;
}

/** The settings the wanted platforms cannot start without (without a policy, those whose own settings are set). */
export function missingPlatformSettings(available: Platform[], source: SettingsSource, policy: Policy | undefined): string[] {
  return available.filter((p) => p.wanted(source, policy)).flatMap((p) => p.missing(source));
}

/** A channel whose tag no platform has (a typo such as `tems:`): nothing could ever reach it. */
function unknownTags(available: Platform[], env: Env, policy: Policy): ConfigProblem[] {
  const known = new Set([...available.map((p) => p.tag), ...REFERENCE_FORMATS.map((f) => f.tag)]);
  return policyChannels(policy).flatMap(({ name, key }) => {
    const { platform } = parseChannelName(name);
    return known.has(platform) ? [] : [{ file: env.BATON_CONFIG, key, message: `"${platform}" is no platform Baton has (${[...known].join(', ')})` }];
  });
}
