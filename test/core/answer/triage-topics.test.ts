import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../src/config/load-policy.js';
import { buildDecider } from '../../../src/core/answer/build-decider.js';
import type { KnowledgeEntry } from '../../../src/core/ports/knowledge.js';

const policy = parsePolicy(
  `
vendor: { team_ids: [T0VENDOR1] }
accounts: [{ id: acme, name: Acme, tier: enterprise, channels: [C0ACME001] }]
queues: [{ id: support, channel: C0SUPPORT1, role: support specialist, sla_minutes: 60 }]
routing: { default_queue: support }
root_causes: [{ id: kb_gap, label: KB gap }]
categories:
  - name: account
    risk: low
    topics:
      - { name: export_data, examples: ["how do I export all our data"] }
      - { name: rename_project }
      - { name: delete_workspace, risk: high, always_escalate: true, examples: ["please delete our whole workspace"] }
  - name: out_of_scope
    risk: low
triage:
  thresholds: { low: 0.1, medium: 0.1, high: 1.01 }
`,
  'inline.yaml',
);

/** A Q&A record a team marked as answers (`kb ingest --answers`), or a question-only one. */
const q = (id: string, question: string, topic: string, answer?: string): KnowledgeEntry => ({ id, kind: answer ? 'conversation' : 'example', question, topic, ...(answer ? { answer, purpose: 'answer' as const } : {}) });
const KB: KnowledgeEntry[] = [
  q('e1', 'How can I export every record of our account?', 'export_data', 'Settings > Export > Everything.'),
  q('e2', 'Where do I download an export of all our data?', 'export_data', 'An admin can download the full export under Settings > Export.'),
  q('d1', 'We want our workspace deleted for good', 'delete_workspace', 'Deleted by the team.'),
  q('d2', 'Delete our workspace and everything in it', 'delete_workspace'),
  q('w1', 'What will the weather be tomorrow in Paris?', 'weather'),
  q('w2', 'Is it going to rain this weekend?', 'weather'),
  q('t1', 'How do I rename a project?', 'rename_project'),
  q('t2', 'Can I change the name of my project?', 'rename_project'),
];
const ask = (text: string, history: { role: 'customer' | 'bot'; text: string }[] = []) => ({ text, history: history.map((t, at) => ({ ...t, at })), accountId: 'acme' });

describe('triage with the policy\u2019s topics', () => {
  const live = buildDecider({ policy, kb: KB });
  const replay = buildDecider({ policy, kb: KB, replay: true });

  it('hands a topic the policy always escalates to a person, at its own tier, whatever the KB could quote', async () => {
    const d = await live.decide(ask('can you delete our workspace with everything in it?'));
    expect(d).toMatchObject({ action: 'escalate', trigger: 'high_risk', risk: 'high', category: 'account' });
    expect(d.rule).toMatch(/delete_workspace always goes to a person/);
  });

  it('treats a topic the policy does not list as out of scope', async () => {
    const d = await live.decide(ask('will it rain in Paris tomorrow?'));
    expect(d).toMatchObject({ action: 'escalate', category: 'out_of_scope' });
  });

  it('answers a listed topic from its resolution, and a second asking with the next one, then a person', async () => {
    const first = await live.decide(ask('how do I export all of our account data?'));
    expect(first.action).toBe('answer');
    const second = await live.decide(ask('how do I export all our data? still stuck', [{ role: 'customer', text: 'how do I export all of our account data?' }, { role: 'bot', text: first.answer!.text }]));
    expect(second.action).toBe('answer');
    expect(second.answer!.text).not.toBe(first.answer!.text);
  });

  it('quotes no resolution imported as history, live or in a replay: a person takes the question', async () => {
    const history = KB.map(({ purpose: _, ...e }) => e);
    for (const decider of [buildDecider({ policy, kb: history }), buildDecider({ policy, kb: history, replay: true })]) {
      const d = await decider.decide(ask('how do I export all of our account data?'));
      expect(d).toMatchObject({ action: 'escalate', trigger: 'low_confidence', topic: 'export_data' });
      expect(d.answer).toBeUndefined();
    }
  });

  it('replays a listed topic known only from question-only tickets as answered; the live bot hands it over', async () => {
    expect((await replay.decide(ask('how can I rename my project?'))).action).toBe('answer');
    const d = await live.decide(ask('how can I rename my project?'));
    expect(d).toMatchObject({ action: 'escalate', trigger: 'low_confidence' });
  });
});
