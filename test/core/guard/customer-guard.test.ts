import { describe, expect, it } from 'vitest';
import { actionClaims } from '../../../src/core/guard/action-claims.js';
import { guardCustomerText, type GuardContext } from '../../../src/core/guard/customer-guard.js';
import type { KnowledgeEntry } from '../../../src/core/ports/knowledge.js';

const ctx = (over: Partial<GuardContext> = {}): GuardContext => ({
  accountId: 'initech',
  accounts: [
    { id: 'initech', name: 'Initech' },
    { id: 'globex', name: 'Globex Corporation' },
    { id: 'acme', name: 'Acme' },
  ],
  history: [],
  sources: [],
  ...over,
});
const reasons = (text: string, c: GuardContext = ctx()) => {
  const v = guardCustomerText(text, c);
  return v.ok ? [] : v.reasons;
};

describe('action claims', () => {
  it('finds first-person past and perfect claims of an action, in their usual forms', () => {
    const texts = [
      'I’ve issued a credit note for the difference.',
      'We have just reactivated the workspace.',
      'I had already transferred ownership before you wrote.',
      'we went ahead and waived the late fee',
      'I deleted the old exports.',
      "We've gone ahead and unlocked the account.",
    ];
    for (const t of texts) expect(actionClaims(t), t).toHaveLength(1);
  });

  it('finds passive and third-person reports of an action done, naming the action and the words', () => {
    const claims = {
      'Your refund has been processed.': ['process', 'Your refund has been processed'],
      'The duplicate charge was refunded on Monday.': ['refund', 'The duplicate charge was refunded'],
      'We have cancelled your subscription.': ['cancel', 'We have cancelled'],
      'The key has been revoked, and the old sessions with it.': ['revoke', 'The key has been revoked'],
      'A credit of EUR 40 was applied to your account.': ['apply', 'A credit of EUR 40 was applied'],
      'Our billing team has issued a credit note.': ['issue', 'Our billing team has issued'],
      'Your workspace is now unlocked.': ['unlock', 'is now unlocked'],
      'I reset your password.': ['reset', 'I reset'],
      'We’ve rolled back the deploy.': ['roll', 'We’ve rolled back'],
    };
    for (const [t, [verb, phrase]] of Object.entries(claims)) expect(actionClaims(t), t).toEqual([{ verb, phrase }]);
    expect(actionClaims('I’ve refunded and voided it, then resent the invoice.').map((c) => c.verb)).toEqual(['refund', 'void', 'resend']);
  });

  it('finds terse reports of what was done, as agents type them', () => {
    const claims = {
      'Updated! Invoices now go to the new address.': 'update',
      'Refunded.': 'refund',
      'Credit applied!': 'apply',
      'Password reset done.': 'reset',
      'Yes, payment received, thanks.': 'receive',
      "We've received your payment.": 'receive',
      'The refund went through yesterday.': 'go through',
      'Your new card is on its way.': 'send',
      'Here is your archive: [URL] (expires in 7 days).': 'send',
    };
    for (const [t, verb] of Object.entries(claims)) expect(actionClaims(t).map((c) => c.verb), t).toEqual([verb]);
  });

  it('leaves instructions, offers, futures and negations alone', () => {
    const texts = [
      'You can cancel the plan under Settings > Billing.',
      'I can refund a duplicate charge once you send the invoice number.',
      "We'll schedule the migration with you.",
      'I have not cancelled anything.',
      'Once the admin has revoked the key, create a new one.',
      'We need the order id to look into it.',
      'To get a refund, open Billing and press Request refund.',
      'Refunds are processed within 5 business days.',
      'If a credit was applied, it shows on the next invoice.',
      'The invoice will be updated tomorrow.',
      'A refund would have been issued automatically.',
      'Has your key been revoked?',
      'Reset the password under Settings > Security.',
      'You have cancelled the plan, so the seats are free again.',
      'We never charged you twice.',
      'When a payment fails, we retry it after 3 days and email the billing contact.',
      'Deleted users are removed from every workspace within an hour.',
      'Password reset: open Settings > Security and press Reset.',
      'Once the payment is received, we send a receipt.',
      'A card is usually on its way within two days of the order.',
      'Here is how to export your data: open Settings > Data.',
      'Payments received after the 25th count for the next month.',
    ];
    for (const t of texts) expect(actionClaims(t), t).toEqual([]);
  });

  it('finds reports of an action done in the other languages teams answer in, under the English verb', () => {
    const claims = {
      'Le hemos reembolsado el importe.': 'refund',
      'Hemos cancelado su suscripción.': 'cancel',
      'Reembolsado.': 'refund',
      'Wir haben Ihnen den Betrag erstattet.': 'refund',
      'Ich habe Ihr Passwort zurückgesetzt.': 'reset',
      'Ihr Konto wurde entsperrt.': 'unlock',
      'Je vous ai remboursé.': 'refund',
      'Votre abonnement a été résilié.': 'cancel',
      'Vous avez été remboursé de 40 €.': 'refund',
      'Pagamento recebido': 'receive',
      'Cancelei a assinatura.': 'cancel',
      'Il suo account è stato sbloccato.': 'unlock',
      'We hebben uw abonnement opgezegd.': 'cancel',
    };
    for (const [t, verb] of Object.entries(claims)) expect(actionClaims(t).map((c) => c.verb), t).toEqual([verb]);
  });

  it('leaves instructions, offers, conditions, questions, negations and the customer’s own doings in other languages alone', () => {
    const texts = [
      'Para reembolsar un pago, abra Ajustes > Facturación.',
      'Puede cancelar su suscripción en Ajustes.',
      'Si se ha reembolsado el pago, aparecerá en su extracto.',
      '¿Ha recibido el correo?',
      'No hemos cancelado nada.',
      'Sie können das Passwort zurücksetzen unter Einstellungen > Sicherheit.',
      'Wir senden Ihnen eine Bestätigung, sobald wir den Betrag erstattet haben.',
      'Zahlungen werden innerhalb von 5 Tagen erstattet.',
      'Sie haben Ihr Passwort zurückgesetzt, melden Sie sich neu an.',
      'Haben Sie die E-Mail erhalten?',
      'Vous avez annulé votre abonnement.',
      'Le remboursement sera effectué sous 5 jours.',
      'Se o pedido foi cancelado, o valor é devolvido em 5 dias.',
      'Depois de cancelado, o pedido não pode ser reativado.',
      'Una volta annullato, l’ordine non può essere riattivato.',
      'Les factures payées apparaissent sous Facturation > Historique.',
      'Quando il pagamento è stato ricevuto, riceverà una email.',
      'Om uw betaling te ontvangen, opent u Instellingen.',
      'Please elaborate on the error you see.',
    ];
    for (const t of texts) expect(actionClaims(t), t).toEqual([]);
  });
});

describe('the last guard on a customer-bound text', () => {
  it('lets a plain instruction through', () => {
    expect(guardCustomerText('Open Settings > Members and press "Invite".', ctx())).toEqual({ ok: true });
  });

  it('stops an action claim nobody made in this conversation, and names it', () => {
    expect(reasons('Thanks for waiting. I’ve issued a credit note for the difference.')).toEqual([expect.stringMatching(/claims an action.*I’ve issued/)]);
  });

  it('lets a description of how things go through (a participle that qualifies, a rule in the present), and stops a report beside it', () => {
    for (const text of [
      'Credits show under Billing > Credits once applied.',
      'Once the payment is received, the invoice is marked paid.',
      'Cancelled subscriptions stay active until the end of the billing period.',
      'Deleted projects are kept in the trash for 14 days and then removed for good.',
      'Your subscription is renewed automatically each year unless cancelled.',
      'In certain cases, refunds may be available for cancelled services or subscriptions.',
      'Het account is geblokkeerd na vijf mislukte pogingen.',
      'Een factuur is betaald zodra de betaling binnen is.',
    ]) expect(reasons(text), text).toEqual([]);
    expect(reasons('Your order shipped yesterday and arrives Friday.')).toEqual([expect.stringMatching(/claims an action.*shipped/)]);
    expect(reasons('Our billing team refunded the charge, which shows on your statement.')).toEqual([expect.stringMatching(/claims an action.*refunded/)]);
    expect(reasons('Uw account is gedeblokkeerd na uw verzoek.')).toEqual([expect.stringMatching(/claims an action.*gedeblokkeerd/)]);
    expect(reasons('Uw account is gedeblokkeerd.')).toEqual([expect.stringMatching(/claims an action.*gedeblokkeerd/)]);
  });

  it('stops a passive or third-person report of what was done for one customer, and lets the steps through', () => {
    expect(reasons('Your refund has been processed; it shows on your card within 5 days.')).toEqual([expect.stringMatching(/claims an action.*"Your refund has been processed"/)]);
    expect(reasons('A credit of EUR 40 was applied to your account.')).toEqual([expect.stringMatching(/claims an action/)]);
    expect(reasons('To get a refund, open Billing > Invoices and press Request refund; refunds are processed within 5 days.')).toEqual([]);
  });

  it('lets a claim through that a person on the team made in this very conversation', () => {
    const history = [{ role: 'staff' as const, text: 'I have reactivated your workspace.', at: 1 }];
    expect(reasons('We reactivated the workspace earlier today.', ctx({ history }))).toEqual([]);
    expect(reasons('We reactivated the workspace and voided the invoice.', ctx({ history }))).toEqual([expect.stringMatching(/voided/)]);
  });

  it('stops a claim in another language as in English, unless a staff turn here made it, in whichever language', () => {
    expect(reasons('Le hemos reembolsado el importe; lo verá en 5 días.')).toEqual([expect.stringMatching(/claims an action.*"Le hemos reembolsado"/)]);
    expect(reasons('Wir haben den Betrag gestern erstattet.')).toEqual([expect.stringMatching(/claims an action/)]);
    const spanish = [{ role: 'staff' as const, text: 'Hemos reembolsado el cargo duplicado.', at: 1 }];
    expect(reasons('We refunded the duplicate charge yesterday.', ctx({ history: spanish }))).toEqual([]);
    const english = [{ role: 'staff' as const, text: 'I have refunded the duplicate charge.', at: 1 }];
    expect(reasons('Reembolsado.', ctx({ history: english }))).toEqual([]);
    expect(reasons('Pagamento recebido', ctx({ history: english }))).toEqual([expect.stringMatching(/claims an action.*"Pagamento recebido"/)]);
  });

  it('stops personal data the redaction detectors find, not the marks redaction already left', () => {
    expect(reasons('Write to m.lindqvist@example.org for the key.')).toEqual(['carries personal data (email)']);
    expect(reasons('Pay to DE89 3704 0044 0532 0130 00 by Friday.')).toEqual(['carries personal data (iban)']);
    expect(reasons('Put the new secret (yours is [SECRET]) in your receiver; questions to [EMAIL].')).toEqual([]);
  });

  it('stops a text that names someone or a reference redaction took out: it tells of one customer’s case', () => {
    expect(reasons('Per our call on 12 March, [NAME] pays $18 per seat. Plan prices are under Billing > Plan.')).toEqual([expect.stringMatching(/one customer's case/)]);
    expect(reasons('The duplicate charge is on invoice [ID]; credits show under Billing > Credits.')).toEqual([expect.stringMatching(/one customer's case/)]);
    expect(reasons('Plan prices are listed under Billing > Plan.')).toEqual([]);
  });

  it('stops a text that points to a file attached to the email it was written as, and lets talk of attachments through', () => {
    expect(reasons('See the attached guide (Q3_invoice_March.pdf). To change the payment method, go to Billing > Payment methods.')).toEqual(['points to a file attached to another conversation']);
    expect(reasons("I've attached the export; any admin can run it again under Settings > Data.")).toEqual(['points to a file attached to another conversation']);
    expect(reasons('Files up to 20 MB can be attached to a message; attachments show under the message.')).toEqual([]);
  });

  it('stops a text that forwards an email or quotes one under its header block, in any of the usual languages', () => {
    expect(reasons('The audit log is under Settings.\n---------- Forwarded message ---------\nWho deleted it?')).toEqual(['quotes an earlier email']);
    expect(reasons('Re-authorise the integration.\nFrom: Support\nSent: Monday, March 2, 2026 9:14 AM')).toEqual(['quotes an earlier email']);
    expect(reasons('Open the settings.\nAm Montag um 09:14 schrieb Support-Team:')).toEqual(['quotes an earlier email']);
  });

  it('stops a person’s name the redaction had no list for, unless this conversation already named them', () => {
    expect(reasons('Invoices now go to Åsa Lindqvist; an owner can edit the address under Settings > Billing.')).toEqual(['names a person (Åsa Lindqvist)']);
    expect(reasons('Payments show in Billing > History within a day; Dmitri Ivanov knows more.')).toEqual(['names a person (Dmitri Ivanov)']);
    expect(reasons('Kalinda Nakamura-Okafor now has access. To invite a teammate, open Settings > Members.')).toEqual(['names a person (Kalinda Nakamura-Okafor)']);
    expect(reasons('Payments received are listed under Billing > History; Apple Pay and Google Pay work too.')).toEqual([]);
    expect(reasons('Open Billing Portal, then Payment Methods; reports open in Looker Studio or Power BI.')).toEqual([]);
    // The English model reads "bill" as a name, written lower-case as no name is.
    expect(reasons('Locate the specific bill and click on it to view the details.')).toEqual([]);
    expect(reasons('Ask Jürgen Weiß in finance to approve it.')).toEqual(['names a person (Jürgen Weiß)']);
    const history = [{ role: 'customer' as const, text: 'Hi, Dana Fox here: where are our invoices?', at: 1, authorName: 'Dana Fox' }];
    expect(reasons('Dana Fox, invoices are under Settings > Billing.', ctx({ history }))).toEqual([]);
  });

  it('stops a first name alone where the text speaks of a person, unless this conversation or the vendor’s docs name it', () => {
    expect(reasons('For the invoice, please check with Svetlana.')).toEqual(['names a person (Svetlana)']);
    expect(reasons('Svetlana will follow up with the new figures.')).toEqual(['names a person (Svetlana)']);
    expect(reasons('Ask Priya in billing to approve it.')).toEqual(['names a person (Priya)']);
    expect(reasons('Sign in with Okta, then open Looker under Reports.')).toEqual([]);
    expect(reasons('Check with your admin, or contact Support under Help.')).toEqual([]);
    expect(reasons('Reach out to Shopify support, or ask Hubspot docs for the limits.')).toEqual([]);
    const history = [{ role: 'customer' as const, text: 'Who handles our invoices?', at: 1, authorName: 'Svetlana Petrova' }];
    expect(reasons('Svetlana will follow up with the new figures.', ctx({ history }))).toEqual([]);
    // German writes its nouns capitalised, its pronouns too at a sentence's start: no one's name.
    expect(reasons('Ihr Konto finden Sie unter Einstellungen. Öffnen Sie Einstellungen, dann Zahlungsmethoden.')).toEqual([]);
    const doc: KnowledgeEntry = { id: 'doc:zapier.md', kind: 'doc', question: 'Zapier', answer: 'Connect Zapier under Settings > Integrations.' };
    expect(reasons('Zapier will run the flow once connected.', ctx({ sources: [doc] }))).toEqual([]);
  });

  it('lets screen labels of any language through where a step leads to them, and stops a name a step leads to', () => {
    for (const text of [
      'Ouvrez Paramètres, puis cliquez sur Sécurité.',
      'Cliquez sur Mon Compte puis sur Moyens Paiement.',
      'Abra Ajustes de Cuenta y seleccione Seguridad.',
      'Vaya a Facturación > Métodos de Pago y haga clic en Añadir Tarjeta.',
      'Klicken Sie auf Konto Einstellungen und dann auf Sicherheit.',
      'Gehen Sie zu Zahlungsmethoden Verwalten und wählen Sie Karte Hinzufügen.',
      'Clique em Métodos Pagamento e depois em Adicionar Cartão.',
      'Klik op Mijn Account en kies Wachtwoord Wijzigen.',
      'Allez dans Facturation > Factures pour télécharger vos factures.',
    ]) expect(reasons(text), text).toEqual([]);
    expect(reasons('Select Åsa Lindqvist as the approver.')).toEqual(['names a person (Åsa Lindqvist)']);
    expect(reasons('Klicken Sie auf Jürgen Weiß, er hilft Ihnen.')).toEqual(['names a person (Jürgen Weiß)']);
    expect(reasons('Invoices now go to Priya Raghunathan.')).toEqual(['names a person (Priya Raghunathan)']);
  });

  it('lets a product do what products do, and stops a name that will do what a person does', () => {
    expect(reasons('Zendesk will import your macros as shared replies.')).toEqual([]);
    expect(reasons('Slack has a limit of 50 messages per minute for each app.')).toEqual([]);
    expect(reasons('Svetlana will get back to you on Monday.')).toEqual(['names a person (Svetlana)']);
  });

  it('lets the vendor’s own docs say what they say of the vendor (a support address)', () => {
    const doc: KnowledgeEntry = { id: 'doc:help.md#contact', kind: 'doc', question: 'Contact', answer: 'Write to help@vendor.example for anything else.' };
    expect(reasons('Write to help@vendor.example for anything else.', ctx({ sources: [doc] }))).toEqual([]);
  });

  it('stops another account’s name or id, never the asker’s own', () => {
    expect(reasons('Globex Corporation had the same issue; rotate the key.')).toEqual(['names another account (globex)']);
    expect(reasons('The acme tenant uses a custom domain.')).toEqual(['names another account (acme)']);
    expect(reasons('Initech admins find this under Settings.')).toEqual([]);
  });

  it('stops a text drawn from another account’s knowledge', () => {
    const theirs: KnowledgeEntry = { id: 'kb-9', kind: 'conversation', purpose: 'answer', account: 'globex', question: 'q', answer: 'Use the export menu.' };
    expect(reasons('Use the export menu.', ctx({ sources: [theirs] }))).toEqual([expect.stringMatching(/another account's knowledge \(kb-9\)/)]);
  });

  it('stops a note that reports what the agent did with one customer, in the third person, and lets instructions about others through', () => {
    expect(reasons('User error - they were on the wrong workspace. Pointed them to Settings > Workspaces.')).toEqual(['carries internal-note text']);
    expect(reasons('Cache issue on their end; clearing it under Settings > Advanced fixes it.')).toEqual(['carries internal-note text']);
    expect(reasons('Invite teammates under Settings > Members; they receive an email and join when they accept it.')).toEqual([]);
  });

  it('stops one customer’s own deal told in the third person, with its sum or date, and lets text about customers in general through', () => {
    const theirCase = ['Their renewal is on 1 April at $18/seat.', 'Settings > Plan shows the plan. They were credited $420 on March 3.', 'We credited them 420 EUR on 2026-03-03.'];
    for (const t of theirCase) expect(reasons(t), t).toContain('carries internal-note text');
    const general = [
      'Customers on annual plans are billed on their renewal date.',
      'Refunds of $0.50 or less are not issued.',
      'Their renewal date is shown under Billing > Plan.',
      'Annual plans renew on 1 April; they are billed $18/seat.',
      'Add-on seats cost $5 per month; they will be billed on your next invoice.',
    ];
    for (const t of general) expect(reasons(t), t).toEqual([]);
  });

  it('stops remarks written for the team and stack traces, whatever source they came in', () => {
    const internal = [
      'Cx was angry. Tell them to clear their cache and log in again.',
      "Don't mention the outage to them. Clearing the cache and logging in again fixes it.",
      'Customer is on the legacy plan and threatened to churn. Exports are under Settings > Data.',
      'Note to self: check with finance first. Refunds take 5 days.',
      '(internal) escalate to tier 2 if it happens again. Restart the sync under Settings > Integrations.',
      'Clear your cache.\nError: ECONNRESET\n    at TLSSocket.onConnectEnd (node:_tls_wrap:1594:19)',
      'Traceback (most recent call last):\n  File "/srv/app/billing.py", line 88, in charge\nRetry the payment from Billing.',
      'java.lang.NullPointerException at com.vendor.billing.InvoiceService.render(InvoiceService.java:212). Try again later.',
    ];
    for (const t of internal) expect(reasons(t), t).toEqual(['carries internal-note text']);
    const forCustomers = [
      'If a customer has SSO enabled, members sign in through their identity provider.',
      'Tell your admin to allow mail from our domain; never share your password with anyone.',
      'The error "at least one seat is required" means the plan has no seats left.',
    ];
    for (const t of forCustomers) expect(reasons(t), t).toEqual([]);
  });

  it('stops a text that quotes the email it replied to', () => {
    expect(reasons('Owners change the plan under Settings > Plan.\n\nOn Mon, 5 Oct 2026 at 09:12, someone wrote:\n> we want more seats')).toEqual(['quotes an earlier email']);
    expect(reasons('Owners change the plan under Settings > Plan.\n-----Original Message-----\nwe want more seats')).toEqual(['quotes an earlier email']);
    expect(reasons('On the Plan page, owners change the plan.')).toEqual([]);
  });

  it('stops a text that repeats a source’s internal note, or is labelled as one', () => {
    const source: KnowledgeEntry = {
      id: 'kb-3', kind: 'conversation', purpose: 'answer', question: 'q', answer: 'a',
      turns: [{ role: 'internal', text: 'Passing this to billing, they own every proration question here.' }],
    };
    expect(reasons('Passing this to billing, they own every proration question here.', ctx({ sources: [source] }))).toEqual(['carries internal-note text']);
    expect(reasons('Internal note: customer is on the legacy plan.')).toEqual(['carries internal-note text']);
    expect(reasons('Billing owns proration questions.', ctx({ sources: [source] }))).toEqual([]);
  });
});
