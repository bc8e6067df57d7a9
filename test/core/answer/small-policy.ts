import { parsePolicy } from '../../../src/config/load-policy.js';
import type { Policy } from '../../../src/config/policy-schema.js';
import type { KnowledgeEntry } from '../../../src/core/ports/knowledge.js';

const CATEGORIES = `categories:
  - { name: how_to, risk: low, examples: ["how do I export a report", "where do I change my avatar"] }
  - { name: billing, risk: medium, examples: ["why was my invoice higher this month", "update the card we pay with"] }
  - { name: security, risk: high, examples: ["someone logged into our workspace who should not have", "we think our API key leaked"] }
  - { name: smalltalk, risk: low, examples: ["hello there", "thanks a lot", "good morning"] }`;

/** A small team config: four categories with a few examples each (or the given ones), default triage settings unless overridden. */
export function smallPolicy(triageYaml = '', categoriesYaml = CATEGORIES): Policy {
  return parsePolicy(
    `
vendor: { team_ids: [T0VENDOR1] }
accounts:
  - { id: acme, name: Acme, tier: enterprise, channels: [C0ACME001] }
  - { id: globex, name: Globex, tier: growth, channels: [C0GLOBEX1] }
queues: [{ id: support, channel: C0SUPPORT1, role: support specialist, sla_minutes: 60 }]
routing: { default_queue: support }
root_causes: [{ id: kb_gap, label: KB gap }]
${categoriesYaml}
${triageYaml}
`,
    'inline.yaml',
  );
}

export const SMALL_KB: KnowledgeEntry[] = [
  { id: 'kb-export-1', kind: 'conversation', purpose: 'answer', question: 'How can I export my dashboard as a CSV report?', answer: 'Open the dashboard, choose Export, then CSV.', category: 'how_to', topic: 'export_report' },
  { id: 'kb-export-2', kind: 'conversation', purpose: 'answer', question: 'Is there a way to download the report data to a spreadsheet?', answer: 'Use Export > CSV on any dashboard.', category: 'how_to', topic: 'export_report' },
  { id: 'kb-sso-1', kind: 'conversation', purpose: 'answer', question: 'How do I set up single sign-on with Okta for my team?', answer: 'Go to Settings > Security > SSO and follow the Okta steps.', category: 'how_to', topic: 'sso_setup' },
  { id: 'kb-invoice-1', kind: 'conversation', purpose: 'answer', question: 'Where can I download my invoice for last month?', answer: 'Invoices are under Billing > History.', category: 'billing', topic: 'invoice_download' },
  { id: 'kb-invoice-2', kind: 'conversation', purpose: 'answer', question: 'How do I get a copy of my monthly invoice?', answer: 'Billing > History lists every invoice as a PDF.', category: 'billing', topic: 'invoice_download' },
  {
    id: 'kb-seats-1', kind: 'conversation', purpose: 'answer', question: 'Can you change the number of seats on our contract mid-term?', answer: 'A specialist adjusted the contract.', category: 'billing', topic: 'contract_seats', needsHuman: true,
  },
  {
    id: 'kb-acme-private', kind: 'conversation', purpose: 'answer', account: 'acme', question: 'How do we rotate the webhook signing secret for our custom integration?',
    answer: 'For Acme: rotate it in Settings > Webhooks > Rotate secret; your endpoint is hooks.acme.example.',
    turns: [
      { role: 'customer', text: 'How do we rotate the webhook signing secret for our custom integration?' },
      { role: 'internal', text: 'INTERNAL: Acme is on a legacy plan, do not mention pricing.' },
      { role: 'agent', text: 'For Acme: rotate it in Settings > Webhooks > Rotate secret; your endpoint is hooks.acme.example.' },
    ],
    category: 'how_to', topic: 'webhook_secret',
  },
];
