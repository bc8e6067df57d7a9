import type { TurnContext } from '@microsoft/agents-hosting';
import { z } from 'zod';
import { INTRO_REFUSALS, mapRefusalText } from '../core/copy/onboarding-refusals.js';
import { ACTION, ONBOARD_FIELD, VIEW } from '../core/model/actions.js';
import { channelName, parseChannelName, type ChannelRef } from '../core/model/conversation-ref.js';
import { approveIntro, introForm } from '../core/onboarding/approve-intro.js';
import { type AccountChoice, mapChannel, type MapRefusal } from '../core/onboarding/map-channel.js';
import { mappingForm, type MappingForm } from '../core/onboarding/mapping-form.js';
import { onboardingView } from '../core/onboarding/onboarding-view.js';
import type { ChannelOnboarding } from '../core/ports/onboarding.js';
import { teamsRef } from './normalize/teams-activity.js';
import { leadIdOf } from './normalize/teams-lead.js';
import type { AdaptiveCard } from './render/adaptive-card.js';
import { introCard, mapExistingCard, newAccountCard } from './render/onboarding-card.js';
import type { FormState } from './render/staff-forms.js';
import type { CardAnswer, TeamsTurnDeps } from './teams-turn-deps.js';

const field = z.string().max(3000).optional().catch(undefined);
/** A customer conversation as the leads' card carries it (its config name); anything else is rejected. */
const offerData = z.object({
  channel: z.string().regex(/^([CG][A-Z0-9]{1,30}|(teams|web):\S{1,300})$/).transform(parseChannelName),
  [ONBOARD_FIELD.account]: field,
  [ONBOARD_FIELD.name]: field,
  [ONBOARD_FIELD.tier]: field,
  [ONBOARD_FIELD.crm]: field,
  [ONBOARD_FIELD.intro]: field,
});
type OfferData = z.output<typeof offerData>;

interface Press {
  deps: TeamsTurnDeps;
  ref: ChannelRef;
  record: ChannelOnboarding;
  lead: string;
  data: OfferData;
}

type Step = (press: Press) => Promise<CardAnswer>;

const STALE = 'This card is out of date; the conversation\u2019s card in this channel shows where it stands.';

/**
 * A press on the leads' card acts only on the conversation that card is about, and only in that card's
 * own thread: card data naming another conversation, or pressed anywhere else, does nothing.
 */
async function pressed(deps: TeamsTurnDeps, ctx: TurnContext, data: unknown): Promise<Omit<Press, 'lead'> | undefined> {
  const parsed = offerData.safeParse(data);
  if (!parsed.success) return undefined;
  const ref = parsed.data.channel;
  const record = await deps.core.onboarding?.store.get(channelName(ref));
  const here = teamsRef(ctx.activity);
  const offer = record?.offer;
  if (offer && offer.channel.platform === 'teams' && here?.channel === offer.channel.channel && here.thread === offer.messageId) return { deps, ref, record, data: parsed.data };
  deps.log.warn({ channel: ref.channel, pressedIn: ctx.activity.conversation?.id }, 'Teams onboarding card action from outside its own thread refused');
  return undefined;
}

const offerCard = async ({ deps, record }: Press): Promise<CardAnswer> => (record.offer ? deps.leadsCard(record.offer.channel.channel, await onboardingView(deps.core, record)) : STALE);

function whenMappable(render: (form: MappingForm) => AdaptiveCard): Step {
  return async ({ deps, ref, lead }) => {
    const form = await mappingForm(deps.core, ref, lead);
    return form.ok ? render(form) : mapRefusalText(form);
  };
}

const openIntro: Step = async ({ deps, ref, lead }) => {
  const form = await introForm(deps.core, ref, lead);
  return form.ok ? introCard(form) : INTRO_REFUSALS[form.reason];
};

/** The field a refusal is shown on: the one to change, else the form's first. */
function fieldOf(reason: MapRefusal['reason'], first: string): string {
  const fields: Partial<Record<MapRefusal['reason'], string>> = { bad_name: ONBOARD_FIELD.name, account_exists: ONBOARD_FIELD.name, unknown_tier: ONBOARD_FIELD.tier, bad_crm_url: ONBOARD_FIELD.crm };
  return fields[reason] ?? first;
}

/** A mapping form's submit: a refusal comes back on the field to change, as filled in; a mapping turns the card into the introduction step. */
function submitMapping(render: (form: MappingForm, state: FormState) => AdaptiveCard, first: string, choice: (d: OfferData) => AccountChoice): Step {
  return async (press) => {
    const { deps, ref, lead, data } = press;
    const result = await mapChannel(deps.core, ref, lead, choice(data));
    if (result.ok) return openIntro(press);
    const form = await mappingForm(deps.core, ref, lead);
    if (!form.ok) return mapRefusalText(result);
    const { channel: _channel, ...values } = data;
    return render(form, { values, errors: { [fieldOf(result.reason, first)]: mapRefusalText(result) } });
  };
}

/** "Approve and post": the introduction goes out in the customer's conversation, then the card shows it live. */
const submitIntro: Step = async (press) => {
  const { deps, ref, lead, data } = press;
  const text = data[ONBOARD_FIELD.intro] ?? '';
  const result = await approveIntro(deps.core, ref, lead, text);
  const record = await deps.core.onboarding?.store.get(channelName(ref));
  if (result.ok) return record ? offerCard({ ...press, record }) : STALE;
  const form = await introForm(deps.core, ref, lead);
  if (!form.ok) return INTRO_REFUSALS[result.reason];
  return introCard(form, { values: { [ONBOARD_FIELD.intro]: text }, errors: { [ONBOARD_FIELD.intro]: INTRO_REFUSALS[result.reason] } });
};

const STEPS: Record<string, Step> = {
  [ACTION.mapChannel]: whenMappable((form) => mapExistingCard(form)),
  [ACTION.newAccount]: whenMappable((form) => newAccountCard(form)),
  [ACTION.reviewIntro]: openIntro,
  [ACTION.submitMapping]: submitMapping(mapExistingCard, ONBOARD_FIELD.account, (d) => ({ kind: 'existing', accountId: d[ONBOARD_FIELD.account] ?? '' })),
  [ACTION.submitNewAccount]: submitMapping(newAccountCard, ONBOARD_FIELD.name, (d) => ({
    kind: 'new',
    name: d[ONBOARD_FIELD.name] ?? '',
    tier: d[ONBOARD_FIELD.tier] ?? '',
    ...(d[ONBOARD_FIELD.crm] ? { crmUrl: d[ONBOARD_FIELD.crm] } : {}),
  })),
  [VIEW.approveIntro]: submitIntro,
  [ACTION.showOffer]: offerCard,
};

/** The verbs of the leads' card about a new conversation and of its forms. */
export const ONBOARDING_VERBS = Object.keys(STEPS);

/** Runs one; who may act is the core's lead check, on the presser's Teams identity. */
export async function runOnboardingAction(deps: TeamsTurnDeps, ctx: TurnContext, verb: string, data: unknown): Promise<CardAnswer | undefined> {
  const step = STEPS[verb];
  const press = step && (await pressed(deps, ctx, data));
  if (!step || !press) return undefined;
  const lead = leadIdOf(deps.core.policy, await deps.directory.author(ctx));
  return step({ ...press, lead });
}
