import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { ACTION } from '../../src/core/model/actions.js';
import { messageEvent, sendEvent } from '../fakes/slack-request.js';
import { slackTs } from '../fakes/slack-ids.js';
import { ACME_CHANNEL, customer, useHarness } from './harness.js';

const h = useHarness();

/** Holds an exclusive lock on Baton's own SQLite file from another connection, as a stuck process would. */
async function lockStore(uri: string): Promise<() => Promise<void>> {
  const holder = new sqlite3.Database(uri.replace(/^sqlite:\/\//, ''));
  const exec = (sql: string) => new Promise<void>((resolve, reject) => holder.exec(sql, (err) => (err ? reject(err) : resolve())));
  await exec('BEGIN EXCLUSIVE');
  return async () => {
    await exec('ROLLBACK');
    await new Promise((resolve) => holder.close(resolve));
  };
}

describe('Slack requests Baton cannot take', () => {
  it('while the store is locked past Slack\u2019s 3 s get 500 (not 404) with one warning, and the redelivery is answered once', async () => {
    const unlock = await lockStore(h().storeUri);
    const ts = slackTs();
    h().fake.addMessage(ACME_CHANNEL, { ts, text: 'How do I invite a teammate?', user: customer.id, team: customer.teamId });
    const envelope = messageEvent({ channel: ACME_CHANNEL, user: customer.id, userTeam: customer.teamId, text: 'How do I invite a teammate?', ts });
    let refused: Awaited<ReturnType<typeof sendEvent>>;
    try {
      refused = await sendEvent(h().target, envelope);
    } finally {
      await unlock();
    }
    expect(refused.status).toBe(500);
    const redelivered = await sendEvent(h().target, envelope, { retry: { num: 1, reason: 'http_error' } });
    expect(redelivered.status).toBe(200);
    await h().waitForPost(ACME_CHANNEL, ts);
    await h().settle();
    expect(h().postsIn(ACME_CHANNEL, ts)).toHaveLength(1);
    const lines = h().logs.lines.map((l) => JSON.parse(l) as { level: number; msg: string });
    expect(lines.filter((l) => l.msg.includes('not answered within 3 s'))).toEqual([expect.objectContaining({ level: 40 })]);
    // The event recorded once the lock is gone is acknowledged into an answered request: that is no error.
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    expect(h().logs.lines.join('\n')).not.toMatch(/not acknowledged within 3 seconds|unhandled error/);
  }, 30_000);
});

describe('Bolt', () => {
  it('never calls auth.test per request: none for the clicks that follow the first answer', async () => {
    const ts = await h().say(customer, 'How do I invite a teammate?');
    await h().waitForPost(ACME_CHANNEL, ts);
    const before = h().fake.calls('auth.test').length;
    for (let i = 0; i < 5; i++) await h().click(customer, ACTION.answerHelpful, `answer:E-NONE slack:${ACME_CHANNEL}:${ts}`, { channel: ACME_CHANNEL, ts: slackTs(), threadTs: ts });
    await h().settle();
    expect(h().fake.calls('auth.test')).toHaveLength(before);
  });
});
