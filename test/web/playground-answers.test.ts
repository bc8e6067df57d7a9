import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse, stringify } from 'yaml';
import { runCli } from '../../src/cli/main.js';
import { loadSettings } from '../../src/config/load-settings.js';
import { conversationKey } from '../../src/core/model/conversation-ref.js';
import { createLogger } from '../../src/infra/logger.js';
import { startPlayground, type RunningPlayground } from './start-playground.js';
import { useCliSession } from '../cli/cli-session.js';
import { pageClient } from './playground-client.js';
import { ACME_HISTORY } from '../fixtures/acme-history.js';

const cli = useCliSession('baton-playground-answers-');
let running: RunningPlayground | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function start(): Promise<{ kb: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-web-answers-'));
  const kb = join(dir, 'knowledge.jsonl');
  writeFileSync(kb, ACME_HISTORY.map((e) => `${JSON.stringify(e)}\n`).join(''));
  const settings = loadSettings({ PORT: '0', BATON_STORE: `sqlite://${join(dir, 'p.sqlite')}`, BATON_KB: kb, BATON_DOCS: join(dir, 'no-docs'), LOG_LEVEL: 'silent' });
  running = await startPlayground({ env: settings.env, policy: settings.policy, log: createLogger('silent') });
  return { kb };
}

/** Calls the playground as its page does (same origin, the page's token). */
async function call(path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  return (await pageClient(running!.url)).call(path, body);
}

type Proposal = { topic: string; answer: string; version: string; marks: { kind: string; text: string }[] };
const proposals = async () => (await call('/api/answers')).json.proposals as Proposal[];

/** What Baton said back to a Globex customer's new question, once it decided (the Why event is its signal), as Markdown. */
async function globexAsks(text: string): Promise<string> {
  const sent = await call('/api/customer-messages', { account: 'globex', customer: 'web-globex-sam', text });
  expect(sent.status).toBe(200);
  const p = running!;
  await vi.waitFor(() => expect(p.feed.find((e) => e.type === 'why' && e.messageId === sent.json.id)).toBeDefined(), { timeout: 15_000 });
  const conversation = await p.core.conversations.get(conversationKey({ platform: 'web', channel: 'globex', thread: String(sent.json.thread) }));
  return (conversation?.turns ?? [])
    .filter((t) => t.role === 'bot')
    .map((t) => t.text)
    .join('\n');
}

describe('the playground review of answers proposed from history', () => {
  it('lists the top topics with the cleaned text and marked spans; an approval answers another account at once', async () => {
    await start();
    const listed = await proposals();
    expect(listed.map((p) => p.topic).sort()).toEqual(['archive_project', 'rename_workspace']);
    const archive = listed.find((p) => p.topic === 'archive_project')!;
    expect(archive.answer).toBe('Open the project, choose Settings > Archive and confirm. Archived projects stay searchable and can be restored any time.');
    expect(listed.find((p) => p.topic === 'rename_workspace')!.marks.map((m) => m.kind)).toContain('action');

    expect(await globexAsks('How do I archive a project in our workspace?')).not.toContain('Settings > Archive');

    const refused = await call('/api/answers/decide', { kind: 'approve', topic: 'rename_workspace', version: listed.find((p) => p.topic === 'rename_workspace')!.version });
    expect(refused.status).toBe(409);
    expect(refused.json.refusal).toContain('Marked spans are left in (action:');

    expect((await call('/api/answers/decide', { kind: 'approve', topic: 'archive_project', version: archive.version })).status).toBe(200);
    expect(await globexAsks('How do I archive a project in our workspace?')).toContain('Settings > Archive');
    expect((await proposals()).map((p) => p.topic)).toEqual(['rename_workspace']);
  });

  it('picks up an approval made with kb approve --file while it runs, without a restart', async () => {
    const { kb } = await start();
    const file = join(cli.dir, 'review.yaml');
    expect(await runCli(['kb', 'suggest', '--out', file, '--kb', kb])).toBe(0);
    const items = (parse(readFileSync(file, 'utf8')) as { topic: string; answer: string; decision: string }[]).filter((i) => i.topic === 'rename_workspace');
    items[0]!.decision = 'approve';
    items[0]!.answer = 'Admins rename the workspace under Settings > General > Workspace name.';
    writeFileSync(file, stringify(items));
    expect(await runCli(['kb', 'approve', '--file', file, '--kb', kb])).toBe(0);

    // The running playground's own view of its knowledge: the topic leaves the review once the file is reloaded.
    await vi.waitFor(async () => expect((await proposals()).map((p) => p.topic)).not.toContain('rename_workspace'), { timeout: 10_000, interval: 100 });
    expect(await globexAsks('How do I rename our workspace?')).toContain('Workspace name');
  });
});
