import { describe, expect, it } from 'vitest';
import { linksIn, unsourcedLinks } from '../../../src/core/answer/draft-links.js';
import type { KnowledgeEntry } from '../../../src/core/ports/knowledge.js';

const source: KnowledgeEntry = {
  id: 'kb-sso',
  kind: 'doc',
  question: 'How do I set up SSO?',
  answer: 'Follow the guide at https://help.example.com/sso/setup. Your admin page is www.example.com/admin',
  url: 'https://docs.example.com/sso',
};

describe('links in a drafted answer', () => {
  it('finds links in plain text, Markdown and Slack syntax, without the sentence punctuation after them', () => {
    expect(linksIn('See https://A.example.com/x. Or [this](http://b.example/y), <https://c.example|here> and www.d.example/.')).toEqual([
      'a.example.com/x',
      'b.example/y',
      'c.example',
      'd.example',
    ]);
  });

  it('accepts links its cited sources contain, in any of their spellings', () => {
    const draft = 'Start at <https://help.example.com/sso/setup|the guide> or http://docs.example.com/sso/, then www.example.com/admin.';
    expect(unsourcedLinks(draft, [source])).toEqual([]);
  });

  it('names a link no cited source contains, even beside a real one', () => {
    const draft = 'Follow https://help.example.com/sso/setup and confirm your password at https://help-example.co/login.';
    expect(unsourcedLinks(draft, [source])).toEqual(['help-example.co/login']);
    expect(unsourcedLinks('Go to https://help.example.com/sso/setup/../../phish', [source])).toEqual(['help.example.com/sso/setup/../../phish']);
  });
});
