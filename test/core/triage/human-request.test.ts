import { describe, expect, it } from 'vitest';
import { triageSchema } from '../../../src/config/triage-schema.js';
import { HumanRequestDetector } from '../../../src/core/triage/human-request.js';

const detector = new HumanRequestDetector(triageSchema.parse({}).human_request);

describe('explicit request for a human', () => {
  it.each(['Can I talk to a human?', 'please connect me with a real person', 'I want to speak with an agent now', 'get me someone from your team', 'escalate this to a manager'])(
    'detects "%s"',
    (text) => expect(detector.detect(text)).toBe(true),
  );

  it.each(['i need help talking to a person', 'Talking to a human would help', 'I would like speaking with one of your representatives'])('detects any inflection: "%s"', (text) =>
    expect(detector.detect(text)).toBe(true),
  );

  it.each(['when can I call customer service', 'what hours can I call customer service?', 'at what time can i reach customer service'])('does not take a question of when to call for an ask: "%s"', (text) =>
    expect(detector.detect(text)).toBe(false),
  );

  it('keeps what the request is about', () => {
    expect(detector.read('can I talk to a human about a data breach we suspect')).toEqual({ asked: true, about: 'about a data breach we suspect' });
  });

  it.each(['I need to contact a representative', 'transfer me to an agent', 'how can I reach a human?'])('detects "%s"', (text) =>
    expect(detector.detect(text)).toBe(true),
  );

  it.each([
    'no need to talk to a person, the docs are fine',
    'are you a real person or a bot?',
    'someone stole my card',
    'how do I add a person to my team?',
    'How do I get someone invited to our workspace?',
    'How do we get our engineer access to the API keys?',
    'How can I connect an agent to our Zendesk integration?',
    'Where do I reach the people settings page?',
  ])(
    'does not fire on "%s"',
    (text) => expect(detector.detect(text)).toBe(false),
  );
});
