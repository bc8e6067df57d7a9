import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../../src/config/load-policy.js';
import type { TriagePolicy } from '../../../src/config/triage-schema.js';
import { buildDecider } from '../../../src/core/answer/build-decider.js';
import { chooseReading } from '../../../src/core/conversation/choose-reading.js';
import { handleMessage } from '../../../src/core/conversation/handle-message.js';
import { requestHuman } from '../../../src/core/conversation/request-human.js';
import { conversationFacts } from '../../../src/core/metrics/facts.js';
import { classifyConversation } from '../../../src/core/metrics/outcomes.js';
import type { CustomerMessage } from '../../../src/core/ports/chat-gateway.js';
import { NAME_TOPICS } from '../../e2e/clarify-knowledge.js';
import { FakeClock, memoryCore } from '../../fakes/memory-core.js';
import { E2E_KNOWLEDGE } from '../../e2e/knowledge.js';
import type { KnowledgeEntry } from '../../../src/core/ports/knowledge.js';

const CUSTOMER = { id: 'U0CUST', isExternal: true };
const STAFF = { id: 'U0ANA', isExternal: false };
const AMBIGUOUS = 'How do I change the name?';

const ACME_CHANNEL = 'C0ACME0001';
const E2E_POLICY = loadPolicy('test/fixtures/e2e/baton.e2e.yaml');

/** The e2e team's policy and knowledge, with the two name topics, in memory. */
function world(clarify: Partial<TriagePolicy['clarify']> = {}, mode: 'autopilot' | 'copilot' = 'autopilot', topics: KnowledgeEntry[] = NAME_TOPICS) {
  const accounts = E2E_POLICY.accounts.map((a) => ({ ...a, mode }));
  const policy = { ...E2E_POLICY, accounts, triage: { ...E2E_POLICY.triage, clarify: { ...E2E_POLICY.triage.clarify, ...clarify } } };
  const clock = new FakeClock();
  const { deps: core } = memoryCore(policy, buildDecider({ policy, kb: [...E2E_KNOWLEDGE, ...topics] }), clock);
  let n = 0;
  /** The customer writes in thread `thread` (a new thread by default); returns the conversation key. */
  const say = async (text: string, thread = `${++n}.0`) => {
    clock.at += 1000;
    await handleMessage(core, { id: `${thread}-${++n}`, ref: { platform: 'slack', channel: ACME_CHANNEL, thread }, author: CUSTOMER, text, at: clock.at });
    return `slack:${ACME_CHANNEL}:${thread}`;
  };
  /** What the customer would be sent in that conversation, oldest first. */
  const sent = async (key: string): Promise<CustomerMessage[]> =>
    ((await core.conversations.get(key))?.outbox ?? []).flatMap((d) => (d.kind === 'customer' ? [d.message] : []));
  const conversation = async (key: string) => (await core.conversations.get(key))!;
  return { core, clock, say, sent, conversation };
}

const choiceOf = (messages: CustomerMessage[]) => messages.findLast((m): m is Extract<CustomerMessage, { kind: 'choice' }> => m.kind === 'choice');

describe('one clarifying question, at most', () => {
  it('asks which of two close readings was meant, with both as buttons and a way to a person', async () => {
    const w = world();
    const key = await w.say(AMBIGUOUS);
    const choice = choiceOf(await w.sent(key));
    expect(choice?.options.sort()).toEqual(['How to: Renaming the workspace', 'How to: Your display name']);
    expect(choice?.text).toBe('Do you mean:');
    expect(choice?.other.label).toBe('Something else / talk to a person');
    expect((await w.conversation(key)).escalationId).toBeUndefined();
  });

  it('offers two doc sections by their titles: an untagged section is its own topic, as a help-center page is', async () => {
    // The same two answers as Markdown doc sections: no topic tags, one entry each (the playground ships only these).
    const docs = NAME_TOPICS.filter((e) => !e.id.endsWith('-2')).map(({ topic: _untagged, ...e }): KnowledgeEntry => ({ ...e, id: `doc:names.md#${e.id}`, kind: 'doc', title: `Names: ${e.question}` }));
    const w = world({}, 'autopilot', docs);
    const key = await w.say(AMBIGUOUS);
    const choice = choiceOf(await w.sent(key));
    expect(choice?.options.sort()).toEqual(['How to: Names: How do I change the name of our workspace?', 'How to: Names: How do I change the name on my profile?']);
    await w.say('the workspace one', key.split(':').at(-1));
    expect((await w.sent(key)).at(-1)).toMatchObject({ kind: 'answer', text: 'An admin renames the workspace under Settings > General > Workspace name.' });
  });

  it('names a reading’s category on its button only by the policy’s name: an imported helpdesk group can name a customer', async () => {
    // An imported category the policy does not list fails closed unless its tier is low: here it is, so a question is asked.
    const policy = { ...E2E_POLICY, triage: { ...E2E_POLICY.triage, unknown_topic_risk: 'low' as const } };
    const grouped = NAME_TOPICS.map((e) => ({ ...e, category: 'Initech Dedicated' }));
    const decision = await buildDecider({ policy, kb: [...E2E_KNOWLEDGE, ...grouped] }).decide({ text: AMBIGUOUS, history: [], accountId: 'acme', clarify: true });
    expect(decision.action).toBe('clarify');
    expect(decision.readings?.map((r) => r.label).sort()).toEqual(['Renaming the workspace', 'Your display name']);
  });

  it('answers the reading the customer picks, for the question they asked', async () => {
    const w = world();
    const key = await w.say(AMBIGUOUS);
    const choice = choiceOf(await w.sent(key))!;
    const outcome = await chooseReading(w.core, key, CUSTOMER, choice.choose.ask, choice.options.indexOf('How to: Your display name'));
    expect(outcome.kind === 'decided' && outcome.decision.action).toBe('answer');
    const answer = (await w.sent(key)).at(-1);
    expect(answer?.kind === 'answer' && answer.text).toBe('Open your avatar menu > Profile and edit Display name.');
    expect((await w.conversation(key)).clarifications?.[0]?.settled).toEqual({ reading: 'display_name', action: 'answer' });
  });

  it('does not ask a second time in the same conversation: the next close call is decided as before', async () => {
    const w = world();
    const key = await w.say(AMBIGUOUS);
    const choice = choiceOf(await w.sent(key))!;
    await chooseReading(w.core, key, CUSTOMER, choice.choose.ask, 0);
    await w.say('change name', '1.0');
    const messages = await w.sent(key);
    expect(messages.filter((m) => m.kind === 'choice')).toHaveLength(1);
    expect(messages.at(-1)?.kind).toBe('answer');
    expect((await w.conversation(key)).clarifications).toHaveLength(1);
  });

  it('takes a typed reply that names one reading as the pick', async () => {
    const w = world();
    const key = await w.say(AMBIGUOUS);
    await w.say('the workspace one', '1.0');
    const answer = (await w.sent(key)).at(-1);
    expect(answer?.kind === 'answer' && answer.text).toBe('An admin renames the workspace under Settings > General > Workspace name.');
    expect((await w.conversation(key)).clarifications?.[0]?.settled).toEqual({ reading: 'rename_workspace', action: 'answer' });
  });

  it('hands over on "Something else / talk to a person", and the readings then do nothing', async () => {
    const w = world();
    const key = await w.say(AMBIGUOUS);
    const outcome = await requestHuman(w.core, key, CUSTOMER);
    expect(outcome.kind === 'decided' && outcome.decision.trigger).toBe('human_button');
    expect((await w.conversation(key)).clarifications?.[0]?.settled).toEqual({ action: 'escalate' });
    expect((await chooseReading(w.core, key, CUSTOMER, 0, 0)).kind).toBe('already_with_human');
  });

  it('ignores staff pressing a reading, and a press on a question already settled', async () => {
    const w = world();
    const key = await w.say(AMBIGUOUS);
    expect((await chooseReading(w.core, key, STAFF, 0, 0)).kind).toBe('not_customer');
    await chooseReading(w.core, key, CUSTOMER, 0, 0);
    expect((await chooseReading(w.core, key, CUSTOMER, 0, 1)).kind).toBe('already_settled');
    expect((await w.sent(key)).filter((m) => m.kind === 'answer')).toHaveLength(1);
  });

  it('is never asked when the message must go to a person: a request for one, or frustration', async () => {
    const w = world();
    for (const text of ['I want to talk to a person, how do I change the name?', 'This is ridiculous, how do I change the name?']) {
      const key = await w.say(text);
      expect(choiceOf(await w.sent(key))).toBeUndefined();
      expect((await w.conversation(key)).escalationId).toBeDefined();
    }
  });

  it('is never asked with triage.clarify.max_per_conversation 0, nor when the readings are not close by the margin', async () => {
    for (const clarify of [{ max_per_conversation: 0 }, { margin: 0.01 }]) {
      const w = world(clarify);
      const key = await w.say(AMBIGUOUS);
      expect(choiceOf(await w.sent(key))).toBeUndefined();
      expect((await w.sent(key)).at(-1)?.kind).toBe('answer');
    }
  });

  it('is never asked in copilot mode, where only specialists hear from Baton', async () => {
    const w = world({}, 'copilot');
    const key = await w.say(AMBIGUOUS);
    expect(choiceOf(await w.sent(key))).toBeUndefined();
    expect((await w.conversation(key)).clarifications).toBeUndefined();
  });

  it('is counted for the reports, and a customer who goes quiet after it was not resolved by Baton', async () => {
    const w = world();
    const quiet = await w.say(AMBIGUOUS);
    const picked = await w.say(AMBIGUOUS);
    await chooseReading(w.core, picked, CUSTOMER, 0, 1);
    expect(conversationFacts(await w.conversation(quiet)).clarify).toEqual({ asked: 1, answered: 0, escalated: 0 });
    expect(conversationFacts(await w.conversation(picked)).clarify).toEqual({ asked: 1, answered: 1, escalated: 0 });
    const rules = { quietAfterMs: 60_000, reopenWindowMs: 86_400_000, heldMs: 86_400_000 };
    const later = w.clock.at + 3_600_000;
    expect(classifyConversation(conversationFacts(await w.conversation(quiet)), [], later, rules).kind).toBe('in_progress');
    expect(classifyConversation(conversationFacts(await w.conversation(picked)), [], later, rules).kind).toBe('resolved_by_baton');
  });
});
