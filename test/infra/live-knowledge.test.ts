import { describe, expect, it } from 'vitest';
import type { Decision } from '../../src/core/model/decision.js';
import type { KnowledgeEntry } from '../../src/core/ports/knowledge.js';
import { LiveKnowledge, type KnowledgeVersion } from '../../src/infra/knowledge/live-knowledge.js';
import { createLogger } from '../../src/infra/logger.js';

/** A version that decides by naming the entries it holds, so a test sees which knowledge a decision read. */
function version(ids: string[]): KnowledgeVersion {
  const held = [...ids];
  return {
    decider: { decide: async () => ({ reply: held.join(',') }) as unknown as Decision, articlesFor: () => [] },
    index: { addAll: (entries: Iterable<KnowledgeEntry>) => held.push(...[...entries].map((e) => e.id)) },
    entries: ids.length,
  };
}

const input = { text: 'How do I invite a teammate?', history: [], accountId: 'acme' };
const entry = (id: string): KnowledgeEntry => ({ id, kind: 'conversation', question: 'q', answer: 'a' });
const heldIn = async (live: LiveKnowledge) => ((await live.decide(input)) as unknown as { reply: string }).reply;

/** A first build the test finishes when it likes. */
function heldBuild(): { first: Promise<KnowledgeVersion>; finish(v: KnowledgeVersion): void; fail(err: Error): void } {
  let finish!: (v: KnowledgeVersion) => void;
  let fail!: (err: Error) => void;
  const first = new Promise<KnowledgeVersion>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return { first, finish, fail };
}

describe('live knowledge while its first version is built', () => {
  it('decides a question asked during the build from the whole first version, approvals added meanwhile included', async () => {
    const build = heldBuild();
    const live = new LiveKnowledge(build.first, async () => version([]), createLogger('silent'));
    expect(live.built).toBe(false);
    const asked = heldIn(live);
    live.addAll([entry('approved-meanwhile')]);
    build.finish(version(['kb-1', 'kb-2']));
    expect(await asked).toBe('kb-1,kb-2,approved-meanwhile');
    expect(live.built).toBe(true);
  });

  it('rejects ready with the reason a first build failed, and a stop does not wait for a build under way', async () => {
    const failing = heldBuild();
    const broken = new LiveKnowledge(failing.first, async () => version([]), createLogger('silent'));
    failing.fail(new Error('knowledge.jsonl:2: knowledge entry: not valid JSON'));
    await expect(broken.ready).rejects.toThrow('not valid JSON');

    const never = new LiveKnowledge(heldBuild().first, async () => version([]), createLogger('silent'));
    await never.stop();
    expect(never.built).toBe(false);
  });

  it('builds a reload asked for during the first build after it', async () => {
    const build = heldBuild();
    const live = new LiveKnowledge(build.first, async () => version(['reloaded']), createLogger('silent'));
    const reloaded = live.reload();
    build.finish(version(['first']));
    await reloaded;
    expect(await heldIn(live)).toBe('reloaded');
  });
});
