import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { RecordedCall } from '../../fakes/fake-slack-api.js';
import { ana, Harness } from '../harness.js';
import { ACME_CHANNEL, ACTION, escalateSecurity, lead, ManualClock, MINUTE, SECURITY } from './loop-world.js';

const SUPPORT = 'C0SUPPORT1';
const BERLIN_WEEKDAYS = { timezone: 'Europe/Berlin', days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '09:00', close: '17:00' };

/** The Friday at least two days ahead, 16:20 in Berlin: forty minutes before closing, before a weekend. */
function nextFridayAfternoon(): DateTime {
  let day = DateTime.now().setZone('Europe/Berlin').plus({ days: 2 }).startOf('day');
  while (day.weekday !== 5) day = day.plus({ days: 1 });
  return day.set({ hour: 16, minute: 20 });
}

/** The loop world's policy with `change` applied to its queues, written where Baton reads it. */
function policyFile(change: (queues: Record<string, unknown>[]) => void): string {
  const doc = parse(readFileSync('test/fixtures/e2e/baton.loop.yaml', 'utf8')) as { queues: Record<string, unknown>[] };
  change(doc.queues);
  const file = join(mkdtempSync(join(tmpdir(), 'baton-hours-')), 'baton.yaml');
  writeFileSync(file, stringify(doc));
  return file;
}

const queue = (queues: Record<string, unknown>[], id: string) => queues.find((q) => q.id === id)!;
let h: Harness | undefined;
afterEach(async () => {
  if (!h) return;
  expect(h.fake.violations()).toEqual([]);
  await h.stop();
  h = undefined;
});

/** Baton with its clock at `at`, on the given policy, with the queue lead known to Slack. */
async function start(file: string, at: DateTime): Promise<{ h: Harness; clock: ManualClock }> {
  const clock = new ManualClock();
  clock.advance(at.toMillis() - clock.now());
  const harness = await Harness.start({ policyFile: file, clock });
  harness.fake.addUser({ id: lead.id, team_id: lead.teamId, real_name: lead.name, name: lead.name?.toLowerCase() });
  return { h: harness, clock };
}

const moveTo = (clock: ManualClock, at: DateTime) => clock.advance(at.toMillis() - clock.now());
const texts = (calls: RecordedCall[]) => calls.map((c) => String(c.args.text));
const blocksOf = (c: RecordedCall) => JSON.stringify(c.args.blocks);

describe('business hours', () => {
  it('promises a local time across a weekend and a holiday, and the SLA timers count business time only', async () => {
    const friday = nextFridayAfternoon();
    const monday = friday.plus({ days: 3 });
    const file = policyFile((queues) => {
      Object.assign(queue(queues, 'security'), { hours: { ...BERLIN_WEEKDAYS, holidays: [monday.toISODate()] } });
    });
    const world = await start(file, friday);
    h = world.h;
    const { thread, packet } = await escalateSecurity(h);
    const notice = await h.waitForPost(ACME_CHANNEL, thread, (t) => t.includes('pick'));
    expect(String(notice.args.text)).toContain('by 09:20 on Tuesday (Berlin time)');
    expect(blocksOf(packet)).toContain('SLA 1 hour \u00b7 mon, tue, wed, thu, fri 09:00-17:00 Europe/Berlin');
    const packetTs = String(packet.response.ts);
    const inThread = () => texts(h!.postsIn(SECURITY, packetTs));

    moveTo(world.clock, monday.set({ hour: 12, minute: 0 }));
    await h.baton.sweep();
    await h.settle();
    // Sixty hours of wall time, forty minutes of business time: half the SLA, no breach.
    expect(inThread()).toEqual([expect.stringContaining('Half the time promised to the customer (1 business hour)')]);

    moveTo(world.clock, monday.plus({ days: 1 }).set({ hour: 9, minute: 19 }));
    await h.baton.sweep();
    await h.settle();
    expect(inThread()).toHaveLength(1);

    moveTo(world.clock, monday.plus({ days: 1 }).set({ hour: 9, minute: 21 }));
    await h.baton.sweep();
    await h.settle();
    const breach = inThread().at(-1)!;
    expect(breach).toContain('SLA breached');
    expect(breach).toContain(`<@${lead.id}>`);
    const updated = await h.fake.waitFor('chat.update', (c) => c.args.ts === packetTs && blocksOf(c).includes('SLA breached'));
    expect(blocksOf(updated)).not.toContain('*Unclaimed*');
  });
});

describe('nobody picked it up', () => {
  it('moves an escalation unclaimed at breach to the backup queue, shows the breach, and gives the customer an honest new time', async () => {
    const friday = nextFridayAfternoon();
    const file = policyFile((queues) => {
      queue(queues, 'security').backup = 'support';
      queue(queues, 'support').hours = BERLIN_WEEKDAYS;
    });
    const world = await start(file, friday);
    h = world.h;
    const { thread, packet, escalationId } = await escalateSecurity(h);
    const packetTs = String(packet.response.ts);
    await h.waitForPost(ACME_CHANNEL, thread, (t) => t.includes('within 1 hour'));

    // The SLA is durable: a restart between the promise and the breach changes nothing.
    await h.restart();
    world.clock.advance(61 * MINUTE);
    await h.baton.sweep();
    await h.settle();

    const moved = await h.fake.waitFor('chat.postMessage', (c) => c.response.ok && c.args.channel === SUPPORT && !c.args.thread_ts && blocksOf(c).includes(escalationId));
    expect(blocksOf(moved)).toContain('Moved here from the security specialist queue');
    const original = await h.fake.waitFor('chat.update', (c) => c.args.channel === SECURITY && c.args.ts === packetTs);
    expect(blocksOf(original)).toContain('SLA breached');
    expect(blocksOf(original)).toContain('moved unclaimed to the support specialist queue');
    expect(blocksOf(original)).not.toContain('*Unclaimed*');
    const told = await h.waitForPost(ACME_CHANNEL, thread, (t) => t.includes('longer than we promised'));
    // Support opens on Monday at 09:00 Berlin time and has four hours.
    expect(String(told.args.text)).toContain('our support specialist, who will pick it up by 13:00 on Monday (Berlin time)');
    const alert = h.postsIn(SECURITY, packetTs).at(-1)!;
    expect(String(alert.args.text)).toContain('moved to the support specialist queue');
    expect(String(alert.args.text)).toContain(`<@${lead.id}>`);

    await h.baton.sweep();

    await h.settle();
    expect(h.fake.calls('chat.postMessage').filter((c) => c.response.ok && c.args.channel === SUPPORT && !c.args.thread_ts)).toHaveLength(1);
    expect(h.postsIn(ACME_CHANNEL, thread).filter((c) => String(c.args.text).includes('longer than we promised'))).toHaveLength(1);

    expect((await h.click(ana, ACTION.claim, escalationId, { channel: SUPPORT, ts: String(moved.response.ts) })).status).toBe(200);
    await h.fake.waitFor('chat.update', (c) => c.args.ts === String(moved.response.ts) && blocksOf(c).includes('Claimed'));
    await h.fake.waitFor('chat.update', (c) => c.args.ts === packetTs && blocksOf(c).includes('Claimed'));
  });
});
