import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../../src/config/load-policy.js';
import { buildDecider } from '../../../src/core/answer/build-decider.js';
import type { KnowledgeEntry } from '../../../src/core/ports/knowledge.js';

/**
 * A section of a published article, as a knowledge source gives it: an answer with no category of its
 * own, matched by its heading, or when that is a bare topic, by its title and body.
 */
const section = (article: string, heading: string, answer: string): KnowledgeEntry => ({
  id: `source:handbook:${article}#${heading}`,
  kind: 'doc',
  purpose: 'answer',
  question: heading.split(' ').length >= 3 ? heading : `${article}: ${heading}\n${answer}`,
  title: `${article}: ${heading}`,
  answer,
  source: 'handbook',
});

/** The shipped example's taxonomy and no history: all a new team's triage knows besides its articles. */
const policy = loadPolicy('config/baton.yaml');
const ask = (kb: KnowledgeEntry[], text: string) => buildDecider({ policy, kb }).decide({ text, history: [], accountId: 'acme' });

describe("an article's sections, filed under the category the knowledge reads in them", () => {
  it('leave a section the taxonomy cannot tell unfiled: it grounds the answer, the question takes the category and tier of its own words', async () => {
    // The taxonomy reads "Set up your identity provider" as most like a refund question, at a fifth of
    // its reading: a guess, were the section filed by it.
    const sso = [
      section('Single sign-on', 'Single sign-on', 'Acme supports SAML 2.0 single sign-on for every workspace owner.'),
      section('Single sign-on', 'Set up your identity provider', '1. Open **Security**, then **Single sign-on**.\n2. Upload the metadata XML file from your identity provider.'),
      section('Single sign-on', 'Troubleshooting SSO', 'If sign-in loops back to the login page, the clock of your identity provider is off by more than five minutes: set it to sync with a time server.'),
    ];
    const d = await ask(sso, 'How do we configure SSO with our identity provider?');
    expect(d.category).toBe('account_access');
    expect(d.risk).toBe('medium');
    expect(d.answer?.citations[0]?.title).toBe('Single sign-on: Set up your identity provider');
  });

  it('file a section that reads clearly as one category: a question only it answers takes that category', async () => {
    const runbook = section('Refunds', 'Overrides', 'Open the billing console and apply the override code there, for refunds under 500 EUR.');
    const d = await ask([runbook], 'where do I apply the override code?');
    expect(d.category).toBe('refunds');
    expect(d.answer?.citations[0]?.title).toBe('Refunds: Overrides');
  });
});
