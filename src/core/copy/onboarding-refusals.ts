import type { IntroRefusal } from '../onboarding/approve-intro.js';
import type { MapRefusal } from '../onboarding/map-channel.js';

const NOT_LEAD = 'Only the support leads named in Baton\u2019s configuration can map channels and approve introductions.';

/** What a lead reads when a mapping is refused: each conflict named, with what to do instead. */
export function mapRefusalText(refusal: MapRefusal): string {
  switch (refusal.reason) {
    case 'not_lead':
      return NOT_LEAD;
    case 'not_offered':
      return 'Baton has no record of this channel; it is offered again when Baton is next added to it or a customer writes there.';
    case 'unknown_account':
      return 'That account no longer exists; choose another one.';
    case 'bad_name':
      return 'The account name needs at least one letter or digit.';
    case 'unknown_tier':
      return 'Choose one of the tiers the routing knows.';
    case 'bad_crm_url':
      return 'The CRM link must be a web address starting with https:// or http://.';
    case 'configured':
      return `The policy file already maps this channel to ${refusal.account}; the file wins. Change it there if it is wrong.`;
    case 'already_mapped':
      return `This channel is already mapped to ${refusal.account}.`;
    case 'account_exists':
      return refusal.inPolicy
        ? `The policy file already has an account with id "${refusal.id}". Map the channel to it as an existing account, or choose another name.`
        : `An account with id "${refusal.id}" was already created. Map the channel to it as an existing account, or choose another name.`;
  }
}

export const INTRO_REFUSALS: Record<IntroRefusal, string> = {
  not_lead: NOT_LEAD,
  not_mapped: 'Map this channel to an account first.',
  already_live: 'The introduction was already approved and posted; Baton answers in this channel.',
  empty: 'Write the introduction Baton posts in the channel.',
  not_posted: 'The introduction could not be posted (is Baton still in the channel or chat?), so it stays quiet. Please try again.',
};
