import type { HelpdeskTicket } from '../helpdesk-ticket.js';
import { topicTag } from '../helpdesk-ticket.js';
import { defined, str, tagsOf } from '../helpdesk-record.js';
import { plainText } from '../html-text.js';

type Rec = Record<string, unknown>;

/**
 * Freshdesk's ticket list export ("Ticket ID", "Subject", "Description", "Status", "Type", "Group",
 * "Tags", "Company Name", "Full name", "Email", "Resolution Notes"...): one ticket a row, no thread, so
 * each row is a past question labelled by its type (category, else its group) and first tag (topic),
 * with its "Resolution Notes" as the resolution when the export has them.
 */
export function isFreshdeskCsv(rec: Rec): boolean {
  return 'Ticket ID' in rec && FRESHDESK_COLUMNS.filter((c) => c in rec).length >= 3;
}

/** The ticket list export's standard columns: whoever exports picks which, so any may be missing. */
const FRESHDESK_COLUMNS = ['Subject', 'Description', 'Status', 'Priority', 'Source', 'Type', 'Agent', 'Group', 'Created time', 'Resolved time', 'Resolution Notes', 'Tags', 'Company Name', 'Agent interactions', 'Resolution status'];

/**
 * Help Scout's conversation export ("Conversation ID", "Number", "Subject", "Customer Name",
 * "Customer Email", "Status", "Tags", "Assigned To", "Mailbox"...): one conversation a row.
 */
export function isHelpScoutCsv(rec: Rec): boolean {
  return ('Conversation ID' in rec || 'Conversation Number' in rec) && ('Customer Email' in rec || 'Customer Name' in rec);
}

const text = (...values: unknown[]) => values.map((v) => str(v)).filter((v): v is string => v !== undefined).map(plainText).join('\n') || undefined;

export function fromFreshdeskCsv(rec: Rec): HelpdeskTicket {
  const tags = tagsOf(rec.Tags);
  return {
    turns: [],
    tags,
    evidence: [],
    names: [str(rec['Full name']), str(rec.Email)].filter((n): n is string => n !== undefined),
    customerEmails: [str(rec.Email)].filter((e): e is string => e !== undefined),
    ...defined({
      id: str(rec['Ticket ID']),
      status: str(rec.Status),
      subject: str(rec.Subject),
      question: text(rec.Subject, rec.Description),
      answer: text(rec['Resolution Notes']),
      account: str(rec['Company Name']),
      category: str(rec.Type) ?? str(rec.Group),
      topic: topicTag(tags),
    }),
  };
}

export function fromHelpScoutCsv(rec: Rec): HelpdeskTicket {
  const tags = tagsOf(rec.Tags);
  return {
    turns: [],
    tags,
    evidence: [],
    names: [str(rec['Customer Name']), str(rec['Customer Email'])].filter((n): n is string => n !== undefined),
    customerEmails: [str(rec['Customer Email'])].filter((e): e is string => e !== undefined),
    ...defined({
      id: str(rec['Conversation ID']) ?? str(rec['Conversation Number']),
      status: str(rec.Status),
      subject: str(rec.Subject),
      question: text(rec.Subject, rec.Preview),
      account: str(rec.Company),
      topic: topicTag(tags),
    }),
  };
}
