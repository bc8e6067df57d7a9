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

/** The smallest Slack policy docs/configuration.md allows (the keys a policy must hold), with `extra` after it. */
export function minimalPolicy(extra = ''): string {
  return `
slack: { team_ids: [T0VENDOR01] }
accounts: [{ id: acme, name: Acme Corp, tier: enterprise, channels: [C0ACME0001] }]
queues: [{ id: support, channel: C0SUPPORT1, role: support specialist, sla_minutes: 60 }]
routing: { default_queue: support }
categories: [{ name: how_to, risk: low }]
root_causes: [{ id: docs_gap, label: Missing docs }]
${extra}`;
}
