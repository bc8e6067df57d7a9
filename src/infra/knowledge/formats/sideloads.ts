import { nameWordsOf } from '../../../core/feedback/redact.js';

/** Objects a helpdesk export lists beside its tickets, by id: people, groups, organizations, metrics. */
export interface Sideloads {
  /** Every word of every name the export's people and organizations lists carry: redacted wherever it appears. */
  nameWords: Set<string>;
  /** Zendesk's comment events (the Incremental Ticket Event Export's `comment_events`), by ticket id, in order. */
  comments: Map<string, Record<string, unknown>[]>;
  users: Map<string, Record<string, unknown>>;
  groups: Map<string, Record<string, unknown>>;
  organizations: Map<string, Record<string, unknown>>;
  /** Zendesk's ticket metric sets, by ticket id. */
  metrics: Map<string, Record<string, unknown>>;
}

/** The top-level keys of an export object that hold sideloads rather than records. */
export const SIDELOAD_KEYS = ['users', 'groups', 'organizations', 'metric_sets', 'companies', 'contacts', 'admins', 'teams', 'ticket_events', 'customers'] as const;

export function emptySideloads(): Sideloads {
  return { users: new Map(), groups: new Map(), organizations: new Map(), metrics: new Map(), nameWords: new Set(), comments: new Map() };
}

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** A person's or organization's names: `name`, first and last, display names; their emails are not names. */
function namesOf(o: Record<string, unknown>): string[] {
  const profile = (o.profile as Record<string, unknown> | undefined) ?? {};
  return [o.name, o.first, o.last, o.firstName, o.lastName, o.real_name, o.display_name, profile.real_name, profile.display_name].map(text).filter((n): n is string => n !== undefined);
}

/** Zendesk's ticket events: the comments of each audit, filed under their ticket in time order. */
function addCommentEvents(s: Sideloads, event: Record<string, unknown>): void {
  const children = Array.isArray(event.child_events) ? (event.child_events as Record<string, unknown>[]) : [];
  const ticket = String(event.ticket_id ?? '');
  for (const c of children) {
    if (c.event_type !== 'Comment' && c.type !== 'Comment') continue;
    const list = s.comments.get(ticket) ?? [];
    list.push({ created_at: event.created_at, ...c });
    s.comments.set(ticket, list);
  }
}

/** Files one sideloaded object under its kind, keyed by its id (metric sets by their ticket's). */
export function addSideload(s: Sideloads, key: string, obj: Record<string, unknown>): void {
  const id = String(obj.id ?? '');
  if (key === 'ticket_events') {
    addCommentEvents(s, obj);
    return;
  }
  if (key !== 'metric_sets' && key !== 'groups' && key !== 'teams' && obj.is_bot !== true && obj.type !== 'bot') for (const w of nameWordsOf(namesOf(obj))) s.nameWords.add(w);
  if (key === 'metric_sets') s.metrics.set(String(obj.ticket_id ?? ''), obj);
  else if (key === 'users' || key === 'contacts' || key === 'admins' || key === 'customers') s.users.set(id, obj);
  else if (key === 'groups' || key === 'teams') s.groups.set(id, obj);
  else s.organizations.set(id, obj);
}
