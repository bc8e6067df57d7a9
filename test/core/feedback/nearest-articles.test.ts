import { describe, expect, it } from 'vitest';
import type { GapGroup } from '../../../src/core/feedback/gap-groups.js';
import { nearestArticles } from '../../../src/core/feedback/nearest-articles.js';
import type { KnowledgeEntry } from '../../../src/core/ports/knowledge.js';

const OVERRIDE: KnowledgeEntry = {
  id: 'runbooks:refund-overrides.md#apply',
  kind: 'doc',
  source: 'runbooks',
  title: 'Refund overrides: Apply a refund override',
  question: 'Apply a refund override',
  answer: 'Open the invoice in the billing console and choose Override refund.',
};

const gap = (...examples: string[]): GapGroup => ({ topic: 'refunds', category: 'refunds', count: examples.length, noSource: examples.length, belowThreshold: 0, notHelpful: 0, accounts: 1, examples });

describe('the nearest article of a source to a content gap', () => {
  it('is found in a one-article source when the question also has words no article uses', () => {
    const [nearest] = nearestArticles([OVERRIDE], ['runbooks'])(gap('Can you apply a refund override to our last billing period please?'));
    expect(nearest).toMatchObject({ source: 'runbooks', article: { title: 'Refund overrides: Apply a refund override' } });
  });

  it('is none when the questions share no telling word with the source', () => {
    expect(nearestArticles([OVERRIDE], ['runbooks'])(gap('Where do I download the mobile app?'))).toEqual([{ source: 'runbooks' }]);
  });
});
