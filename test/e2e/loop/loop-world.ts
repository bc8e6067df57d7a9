import { afterEach, beforeEach, expect } from 'vitest';
import { ACTION, CLOSE_FIELD, VIEW } from '../../../src/core/model/actions.js';
import type { Clock } from '../../../src/core/ports/clock.js';
import type { RecordedCall } from '../../fakes/fake-slack-api.js';
import {
  eventCallback,
  selectedOption,
  selectedRadio,
  sendEvent,
  sendInteraction,
  sendSlashCommand,
  slashCommandFields,
  typedText,
  viewSubmissionPayload,
  type Actor,
  type Delivery,
} from '../../fakes/slack-request.js';
import { ACME_CHANNEL, ana, CUSTOMER_TEAM, customer, Harness } from '../harness.js';

export const lead: Actor = { id: 'U0LEAD0001', teamId: 'T0BATON001', name: 'Lee' };
export const otherCustomer: Actor = { id: 'U0CUST0002', teamId: CUSTOMER_TEAM, name: 'Robin' };
export const SECURITY = 'C0SECURE01';
export const MINUTE = 60_000;

/**
 * The wall clock plus whatever the test skipped ahead: timers become due without waiting, and Baton's
 * own times stay in order with the wall-clock ts of the messages the test sends.
 */
/** The real clock moved on by hand; from `startAt` when given (the real time keeps running from there). */
export class ManualClock implements Clock {
  private skipped: number;
  constructor(startAt?: number) {
    this.skipped = startAt === undefined ? 0 : startAt - Date.now();
  }
  now(): number {
    return Date.now() + this.skipped;
  }
  advance(ms: number): void {
    this.skipped += ms;
  }
}

export async function startLoopWorld(): Promise<{ h: Harness; clock: ManualClock }> {
  const clock = new ManualClock();
  const h = await Harness.start({ policyFile: 'test/fixtures/e2e/baton.loop.yaml', clock });
  for (const u of [lead, otherCustomer]) h.fake.addUser({ id: u.id, team_id: u.teamId, real_name: u.name, name: u.name?.toLowerCase() });
  return { h, clock };
}

/**
 * A fresh loop world before each test of the calling file; after each, no Block Kit violation and a
 * clean stop. Returns a getter, since each test gets a new world.
 */
export function useLoopWorld(): () => { h: Harness; clock: ManualClock } {
  let world: { h: Harness; clock: ManualClock } | undefined;
  beforeEach(async () => {
    world = await startLoopWorld();
  });
  afterEach(async () => {
    const h = world?.h;
    world = undefined;
    if (!h) return;
    expect(h.fake.violations()).toEqual([]);
    await h.stop();
  });
  return () => {
    if (!world) throw new Error('no loop world outside a test');
    return world;
  };
}

export function slash(h: Harness, who: Actor, text: string): Promise<Delivery> {
  return sendSlashCommand(h.target, slashCommandFields({ user: who, channel: { id: 'C0LEADS001' }, text }));
}

export function openHome(h: Harness, who: Actor): Promise<Delivery> {
  return sendEvent(h.target, eventCallback({ type: 'app_home_opened', user: who.id, channel: `D${who.id.slice(1)}`, tab: 'home', event_ts: `${Date.now() / 1000}` }));
}

/** A high-risk question goes straight to the security queue (SLA 60 minutes); returns the thread and the packet. */
export async function escalateSecurity(h: Harness, text = 'We think someone accessed our workspace without permission, please check') {
  const thread = await h.say(customer, text);
  const packet = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === SECURITY && !c.args.thread_ts);
  const id = /Escalation (E-[A-Z0-9]+)/.exec(JSON.stringify(packet.args.blocks))?.[1];
  if (!id) throw new Error('packet carries no escalation id');
  return { thread, packet, escalationId: id };
}

/** A specialist submits the three-tag close form. */
export async function closeWithTags(h: Harness, escalationId: string, tags: { rootCause: string; accuracy: string; automation: string; note?: string }) {
  const payload = viewSubmissionPayload({
    user: ana,
    callbackId: VIEW.closeEscalation,
    privateMetadata: escalationId,
    values: {
      [CLOSE_FIELD.rootCause]: { [CLOSE_FIELD.rootCause]: selectedOption(tags.rootCause) },
      [CLOSE_FIELD.aiAccuracy]: { [CLOSE_FIELD.aiAccuracy]: selectedRadio(tags.accuracy) },
      [CLOSE_FIELD.automation]: { [CLOSE_FIELD.automation]: selectedRadio(tags.automation) },
      [CLOSE_FIELD.note]: { [CLOSE_FIELD.note]: typedText(tags.note ?? null) },
    },
  });
  expect((await sendInteraction(h.target, payload)).status).toBe(200);
  await h.fake.waitFor('chat.update', (c) => JSON.stringify(c.args.blocks).includes('Resolved') && JSON.stringify(c.args.blocks).includes(escalationId));
}

/** The DM a file or message was sent to, as conversations.open answered it. */
export async function dmOf(h: Harness, who: Actor): Promise<string> {
  const open = await h.fake.waitFor('conversations.open', (c) => c.args.users === who.id);
  return String((open.response.channel as { id: string }).id);
}

export function uploadedFiles(h: Harness, channel: string): { name: string; bytes: Buffer }[] {
  const completed = h.fake.calls('files.completeUploadExternal').filter((c: RecordedCall) => c.args.channel_id === channel && c.response.ok);
  return completed.flatMap((c) =>
    (c.args.files as { id: string }[]).map((f) => {
      const stored = h.fake.state.files.get(f.id)!;
      return { name: stored.filename, bytes: stored.bytes! };
    }),
  );
}

export const packetLocation = (packet: RecordedCall) => ({ channel: String(packet.args.channel), ts: String(packet.response.ts) });
export { ACTION, ACME_CHANNEL, ana, customer };
