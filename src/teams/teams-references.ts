import type { ReferenceFormat } from '../platform/reference-format.js';

const ENTRA_OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Teams ids after `teams:`: a customer's channel (`19:…@thread.tacv2`) or group chat (`19:…@thread.v2`),
 * a channel of the vendor's own team for internal posts (a group chat has no threads to hold one post
 * each, so it is refused), a person by Microsoft Entra object id.
 */
export const TEAMS_REFERENCES: ReferenceFormat = {
  tag: 'teams',
  customerChannel: { id: /^(19|a):\S+$/, described: 'a Teams conversation id such as teams:19:abc@thread.tacv2' },
  internalChannel: { id: /^19:\S+@thread\.(tacv2|skype)$/, described: 'a Teams channel id such as teams:19:abc@thread.tacv2' },
  person: { id: ENTRA_OBJECT_ID, described: 'a Teams user as teams:<Microsoft Entra object id> such as teams:3f2b8c1d-5e6a-4b7c-8d9e-0a1b2c3d4e5f' },
};

/** The Microsoft Entra object id of a queue lead written `teams:<object id>`; undefined for any other entry. */
export function teamsLeadId(lead: string): string | undefined {
  const id = lead.startsWith('teams:') ? lead.slice('teams:'.length) : undefined;
  return id !== undefined && ENTRA_OBJECT_ID.test(id) ? id : undefined;
}
