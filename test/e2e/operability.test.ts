import { describe, expect, it } from 'vitest';
import { ACME_CHANNEL, customer, type Harness } from './harness.js';
import { escalateSecurity, MINUTE, useLoopWorld } from './loop/loop-world.js';

/** What an operator reads off the HTTP port while Baton works: health, readiness and Prometheus metrics. */
const world = useLoopWorld();

const get = (h: Harness, path: string) => fetch(`http://127.0.0.1:${h.baton.port}${path}`);

async function metric(h: Harness, line: RegExp): Promise<number | undefined> {
  const text = await (await get(h, '/metrics')).text();
  const found = text.split('\n').find((l) => line.test(l));
  return found === undefined ? undefined : Number(found.split(' ').at(-1));
}

describe('operating Baton', () => {
  it('counts decisions, Slack calls and 429s; settles only once the answer is out', async () => {
    const { h } = world();
    h.fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const ts = await h.say(customer, 'How do I invite a teammate?');
    await h.settle();
    expect(h.postsIn(ACME_CHANNEL, ts)).toHaveLength(1);
    expect(await metric(h, /^baton_decisions_total\{action="answer",trigger="none"\}/)).toBe(1);
    expect(await metric(h, /^baton_rate_limited_total\{service="slack",method="chat.postMessage"\}/)).toBe(1);
    expect(await metric(h, /^baton_slack_call_duration_seconds_count\{method="chat.postMessage",outcome="ok"\}/)).toBeGreaterThanOrEqual(1);
    expect(await metric(h, /^baton_events_acked_total\{platform="slack"\}/)).toBe(1);
    expect(await metric(h, /^baton_intake_backlog /)).toBe(0);
  });

  it('shows open escalations by queue, and SLA breaches once one goes unclaimed past its SLA', async () => {
    const { h, clock } = world();
    await escalateSecurity(h);
    await h.settle();
    expect(await metric(h, /^baton_decisions_total\{action="escalate",trigger="high_risk"\}/)).toBe(1);
    expect(await metric(h, /^baton_open_escalations\{queue="security"\}/)).toBe(1);
    expect(await metric(h, /^baton_sla_breaches\{queue="security"\}/)).toBeUndefined();
    clock.advance(61 * MINUTE);
    expect(await metric(h, /^baton_sla_breaches\{queue="security"\}/)).toBe(1);
  });

  it('is not ready while Slack refuses the token, and says so by name', async () => {
    const { h } = world();
    expect(await (await get(h, '/healthz')).json()).toEqual({ status: 'ok' });
    h.fake.failNext('auth.test', { error: 'token_revoked' });
    const refused = await get(h, '/readyz');
    expect(refused.status).toBe(503);
    expect(await refused.json()).toEqual({ status: 'not ready', checks: { store: 'ok', slack: 'auth.test: token_revoked', knowledge: 'ok', deliveries: 'ok' } });
    expect((await get(h, '/readyz')).status).toBe(200);
  });
});
