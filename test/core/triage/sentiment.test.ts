import { describe, expect, it } from 'vitest';
import { triageSchema } from '../../../src/config/triage-schema.js';
import { sentimentLevel } from '../../../src/core/policy/thresholds.js';
import { SentimentAnalyzer } from '../../../src/core/triage/sentiment.js';

const analyzer = new SentimentAnalyzer(triageSchema.parse({}).sentiment);
const turn = (text: string) => ({ role: 'customer' as const, text, at: 0 });

describe('sentiment', () => {
  it('grades urgency, and a negated cue does not count', () => {
    expect(analyzer.analyze('This is urgent, our payments are failing right now').urgency).toBeGreaterThanOrEqual(0.5);
    expect(analyzer.analyze('This is not urgent, just curious about exports').urgency).toBe(0);
  });

  it('reads shouting and profanity as frustration', () => {
    const calm = analyzer.analyze('the export button does not work for me');
    const shouting = analyzer.analyze('THE EXPORT BUTTON DOES NOT WORK FOR ME!!');
    const swearing = analyzer.analyze('the damn export button does not work');
    expect(shouting.frustration).toBeGreaterThan(calm.frustration);
    expect(swearing.frustration).toBeGreaterThanOrEqual(0.5);
    expect(swearing.label).toBe('negative');
  });

  it('does not mistake a word containing a swear word for one', () => {
    expect(analyzer.analyze('hello, how do I assess the class schedule?').frustration).toBeLessThan(0.3);
  });

  it('flags distress', () => {
    expect(analyzer.analyze('I am scared and desperate, someone emptied our account').distress).toBeGreaterThanOrEqual(0.6);
  });

  it('reads one cue of despair or fear, in any inflection, as distressed', () => {
    const triage = triageSchema.parse({});
    for (const text of ["I'm desperate, this is costing us our biggest client", 'this outage really scares me']) {
      expect(sentimentLevel(triage, analyzer.analyze(text))).toBe('distressed');
    }
    expect(sentimentLevel(triage, analyzer.analyze('how do I export a report?'))).toBe('calm');
  });

  it('carries earlier frustration in the conversation into the latest message', () => {
    const fresh = analyzer.analyze('ok, how do I export then?');
    const after = analyzer.analyze('ok, how do I export then?', [turn('this is fucking useless, still not working')]);
    expect(after.frustration).toBeGreaterThan(fresh.frustration);
  });
});
