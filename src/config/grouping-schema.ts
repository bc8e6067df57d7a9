import { z } from 'zod';

/** Customer messages sent in quick succession are one request (README.md, "Grouping"). */
export const groupingSchema = z.object({
  /**
   * A customer message is held this long for the next one in its thread; each new one extends the wait,
   * and the group is decided as one request once the thread has been quiet this long. 0 decides each
   * message on its own, at once.
   */
  window_seconds: z.number().min(0).max(30).default(3),
}).strict();
