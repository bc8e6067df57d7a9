import { beforeEach, describe, expect, it } from 'vitest';
import { TRIGGER_LABELS } from '../../../src/core/handoff/escalation-reason.js';
import type { Harness } from '../harness.js';
import { dmOf, escalateSecurity, lead, slash, uploadedFiles, useLoopWorld } from './loop-world.js';

const world = useLoopWorld();
let h: Harness;
beforeEach(() => {
  ({ h } = world());
});

const ackText = (body: string) => String((JSON.parse(body) as { text?: string }).text);

describe('/baton report for leads', () => {
  it('reports the calendar quarter so far, with escalations by trigger and the chart named for it', async () => {
    const { escalationId } = await escalateSecurity(h);
    const trigger = (await h.baton.core.escalations.get(escalationId))!.trigger;
    const res = await slash(h, lead, 'report quarter');
    expect(ackText(res.body)).toContain('Building your quarter report');
    const dm = await dmOf(h, lead);
    const post = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === dm);
    const blocks = JSON.stringify(post.args.blocks);
    const now = new Date(h.baton.core.clock.now());
    expect(blocks).toContain(`Q${Math.floor(now.getUTCMonth() / 3) + 1} ${now.getUTCFullYear()} to date`);
    expect(blocks).toContain('Escalations by trigger');
    expect(blocks).toContain(`${TRIGGER_LABELS[trigger]}*: 1 · prev. 0`);
    expect(blocks).toContain('the whole previous quarter');
    await h.fake.waitFor('files.completeUploadExternal', (c) => c.args.channel_id === dm);
    expect(uploadedFiles(h, dm).map((f) => f.name)).toEqual(['baton-trend-quarter.png']);
  });

  it('names quarter among the periods when a lead mistypes one', async () => {
    expect(ackText((await slash(h, lead, 'report 14d')).body)).toContain('7d, 30d, 90d or quarter');
  });
});
