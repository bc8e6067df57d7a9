import { z } from 'zod';
import { customerText } from './copy-placeholders.js';

/** Channels Baton is added to that no account names yet (docs/channels.md, "A new shared channel"). */
export const onboardingSchema = z.object({
  /**
   * The introduction a lead is shown, edits and approves before Baton says anything in a newly mapped
   * channel. `{account}` is the account's name, `{vendor}` is vendor.name.
   */
  intro: customerText(['account', 'vendor'])
    .min(1)
    .max(3000)
    .default(
      'Hello {account}! I\u2019m Baton, the support assistant of {vendor}. Ask your questions here: I answer what I can from our documentation, with its sources, and bring in the right person from our team when a question needs one. Press "Talk to a person" under any answer to reach someone directly.',
    ),
}).strict();
