import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ACME_CHANNEL, customer, useHarness } from './harness.js';
import { lead, slash } from './loop/loop-world.js';

const SUPPORT = 'C0SUPPORT1';
const h = useHarness({ env: { BATON_INBOX_MAX_TRIES: '3' } });

/** The operator's command, as docs/operating.md gives it (the built CLI), on Baton's own store. */
async function baton(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['dist/cli/main.js', ...args], { env: { ...process.env, BATON_STORE: h().storeUri } });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

/** A conversation record Baton cannot read back (as a broken write or an older format would leave it): every message in its thread fails. */
async function breakConversation(key: string): Promise<() => Promise<void>> {
  const keyv = h().baton.stores.backend.keyv;
  const good = await keyv.get(`conv:${key}`);
  await keyv.set(`conv:${key}`, { ...(good as object), turns: 'unreadable' });
  return async () => void (await keyv.set(`conv:${key}`, good));
}

const alertsAbout = (id: string) => h().postsIn(SUPPORT).filter((c) => String(c.args.text).includes(id));

describe('a poison event', () => {
  it('is set aside after BATON_INBOX_MAX_TRIES with one alert and a metric, listed by `baton inbox list`, retried, and dropped', async () => {
    const root = await h().say(customer, 'How do I invite a teammate?');
    const first = await h().waitForPost(ACME_CHANNEL, root);
    await h().settle();
    const key = `slack:${ACME_CHANNEL}:${root}`;
    const repair = await breakConversation(key);

    const followUp = await h().say(customer, 'How can I export a report to CSV?', { threadTs: root });
    const id = `slack:${ACME_CHANNEL}:${followUp}`;
    const alert = await h().waitForPost(SUPPORT, undefined, (t) => t.includes(id), 20_000);
    expect(String(alert.args.text)).toContain('after 3 failed tries');
    expect(String(alert.args.text)).toContain(`npm run baton -- inbox retry ${id}`);
    const metrics = await (await fetch(`http://127.0.0.1:${h().baton.port}/metrics`)).text();
    expect(metrics).toContain('baton_inbox_dead_letters_total{platform="slack"} 1');
    expect(await h().baton.intake.inbox.pending()).toEqual([]);

    const listed = await baton('inbox', 'list');
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(new RegExp(`^1 dead letter\\n[\\s\\S]*${id.replace(/[.]/g, '\\.')}\\s+slack\\s+\\S+\\s+3\\s`, 'm'));

    // Fixed, then retried: the running Baton takes it back and the customer is answered, once.
    await repair();
    expect(await baton('inbox', 'retry', id)).toEqual({ code: 0, out: `${id}: marked for retry\n` });
    const answer = await h().fake.waitFor('chat.postMessage', (c) => c.response.ok && c.args.thread_ts === root && c.response.ts !== first.response.ts, 15_000);
    expect(String(answer.args.text)).toContain('CSV');
    await h().settle();
    expect(h().postsIn(ACME_CHANNEL, root)).toHaveLength(2);
    expect(await baton('inbox', 'list')).toEqual({ code: 0, out: 'no dead letters\n' });
    expect(alertsAbout(id)).toHaveLength(1);

    // Broken again: this one is dropped, and nobody is told twice.
    const repairAgain = await breakConversation(key);
    const another = await h().say(customer, 'And how do I remove a teammate?', { threadTs: root });
    const anotherId = `slack:${ACME_CHANNEL}:${another}`;
    await h().waitForPost(SUPPORT, undefined, (t) => t.includes(anotherId), 20_000);
    expect(await baton('inbox', 'drop', '--all')).toEqual({ code: 0, out: `${anotherId}: dropped\n` });
    expect(await baton('inbox', 'drop', anotherId)).toEqual({ code: 1, out: `${anotherId}: no such dead letter\n` });
    expect(await baton('inbox', 'list')).toEqual({ code: 0, out: 'no dead letters\n' });
    await repairAgain();
    await h().settle();
    expect(alertsAbout(anotherId)).toHaveLength(1);
    expect(h().postsIn(ACME_CHANNEL, root)).toHaveLength(2);
  }, 60_000);
});

describe('a lead\u2019s report Slack keeps refusing', () => {
  it('is tried BATON_INBOX_MAX_TRIES times, then set aside with one alert naming it; the lead is told it is not coming', async () => {
    h().fake.addUser({ id: lead.id, team_id: lead.teamId, real_name: lead.name, name: lead.name });
    // Every post of the report's figures is refused; a plain line of text is not.
    const refuse = h().fake.failWhile('chat.postMessage', (args) => args.channel !== SUPPORT && args.blocks !== undefined, { error: 'internal_error' });
    expect((await slash(h(), lead, 'report 7d')).status).toBe(200);
    const alert = await h().waitForPost(SUPPORT, undefined, (t) => t.includes('lead-dm:'), 20_000);
    expect(String(alert.args.text)).toContain('after 3 failed tries');
    refuse();
    await h().settle();
    expect(await h().baton.intake.inbox.pending()).toEqual([]);
    const dm = h().fake.calls('chat.postMessage').filter((c) => c.args.channel !== SUPPORT && c.response.ok);
    expect(dm.map((c) => c.args.text)).toEqual(['Sorry, the report could not be completed. The logs have the details.']);
  });
});
