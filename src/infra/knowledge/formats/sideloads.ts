/** Objects a helpdesk export lists beside its tickets, by id: people, groups, organizations, metrics. */
export interface Sideloads {
  users: Map<string, Record<string, unknown>>;
  groups: Map<string, Record<string, unknown>>;
  organizations: Map<string, Record<string, unknown>>;
  /** Zendesk's ticket metric sets, by ticket id. */
  metrics: Map<string, Record<string, unknown>>;
}

/** The top-level keys of an export object that hold sideloads rather than records. */
export const SIDELOAD_KEYS = ['users', 'groups', 'organizations', 'metric_sets', 'companies', 'contacts', 'admins', 'teams'] as const;

export function emptySideloads(): Sideloads {
  return { users: new Map(), groups: new Map(), organizations: new Map(), metrics: new Map() };
}

/** Files one sideloaded object under its kind, keyed by its id (metric sets by their ticket's). */
export function addSideload(s: Sideloads, key: string, obj: Record<string, unknown>): void {
  const id = String(obj.id ?? '');
  if (key === 'metric_sets') s.metrics.set(String(obj.ticket_id ?? ''), obj);
  else if (key === 'users' || key === 'contacts' || key === 'admins') s.users.set(id, obj);
  else if (key === 'groups' || key === 'teams') s.groups.set(id, obj);
  else s.organizations.set(id, obj);
}
