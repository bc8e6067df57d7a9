import { z } from 'zod';
import { customerText, PROMISE } from './copy-placeholders.js';
import { hoursSchema } from './hours-schema.js';
import { internalChannel, loopShape, queueLead } from './loop-schema.js';
import { onboardingSchema } from './onboarding-schema.js';
import { triageSchema } from './triage-schema.js';
import { groupingSchema } from './grouping-schema.js';
import { knowledgeSchema } from './knowledge-sources-schema.js';
import { describeReference, matchesReference } from '../platform/reference-format.js';
import { REFERENCE_FORMATS } from '../platform/reference-formats.js';

const id = z.string().min(1).regex(/^[a-z0-9_-]+$/i, 'letters, digits, "_" or "-"');
const risk = z.enum(['low', 'medium', 'high']);

/** A customer channel on any platform, as its platform writes it (src/platform/reference-formats.ts). */
const customerChannel = z.string().refine((c) => matchesReference(REFERENCE_FORMATS, 'customerChannel', c), describeReference(REFERENCE_FORMATS, 'customerChannel'));

/** autopilot: Baton answers the customer; copilot: its answer waits in the queue for a specialist to send. */
const answerMode = z.enum(['autopilot', 'copilot']);

const accountSchema = z.object({
  id,
  name: z.string().min(1),
  tier: z.string().min(1),
  crm_url: z.url().optional(),
  /** The channels shared with this customer, on whichever platform they use. */
  channels: z.array(customerChannel).min(1),
  /** The customer's email domains: `kb ingest` files a helpdesk conversation of such an address under this account. */
  /** Where the customer's people call from: their national phone numbers (no country code) are redacted as such. */
  phone_regions: z.array(z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 country code such as GB')).optional(),
  email_domains: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'a domain such as acme.com')).optional(),
  mode: answerMode.default('autopilot'),
  /** A mode for one of this account's channels, named as in `channels`, over the account's own. */
  channel_modes: z.record(z.string(), answerMode).default({}),
}).strict().superRefine((account, ctx) => {
  for (const channel of Object.keys(account.channel_modes)) {
    if (!account.channels.includes(channel)) ctx.addIssue({ code: 'custom', path: ['channel_modes', channel], message: `${channel} is not one of this account's channels` });
  }
});

const queueSchema = z.object({
  id,
  /** Internal specialist channel: where the packets of this queue are posted. */
  channel: internalChannel,
  /** How the customer hears of this team: "billing specialist". */
  role: z.string().min(1),
  sla_minutes: z.number().int().positive(),
  /** Mentioned in the packet's thread at an SLA breach: Slack user ids, or `teams:<Entra object id>` for a queue in Teams. */
  leads: z.array(queueLead).default([]),
  /** Business hours; the SLA counts only these. Absent: around the clock. */
  hours: hoursSchema.optional(),
  /** The queue an escalation still unclaimed at its SLA breach moves to. */
  backup: id.optional(),
}).strict();

const routingRuleSchema = z.object({
  when: z
    .object({
      categories: z.array(z.string()).optional(),
      tiers: z.array(z.string()).optional(),
      /** Substring of the product page path seen in the conversation, e.g. "/billing". */
      page: z.string().optional(),
      initiator: z.enum(['ai', 'customer']).optional(),
    })
    .strict(),
  queue: id,
}).strict();

/**
 * A topic (intent) within a category: its own tier and whether a person must always take it. Recognised
 * from its examples and from the `topic` field of imported records (matched by name, see topic-policy.ts).
 */
const topicSchema = z.object({
  /** As the helpdesk tags it; `source:name` also matches records tagged `name`; a trailing `*` matches a prefix. */
  name: z.string().min(1),
  /** Defaults to the category's tier. */
  risk: risk.optional(),
  /** A person always handles this topic, whatever the knowledge base could answer. */
  always_escalate: z.boolean().default(false),
  examples: z.array(z.string()).default([]),
}).strict();

const categorySchema = z.object({
  name: id,
  risk,
  description: z.string().default(''),
  /** Example customer messages that teach the classifier this category. */
  examples: z.array(z.string()).default([]),
  topics: z.array(topicSchema).default([]),
}).strict();

/** When a person has the thread and when Baton takes it back. */
const takeoverSchema = z.object({
  /** After a staff reply, Baton answers in that thread again only after this much staff silence. */
  quiet_minutes: z.number().int().positive().default(240),
  /** A specialist's wrap-up message this soon after closing an escalation does not take the thread over. */
  after_close_minutes: z.number().int().min(0).default(60),
}).strict();

/**
 * Customer copy. {role} is the queue's role; {when} is "within 1 hour", or "by 10:00 on Tuesday (Berlin
 * time)" when the queue's closed hours fall before the due time; {sla} is the plain duration until due.
 */
const copySchema = z.object({
  handoff: customerText(PROMISE).default('Good question for our {role}: they will pick this up {when}. You won\u2019t need to repeat anything; they can see this whole conversation.'),
  claimed: customerText(['name']).default('{name} from our team is on it now.'),
  released: customerText(PROMISE).default('We\u2019re getting the right person on this; our {role} will follow up {when}.'),
  /** Said when nobody claimed it in time and it moved to the queue's backup: {role} and {when} are the backup's. */
  moved: customerText(PROMISE).default('Sorry, this is taking longer than we promised. I\u2019ve passed it to our {role}, who will pick it up {when}.'),
  /** Said on a release when little or none of the promised time is left: no new time is promised. */
  released_late: customerText(PROMISE).default('We\u2019re getting the right person on this now; our {role} will follow up here as soon as possible.'),
  resolved: customerText().default('Glad we could sort this out. If anything else comes up, just ask here.'),
  answer_footer: customerText().default('Not what you needed? Press "Talk to a person" and a specialist will take over.'),
  talk_to_human_button: customerText().max(75).default('Talk to a person'),
  /** A clarifying question, above one button per reading (`triage.clarify`). */
  clarify_question: customerText().default('Do you mean:'),
  /** The last button of a clarifying question: it hands the conversation to a person. */
  clarify_other_button: customerText().max(75).default('Something else / talk to a person'),
  unavailable: customerText(PROMISE).default('Let me get a specialist on this for you; our {role} will follow up {when}.'),
  /** A specialist's reply sent from the packet thread ("Reply to customer"): {name}, {vendor}, {text}. */
  relayed: customerText(['name', 'vendor', 'text']).default('{name} from {vendor}: {text}'),
}).strict();

/** Who is staff on Slack (before 2026-12, `vendor.team_ids` and `vendor.enterprise_ids`, still read). */
const slackSchema = z.object({
  /** The vendor's own Slack workspace ids: members of these are staff, everyone else a customer (needed with Slack). */
  team_ids: z.array(z.string().regex(/^T[A-Z0-9]+$/, 'a Slack team id such as T0123ABCD')).default([]),
  /** Enterprise Grid org ids whose members are staff too. */
  enterprise_ids: z.array(z.string()).default([]),
}).strict();

/** Who is staff on Teams (before 2026-12, `vendor.teams_tenant_ids`, still read). */
const teamsSchema = z.object({
  /** The vendor's Microsoft Entra tenant ids: Teams users of these tenants are staff. */
  tenant_ids: z.array(z.guid('a Microsoft tenant id (a GUID)')).default([]),
}).strict();

/** Who the vendor is; every key has a default, so a policy may leave the block out. */
const vendorSchema = z.object({
  /** How customers hear the vendor named, as in "Ana from {name}" on a specialist's relayed reply. */
  name: z.string().min(1).default('our team'),
  /** Product hosts whose URLs in a conversation give the page context. */
  product_hosts: z.array(z.string()).default([]),
  /** The vendor's own support addresses (support@vendor.example): kept in imported and approved answers, never redacted. */
  support_addresses: z.array(z.email()).optional(),
  /** Where the vendor's own people call from (ISO country codes), for redacting national phone numbers. */
  phone_regions: z.array(z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 country code such as GB')).optional(),
}).strict();

export const policySchema = z
  .object({
    vendor: vendorSchema.default(vendorSchema.parse({})),
    slack: slackSchema.default(slackSchema.parse({})),
    teams: teamsSchema.default(teamsSchema.parse({})),
    accounts: z.array(accountSchema).min(1),
    queues: z.array(queueSchema).min(1),
    routing: z.object({ default_queue: id, rules: z.array(routingRuleSchema).default([]) }).strict(),
    categories: z.array(categorySchema).min(1),
    // The close modal offers these as a Slack select: at most 100 options, values and labels of 75 characters.
    root_causes: z.array(z.object({ id: id.max(75), label: z.string().min(1).max(75) }).strict()).min(1).max(100),
    copy: copySchema.default(copySchema.parse({})),
    takeover: takeoverSchema.default(takeoverSchema.parse({})),
    grouping: groupingSchema.default(groupingSchema.parse({})),
    triage: triageSchema.default(triageSchema.parse({})),
    onboarding: onboardingSchema.default(onboardingSchema.parse({})),
    knowledge: knowledgeSchema.default(knowledgeSchema.parse({})),
    ...loopShape,
  })
  .strict()
  .superRefine((policy, ctx) => {
    // Without the vendor's tenant every Teams user would count as a customer, staff included.
    if (policy.teams.tenant_ids.length > 0) return;
    const account = policy.accounts.flatMap((a, i) => a.channels.map((c, j) => [c, `accounts[${i}].channels[${j}]`] as const)).find(([c]) => c.startsWith('teams:'));
    const queue = policy.queues.map((q, i) => [q.channel, `queues[${i}].channel`] as const).find(([c]) => c.startsWith('teams:'));
    const leads = policy.leads_channel?.startsWith('teams:') ? ([policy.leads_channel, 'leads_channel'] as const) : undefined;
    const teams = account ?? queue ?? leads;
    if (teams) ctx.addIssue({ code: 'custom', path: ['teams', 'tenant_ids'], message: `at least one tenant id is needed: ${teams[1]} is a Teams channel` });
  });

export type Policy = z.infer<typeof policySchema>;
export type AccountPolicy = z.infer<typeof accountSchema>;
export type AnswerMode = z.infer<typeof answerMode>;
export type QueuePolicy = z.infer<typeof queueSchema>;
export type CategoryPolicy = z.infer<typeof categorySchema>;
export type TopicPolicy = z.infer<typeof topicSchema>;
export type CopyPolicy = z.infer<typeof copySchema>;
