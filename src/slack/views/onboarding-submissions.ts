import type { App } from '@slack/bolt';
import { z } from 'zod';
import { INTRO_REFUSALS, mapRefusalText } from '../../core/copy/onboarding-refusals.js';
import { ONBOARD_FIELD, VIEW } from '../../core/model/actions.js';
import { approveIntro } from '../../core/onboarding/approve-intro.js';
import { type AccountChoice, mapChannel, type MapRefusal } from '../../core/onboarding/map-channel.js';
import { channelNameValue } from '../normalize/channel-value.js';
import { renderIntroModal } from '../render/onboarding-modals.js';
import type { SlackDeps } from '../slack-deps.js';

const fieldValue = z.object({ selected_option: z.object({ value: z.string() }).nullish(), value: z.string().nullish() }).partial();
const submission = z.object({
  user: z.object({ id: z.string() }),
  view: z.object({ private_metadata: z.string(), state: z.object({ values: z.record(z.string(), z.record(z.string(), fieldValue)) }) }),
});
type Values = z.infer<typeof submission>['view']['state']['values'];

function read(values: Values, field: string): string {
  const v = values[field]?.[field];
  return v?.selected_option?.value ?? v?.value ?? '';
}

/** The field a refusal is shown on: the one to change, else the form's first. */
function fieldOf(reason: MapRefusal['reason'], first: string): string {
  const fields: Partial<Record<MapRefusal['reason'], string>> = { bad_name: ONBOARD_FIELD.name, account_exists: ONBOARD_FIELD.name, unknown_tier: ONBOARD_FIELD.tier, bad_crm_url: ONBOARD_FIELD.crm };
  return fields[reason] ?? first;
}

const STALE = 'This form is out of date; close it and press the button again.';
const FAILED = 'Nothing was saved (the store did not answer). Please try again in a moment.';

/**
 * Map to an existing account, or create one: a refusal stays in the modal on the field to change; a
 * mapping turns the modal into the introduction step, so the lead approves it in the same place.
 */
function registerMapping(app: App, deps: SlackDeps, callbackId: string, first: string, choice: (values: Values) => AccountChoice): void {
  app.view(callbackId, async ({ ack, body }) => {
    const parsed = submission.safeParse(body);
    const channel = channelNameValue.safeParse(parsed.data?.view.private_metadata);
    if (!parsed.success || !channel.success) return void (await ack({ response_action: 'errors', errors: { [first]: STALE } }));
    const result = await mapChannel(deps.core, channel.data, parsed.data.user.id, choice(parsed.data.view.state.values)).catch((err: unknown) => {
      deps.log.error({ err, channel: channel.data.channel }, 'channel mapping could not be saved');
      return undefined;
    });
    if (!result) return void (await ack({ response_action: 'errors', errors: { [first]: FAILED } }));
    if (!result.ok) return void (await ack({ response_action: 'errors', errors: { [fieldOf(result.reason, first)]: mapRefusalText(result) } }));
    await ack({ response_action: 'update', view: renderIntroModal({ ok: true, channel: channel.data, ...(result.title ? { title: result.title } : {}), account: result.account.name, intro: result.intro }) });
  });
}

/** Approve and post: the introduction goes out and the channel goes live, or the modal says why not. */
function registerIntroApproval(app: App, deps: SlackDeps): void {
  app.view(VIEW.approveIntro, async ({ ack, body }) => {
    const parsed = submission.safeParse(body);
    const channel = channelNameValue.safeParse(parsed.data?.view.private_metadata);
    if (!parsed.success || !channel.success) return void (await ack({ response_action: 'errors', errors: { [ONBOARD_FIELD.intro]: STALE } }));
    const text = read(parsed.data.view.state.values, ONBOARD_FIELD.intro);
    const result = await approveIntro(deps.core, channel.data, parsed.data.user.id, text).catch((err: unknown) => {
      deps.log.error({ err, channel: channel.data.channel }, 'introduction approval could not be saved');
      return undefined;
    });
    if (!result) return void (await ack({ response_action: 'errors', errors: { [ONBOARD_FIELD.intro]: FAILED } }));
    if (!result.ok) return void (await ack({ response_action: 'errors', errors: { [ONBOARD_FIELD.intro]: INTRO_REFUSALS[result.reason] } }));
    await ack();
  });
}

export function registerOnboardingSubmissions(app: App, deps: SlackDeps): void {
  registerMapping(app, deps, VIEW.mapChannel, ONBOARD_FIELD.account, (values) => ({ kind: 'existing', accountId: read(values, ONBOARD_FIELD.account) }));
  registerMapping(app, deps, VIEW.newAccount, ONBOARD_FIELD.name, (values) => {
    const crmUrl = read(values, ONBOARD_FIELD.crm).trim();
    return { kind: 'new', name: read(values, ONBOARD_FIELD.name), tier: read(values, ONBOARD_FIELD.tier), ...(crmUrl ? { crmUrl } : {}) };
  });
  registerIntroApproval(app, deps);
}
