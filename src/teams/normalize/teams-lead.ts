import { teamsLeadId } from '../teams-references.js';
import type { Policy } from '../../config/policy-schema.js';
import type { Author } from '../../core/model/message.js';

/**
 * The id the core's lead checks (isLead) know a Teams person by: `teams:` and their Entra object id,
 * spelled as the policy names them (object ids are GUIDs, compared without regard to case). Only
 * members of the vendor's tenants can be leads: anyone else gets an id no policy entry can name.
 */
export function leadIdOf(policy: Pick<Policy, 'leads' | 'queues'>, author: Author): string {
  if (author.isExternal) return `teams-external:${author.id}`;
  const id = author.id.toLowerCase();
  const named = [...policy.leads, ...policy.queues.flatMap((q) => q.leads)].find((l) => teamsLeadId(l)?.toLowerCase() === id);
  return named ?? `teams:${author.id}`;
}
