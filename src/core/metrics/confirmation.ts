/**
 * A short customer message that only thanks or confirms ("thanks, that worked!") closes the matter
 * rather than raising a new one: it counts as the customer confirming a resolution, never as a reopen.
 */
const CONFIRMING = /\b(thanks?|thank you|thx|ty|cheers|perfect|great|awesome|solved|fixed|works( now)?|worked|that did it|got it|all good|sorted|resolved)\b/i;
const ASKING = /\?|\b(but|still|not|n't|doesn't|didn't|another|also|how|why|what|when|where|can you|could you)\b/i;
const MAX_WORDS = 12;

export function isConfirmation(text: string): boolean {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > MAX_WORDS) return false;
  return CONFIRMING.test(text) && !ASKING.test(text);
}
