import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

/** Segment of the fake help center's enterprise-only articles. */
export const ENTERPRISE_SEGMENT = 360_001;

/**
 * The e2e policy with Globex on the starter tier and `sources` as its knowledge sources, each account
 * changed as `accounts` says (by id) and each top-level key `replaced` names replaced, written to a temporary file. Each source's id gets a suffix of its own (returned by its given id): instances of
 * earlier tests on this worker's Redis leave their sources' state behind.
 */
export function policyWithSources(sources: Record<string, unknown>[], accounts: Record<string, Record<string, unknown>> = {}, replaced: Record<string, unknown> = {}): { file: string; ids: Record<string, string> } {
  const policy = { ...(parse(readFileSync('test/fixtures/e2e/baton.e2e.yaml', 'utf8')) as { accounts: { id: string; tier: string }[] } & Record<string, unknown>), ...replaced };
  policy.accounts.find((a) => a.id === 'globex')!.tier = 'starter';
  for (const account of policy.accounts) Object.assign(account, accounts[account.id]);
  const suffix = randomUUID().slice(0, 8);
  const ids = Object.fromEntries(sources.map((s) => [String(s.id), `${String(s.id)}-${suffix}`]));
  policy.knowledge = { requests_per_second: 100, sources: sources.map((s) => ({ ...s, id: ids[String(s.id)] })) };
  const file = join(mkdtempSync(join(tmpdir(), 'baton-sources-')), 'baton.yaml');
  writeFileSync(file, stringify(policy));
  return { file, ids };
}

/** Segment of the fake help center's articles for the vendor's staff only. */
export const STAFF_SEGMENT = 360_002;

/** A Zendesk source over the fake help center at `url`, its enterprise segment for the enterprise tier, its staff segment internal. */
export const helpCenterSource = (url: string, syncMinutes = 10) => ({
  id: 'help',
  kind: 'zendesk',
  url,
  locale: 'en-us',
  sync_minutes: syncMinutes,
  segments: { [ENTERPRISE_SEGMENT]: { tiers: ['enterprise'] }, [STAFF_SEGMENT]: 'internal' },
});
