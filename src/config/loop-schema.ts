import { z } from 'zod';
import { WEEKDAYS } from '../core/timers/weekday.js';
import { ianaTimeZone } from './hours-schema.js';
import { describeReference, matchesReference } from '../platform/reference-format.js';
import { REFERENCE_FORMATS } from '../platform/reference-formats.js';

/**
 * A queue lead on any platform (a Slack user id, a Teams user as `teams:` and their Microsoft Entra object
 * id). Each platform mentions its own: a queue in Slack its Slack leads, a queue in Teams its Teams leads.
 */
export const queueLead = z.string().refine((l) => matchesReference(REFERENCE_FORMATS, 'person', l), describeReference(REFERENCE_FORMATS, 'person'));

/** An internal channel (a queue's, the leads'): a channel of the vendor's own on any platform. */
export const internalChannel = z.string().refine((c) => matchesReference(REFERENCE_FORMATS, 'internalChannel', c), describeReference(REFERENCE_FORMATS, 'internalChannel'));

/** When a conversation counts as resolved, reopened or held (docs/reports.md, "Outcomes"). */
export const outcomesSchema = z.object({
  /** Customer silence after a Baton answer that counts as "resolved by Baton". */
  quiet_after_minutes: z.number().int().positive().default(24 * 60),
  /** The customer coming back on the same thread within this window reopens the matter. */
  reopen_window_days: z.number().int().positive().default(7),
  /** A resolution that saw no reopen for this long "held". */
  held_days: z.number().int().positive().default(7),
}).strict();

export const csatSchema = z.object({
  enabled: z.boolean().default(true),
  /** Share of eligible conversations asked, 0..1. The choice is a stable hash of the conversation. */
  sample_rate: z.number().min(0).max(1).default(1),
  /** A customer asked once is not asked again for this many days, whatever the thread. */
  cooldown_days: z.number().min(0).default(14),
  question: z.string().min(1).max(2000).default('How did we do on this one? One click is plenty.'),
  thanks: z.string().min(1).max(2000).default('Thanks for the rating; it helps us get better.'),
}).strict();

export const digestSchema = z.object({
  enabled: z.boolean().default(true),
  weekday: z.enum(WEEKDAYS).default('mon'),
  /** Local hour (0-23) in `timezone` at which the weekly digest is posted to leads_channel. */
  hour: z.number().int().min(0).max(23).default(9),
  /** IANA timezone name, e.g. Europe/Berlin. */
  timezone: ianaTimeZone.default('UTC'),
}).strict();

/** Helpful / Not helpful under every answer (docs/reports.md, "Answer feedback and content gaps"). */
export const answerFeedbackSchema = z.object({
  enabled: z.boolean().default(true),
  helpful_button: z.string().min(1).max(75).default('Helpful'),
  not_helpful_button: z.string().min(1).max(75).default('Not helpful'),
  /** Replaces the two buttons once a customer pressed Helpful. */
  thanks: z.string().min(1).max(2000).default('Thanks for letting us know.'),
  /** Replaces them after Not helpful; the handoff notice follows, since a person takes over at once. */
  sorry: z.string().min(1).max(2000).default('Sorry that did not help. A person from our team will take it from here.'),
}).strict();

export const schedulerSchema = z.object({
  /** How often due timers (SLA nudges, CSAT asks, the digest) are swept. */
  interval_seconds: z.number().int().min(1).max(3600).default(30),
}).strict();

/** The "closing the loop" sections of the policy; all optional so older configs stay valid. */
export const loopShape = {
  /**
   * Who may run report, review and export (`/baton` in Slack, a personal chat with Baton in Teams) and sees
   * the dashboard on the App Home tab or the Teams home card. Queue leads count too.
   */
  leads: z.array(queueLead).default([]),
  /** Channel for the weekly digest (Slack, or a channel of the vendor's team in Teams); no digest without it. */
  leads_channel: internalChannel.optional(),
  outcomes: outcomesSchema.default(outcomesSchema.parse({})),
  csat: csatSchema.default(csatSchema.parse({})),
  digest: digestSchema.default(digestSchema.parse({})),
  scheduler: schedulerSchema.default(schedulerSchema.parse({})),
  answer_feedback: answerFeedbackSchema.default(answerFeedbackSchema.parse({})),
};
