import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/config/load-policy.js';
import { buildDecider } from '../../src/core/answer/build-decider.js';
import { loadDocs } from '../../src/infra/knowledge/load-docs.js';
import { createLogger } from '../../src/infra/logger.js';

/** What a team gets on day one: the example policy and the Markdown articles next to it. */
describe('the shipped example config and docs', () => {
  const policy = loadPolicy('config/baton.yaml');
  const docs = loadDocs('config/knowledge', createLogger('silent'));
  const decider = buildDecider({ policy, kb: docs });
  const ask = (text: string) => decider.decide({ text, history: [], accountId: 'acme' });

  it('answers how-to questions from the docs, citing the section', async () => {
    for (const [question, source] of [
      ['How do I invite a teammate?', 'Members and workspace settings: How do I invite a teammate?'],
      ['where do I find my API key', 'Integrations: Where do I find my API key?'],
      ['how do I export to csv', 'Reports and exports: How do I export a report to CSV?'],
    ] as const) {
      const d = await ask(question);
      expect(d.action, question).toBe('answer');
      expect(d.answer?.citations[0]?.title).toBe(source);
    }
  });

  it('stays silent on a bare greeting or thanks', async () => {
    for (const text of ['hi!', 'ok', 'thanks so much']) expect((await ask(text)).action, text).toBe('ignore');
  });

  it('hands privacy questions and requests for a person to specialists', async () => {
    expect(await ask('how long do you keep our data after we cancel?')).toMatchObject({ action: 'escalate', trigger: 'high_risk' });
    expect(await ask('can I talk to a human please')).toMatchObject({ action: 'escalate', trigger: 'human_phrase' });
  });
});
