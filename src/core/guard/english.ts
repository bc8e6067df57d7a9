import { createRequire } from 'node:module';
import type Nlp from 'compromise';

/**
 * The English model the guard and the span marks parse with (compromise), loaded on first use: it
 * costs about 0.7 s of CPU, which a start does not pay before it serves. Its CommonJS build, so the
 * parse stays synchronous.
 */
let model: typeof Nlp | undefined;

export function nlp(text: string): ReturnType<typeof Nlp> {
  model ??= createRequire(import.meta.url)('compromise') as typeof Nlp;
  return model(text);
}

/** The words the English model knows, lower-case, with their tag: a word not in it is no English word it knows. */
export function lexicon(): Record<string, unknown> {
  model ??= createRequire(import.meta.url)('compromise') as typeof Nlp;
  return (model.model() as { one: { lexicon: Record<string, unknown> } }).one.lexicon;
}
