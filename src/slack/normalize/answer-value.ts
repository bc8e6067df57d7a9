import { z } from 'zod';

/** What an answer review button carries: the topic, the version of the proposal shown, and for whom. */
export const answerValue = z.object({ t: z.string().min(1).max(500), v: z.string().regex(/^[0-9a-f]{1,64}$/), a: z.string().max(200).optional() });
export type AnswerValue = z.infer<typeof answerValue>;

export const encodeAnswerValue = (v: AnswerValue) => JSON.stringify(v);

/** A button value or modal metadata that is not one is rejected, not looked up. */
export function parseAnswerValue(raw: string | undefined): AnswerValue | undefined {
  if (!raw) return undefined;
  try {
    return answerValue.safeParse(JSON.parse(raw)).data;
  } catch {
    return undefined;
  }
}
