import type { ColumnMap } from '../column-map.js';
import { applyColumnMap } from '../column-map.js';
import { fromHelpdeskRecord } from '../helpdesk-record.js';
import type { HelpdeskTicket } from '../helpdesk-ticket.js';
import { fromFreshdeskCsv, fromHelpScoutCsv, isFreshdeskCsv, isHelpScoutCsv } from './csv-exports.js';
import { fromFreshdesk, isFreshdesk } from './freshdesk.js';
import { fromHelpScout, isHelpScout } from './helpscout.js';
import { fromIntercom, isIntercom } from './intercom.js';
import type { Sideloads } from './sideloads.js';
import { fromZendesk, isZendesk } from './zendesk.js';

type Rec = Record<string, unknown>;

/** The helpdesk formats recognised by their records' own shape, most specific first. */
/** `name` is what the import summary says it found; `source` namespaces the records' ids (a CSV and a JSON export of one helpdesk share ids). */
const FORMATS: { name: string; source: string; is: (r: Rec) => boolean; read: (r: Rec, s: Sideloads) => HelpdeskTicket }[] = [
  { name: 'Freshdesk JSON', source: 'freshdesk', is: isFreshdesk, read: fromFreshdesk },
  { name: 'Zendesk', source: 'zendesk', is: isZendesk, read: fromZendesk },
  { name: 'Intercom', source: 'intercom', is: isIntercom, read: fromIntercom },
  { name: 'Help Scout JSON', source: 'helpscout', is: isHelpScout, read: fromHelpScout },
  { name: 'Freshdesk CSV', source: 'freshdesk', is: isFreshdeskCsv, read: fromFreshdeskCsv },
  { name: 'Help Scout CSV', source: 'helpscout', is: isHelpScoutCsv, read: fromHelpScoutCsv },
];

/** Ticket fields a `--map` may set, over what a recognised format found. */
const OVERRIDABLE = ['id', 'question', 'answer', 'account', 'status', 'category', 'topic', 'risk', 'purpose'] as const;

/**
 * A record as a ticket: read by its helpdesk's format when recognised, else by the plain field names.
 * Fields named in `--map` win over what the format found (a custom field as the topic, say).
 */
export function toTicket(rec: Rec, side: Sideloads, map?: ColumnMap): { ticket: HelpdeskTicket; format: string } {
  const format = FORMATS.find((f) => f.is(rec));
  const mapped = map ? fromHelpdeskRecord(applyColumnMap(rec, map)) : undefined;
  if (!format) return { ticket: mapped ?? fromHelpdeskRecord(rec), format: map ? 'records (--map)' : 'plain records' };
  const ticket = { ...format.read(rec, side), source: format.source };
  if (!mapped || !map) return { ticket, format: format.name };
  for (const field of OVERRIDABLE) if (map.has(field) && mapped[field] !== undefined) Object.assign(ticket, { [field]: mapped[field] });
  if (map.has('tags')) ticket.tags = mapped.tags;
  if (['escalated', 'reassigned', 'reopened', 'needs_human'].some((f) => map.has(f as never))) ticket.evidence = [...new Set([...ticket.evidence, ...mapped.evidence])];
  return { ticket, format: format.name };
}
