import { describe, expect, it } from 'vitest';
import { cleanResolution } from '../../../src/core/suggest/clean-resolution.js';

describe('cleanResolution', () => {
  it('keeps the answer and drops the greeting, courtesy lines and the signature', () => {
    const turn = [
      'Hi Maria,',
      '',
      'Thanks for reaching out! You can export invoices from Billing > Invoices > Export. Pick the months and the format.',
      '',
      'Let me know if you have any other questions.',
      '',
      'Best regards,',
      'Tom Becker',
      'Support Engineer | Acme Cloud',
    ].join('\n');
    expect(cleanResolution(turn)).toBe('You can export invoices from Billing > Invoices > Export. Pick the months and the format.');
  });

  it('drops the email the reply quotes: "On … wrote:" with its ">" lines, and an Outlook From:/Sent: block', () => {
    const gmail = 'The API limit is 600 requests a minute per workspace.\n\nOn Tue, Nov 4, 2025 at 10:42 AM Jane Roe <jane@globex.example> wrote:\n> What is the API limit?\n> We run 3 importers.';
    expect(cleanResolution(gmail)).toBe('The API limit is 600 requests a minute per workspace.');
    const outlook = 'SSO is set up under Admin > Security > SAML.\n\nFrom: Jane Roe <jane@globex.example>\nSent: Tuesday, November 4, 2025 10:42 AM\nTo: Support <support@acme.example>\nSubject: SSO\n\nHow do we turn on SSO for Globex?';
    expect(cleanResolution(outlook)).toBe('SSO is set up under Admin > Security > SAML.');
    expect(cleanResolution('Use the Export button.\n> can I export?\n> thanks')).toBe('Use the Export button.');
  });

  it("drops the helpdesk's closing macro about the ticket's life, whatever its wording", () => {
    const turn =
      'Seats are billed pro rata from the day they are added. We haven\u2019t heard back from you in 3 days, so we are marking this request as solved. If you reply to this email, the ticket will reopen.';
    expect(cleanResolution(turn)).toBe('Seats are billed pro rata from the day they are added.');
    expect(cleanResolution('Webhooks retry for 24 hours. This conversation has been automatically closed.')).toBe('Webhooks retry for 24 hours.');
  });

  it('drops internal notes and hand-overs between colleagues', () => {
    const turn = 'Passing to billing, they own this.\n@dana can you check the invoice run?\nInternal note: customer is on the legacy plan.\nInvoices are issued on the 1st of each month.';
    expect(cleanResolution(turn)).toBe('Invoices are issued on the 1st of each month.');
    expect(cleanResolution('Escalating this to tier 2. Reassigned to the platform team.')).toBe('');
  });

  it('strips the address in front of an answer that starts on the same line, and keeps paragraphs', () => {
    expect(cleanResolution('Hi Sam, the export runs nightly.\n\nIt includes archived projects.')).toBe('The export runs nightly.\n\nIt includes archived projects.');
  });

  it('keeps a sentence that only starts like courtesy but says something', () => {
    expect(cleanResolution('Thanks to the new exporter, files up to 2 GB work. Sorry for the wait.')).toBe('Thanks to the new exporter, files up to 2 GB work.');
  });

  it('is empty when the turn was only a greeting, thanks or a macro', () => {
    expect(cleanResolution('Hi Tom,\n\nThank you so much!\n\nCheers,\nMaria')).toBe('');
  });
});

describe('cleanResolution of a turn whose blank lines were lost on import', () => {
  it('still finds the signature under its sign-off and the quoted message under its header', () => {
    const turn = "SSO is under Admin > Security > SAML.\nBest,\nAna\nFrom: [NAME] <[EMAIL]>\nSent: Monday, November 10, 2025 9:02 AM\nTo: Support <[EMAIL]>\nHow do we turn on SSO?";
    expect(cleanResolution(turn)).toBe('SSO is under Admin > Security > SAML.');
    expect(cleanResolution('Use the Export button.\nRegards,\nBen\nOn Mon, 3 Nov 2025 at 09:00, Jane <[EMAIL]> wrote:\nhow do I export?')).toBe('Use the Export button.');
  });

  it('keeps a long last paragraph after a line that only looks like a sign-off', () => {
    const turn = 'Thanks,\nthe nightly export covers every project, archived ones included, and it is kept for thirty days before it is deleted for good.';
    expect(cleanResolution(turn)).toContain('the nightly export covers every project');
  });
});

describe('cleanResolution of a forwarded email and a signature in another language', () => {
  it('drops a forwarded message, its header and the customer words under it', () => {
    const forwarded = 'The audit log is under Settings > Security > Audit log.\n\n---------- Forwarded message ---------\nFrom: Michael Bolton <michael@initech.example>\nDate: Mon, Mar 2, 2026\nSubject: audit\n\nWho deleted the Q3 TPS folder?';
    expect(cleanResolution(forwarded)).toBe('The audit log is under Settings > Security > Audit log.');
    const outlook = 'Re-authorise the S3 integration under Settings > Integrations.\n\n________________________________\nFrom: Peter Gibbons\nSent: Monday, March 2, 2026 9:14 AM\nTo: Support\nSubject: TPS export broken\n\nOur TPS export fails since Monday.';
    expect(cleanResolution(outlook)).toBe('Re-authorise the S3 integration under Settings > Integrations.');
  });

  it('drops the signature under a sign-off of the usual support languages, and a Cc: line', () => {
    expect(cleanResolution('Die Zeitzone ändern Sie unter Einstellungen > Zeitzone.\n\nMit freundlichen Grüßen\nAnna Schmidt\nSupport | Vendor')).toBe('Die Zeitzone ändern Sie unter Einstellungen > Zeitzone.');
    expect(cleanResolution('Cc: joanna@chotchkies.example; stan@chotchkies.example\nTo invite teammates, open Settings > Members.')).toBe('To invite teammates, open Settings > Members.');
  });
});

describe('cleanResolution keeps what only reads like a closing macro', () => {
  it('keeps an answer about an item not received: the macro is about not hearing back from the customer', () => {
    const answer = 'Non-delivery: if you have not received your ordered item within the delivery time, we start a refund.';
    expect(cleanResolution(answer)).toBe(answer);
    expect(cleanResolution('Seats are billed pro rata. We have not received a reply in 3 days, so this ticket is now closed.')).toBe('Seats are billed pro rata.');
  });
});
