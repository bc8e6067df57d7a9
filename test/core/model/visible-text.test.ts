import { describe, expect, it } from 'vitest';
import { hasVisibleText } from '../../../src/core/model/message.js';

describe('a message with something to read', () => {
  it('is not whitespace or invisible format characters alone, on any platform', () => {
    for (const empty of ['', '   ', '\u200b', '\u200b\u200c\u200d\ufeff\u2060', '\u200e\u200f \n\t']) expect([empty, hasVisibleText(empty)]).toEqual([empty, false]);
    for (const said of ['?', 'hi\u200b', '👋', '请问']) expect([said, hasVisibleText(said)]).toEqual([said, true]);
  });
});
