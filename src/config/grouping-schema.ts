import { z } from 'zod';

/** Customer messages sent in quick succession are one request (docs/triage.md, "Messages sent in quick succession"). */
export const groupingSchema = z.object({
  /**
   * A customer message is held this long for the next one in its thread; each new one extends the wait,
   * and the group is decided as one request once the thread has been quiet this long. 0 decides each
   * message on its own, at once.
   */
  window_seconds: z.number().min(0).max(30).default(3),
  /**
   * A new message (a new thread) from the same person in the same channel within the window joins the
   * previous one: one request, answered in the first one's thread. Off by default: separate questions
   * posted one after another as new messages would be merged too.
   */
  new_messages: z.boolean().default(false),
}).strict();
