import { describe, expect, it } from 'vitest';
import { redact } from '../../../src/core/feedback/redact.js';

describe('redact', () => {
  it('takes out emails, phone numbers, card numbers, secrets and order numbers, and leaves ordinary numbers', () => {
    const text =
      'Mail jane.doe@acme.example or call +44 20 7946 0958. Card 4111 1111 1111 1111 was charged. ' +
      'Token xoxb-1234567890-abcdefghij, key sk-proj_abcdefghijklmnop1234, password: hunter2secret. Order 12345, invoice 2024-17.';
    const out = redact(text);
    for (const leaked of ['jane.doe@acme.example', '7946 0958', '4111 1111 1111 1111', 'xoxb-1234567890', 'sk-proj_abcdefghijklmnop1234', 'hunter2secret']) {
      expect(out).not.toContain(leaked);
    }
    expect(out).toContain('[EMAIL]');
    expect(out).toContain('[PHONE]');
    expect(out).toContain('[CARD]');
    expect(out).toContain('[SECRET]');
    expect(out).toContain('Order [ID], invoice 2024-17.');
  });

  it('takes out service keys written as a prefix, an underscore and a long random part', () => {
    const keys = ['whsec_5f2b7c9d8e1a4b3c6d0e9f8a7b6c5d4e', 'sk_live_51H8abcdefghijklmnopqrstu', 'rk_test_4eC39HqLyjWDarjtT1zdp7dc'];
    const out = redact(`Your signing secret is ${keys[0]}; the keys were ${keys[1]} and ${keys[2]}. See webhook_settings_page.`);
    for (const key of keys) expect(out).not.toContain(key);
    expect(out).toContain('See webhook_settings_page.');
  });

  it('takes out values named as secrets but leaves sentences about tokens readable', () => {
    const out = redact('The API token expires after 30 days. Use password: correct-horse, then token=abc123xyz and pwd hunter22.');
    expect(out).toBe('The API token expires after 30 days. Use password: [SECRET], then token=[SECRET] and pwd [SECRET].');
  });

  it('takes out phone numbers written the usual ways', () => {
    for (const phone of ['+44 20 7946 0958', '(415) 555-0100', '415-555-0100', '+1 (415) 555-0100', '415.555.0100']) {
      expect(redact(`Call me on ${phone} after lunch.`)).toBe('Call me on [PHONE] after lunch.');
    }
  });

  it('takes out phone numbers whose area code a slash parts, and leaves dates and fractions with slashes', () => {
    for (const phone of ['0171/2345678', '089 / 123 45 67', '+49 171/2345678']) {
      expect(redact(`Ruf mich unter ${phone} an.`)).toBe('Ruf mich unter [PHONE] an.');
    }
    const text = 'Since 12/03/2026 (or 2026/03/12), 1/2 of the seats and 120/340 GB.';
    expect(redact(text, { regions: ['DE'] })).toBe(text);
  });

  it('leaves ISO dates and IP addresses readable', () => {
    const text = 'Fixed in the 2024-11-05 release; allow 192.168.100.200 and 10.0.0.1 in the firewall.';
    expect(redact(text)).toBe(text);
    expect(redact('Since 2024-11-05 10:00 UTC, call +44 20 7946 0958.')).toBe('Since 2024-11-05 10:00 UTC, call [PHONE].');
  });

  it('leaves a long number that is not a card (fails the Luhn check) alone', () => {
    expect(redact('Build 1234567890123 is out')).toBe('Build 1234567890123 is out');
  });

  it('takes out IBANs spaced or run together, and card numbers however they are spaced', () => {
    const out = redact('Refund to DE89 3704 0044 0532 0130 00 or GB82WEST12345698765432; card 4111 11 1111111 111 or 5500-0000-0000-0004.');
    expect(out).toBe('Refund to [IBAN] or [IBAN]; card [CARD] or [CARD].');
    expect(redact('Model AB12 3456 7890 1234 ships soon')).toBe('Model AB12 3456 7890 1234 ships soon');
  });

  it('takes out phone numbers with no separators, with a trunk prefix, and local ones', () => {
    for (const phone of ['7185550123', '+49 (0)30 9876543', '555-0182', '+1 (212) 555-0182']) {
      expect(redact(`Ring ${phone} today.`)).toBe('Ring [PHONE] today.');
    }
  });

  it('takes out Google API keys, street addresses, ticket and order references and self-introductions', () => {
    const out = redact("I'm Dana Fox. Key AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY; we moved to 12 Harbour Street and Hauptstraße 5. See INV-20931, order 558812, #35436, cus_Q8xLm2Zt.");
    expect(out).toBe("I'm [NAME]. Key [SECRET]; we moved to [ADDRESS] and [ADDRESS]. See [ID], order [ID], [ID], [ID].");
  });

  it('takes out URLs on the customer\u2019s own domains and keeps the vendor\u2019s', () => {
    const out = redact('Mail dana@initech.example: https://app.initech.example/admin/sso fails; see https://docs.vendor.example/sso.');
    expect(out).toBe('Mail [EMAIL]: [URL] fails; see https://docs.vendor.example/sso.');
    expect(redact('Open https://portal.acme.example/t/991', { customerDomains: ['acme.example'] })).toBe('Open [URL]');
  });

  it('takes out names greeted, thanked and signed in any script and in the usual languages, whole', () => {
    const cases: Record<string, string> = {
      'Hi Jörg,\nthe refund is on its way.': 'Hi [NAME],\nthe refund is on its way.',
      'Hej Åsa, the address is updated.': 'Hej [NAME], the address is updated.',
      'Hola María José, the decline came from your bank.': 'Hola [NAME], the decline came from your bank.',
      'Dear Siobhán O’Connor, thanks for waiting.': 'Dear [NAME], thanks for waiting.',
      'Bonjour Zoë, voici la procédure.': 'Bonjour [NAME], voici la procédure.',
      'Yes, payment received, thanks Dmitri Ivanov. Payments show within a day.': 'Yes, payment received, thanks [NAME]. Payments show within a day.',
      'Best regards,\nTomasz Wiśniewski\nSupport Engineer': 'Best regards,\n[NAME]\nSupport Engineer',
      'Met vriendelijke groet,\nDaan': 'Met vriendelijke groet,\n[NAME]',
      'Mit freundlichen Grüßen\nJürgen Weiß': 'Mit freundlichen Grüßen\n[NAME]',
    };
    for (const [text, redacted] of Object.entries(cases)) expect(redact(text), text).toBe(redacted);
    expect(redact('Hi there, thanks for the details. Thanks Team!')).toBe('Hi there, thanks for the details. Thanks Team!');
  });

  it('takes out links that carry a credential, the last digits of a card, and tracking and transaction numbers', () => {
    expect(redact('Your archive: https://files.vendor.example/d/8f3a9c?sig=Zx81kQ (7 days).')).toBe('Your archive: [URL] (7 days).');
    expect(redact('Reset at https://app.vendor.example/reset?token=abc123def456 now.')).toBe('Reset at [URL] now.');
    expect(redact('See https://docs.vendor.example/export?lang=en for the steps.')).toBe('See https://docs.vendor.example/export?lang=en for the steps.');
    expect(redact('Refunded to your Visa ending 4242 and card ending in 5555.')).toBe('Refunded to your Visa ending [CARD] and card ending in [CARD].');
    expect(redact('Shipped with tracking number 1Z999AA10123456784, transaction 80123456.')).toBe('Shipped with tracking number [ID], transaction [ID].');
  });

  it('takes out a UK or US address whole, its city and postcode after it, and references of several parts', () => {
    expect(redact('Ship to 221B Baker Street, London NW1 6XE by Friday.')).toBe('Ship to [ADDRESS] by Friday.');
    expect(redact('Mail it to 500 W 5th Ave, Springfield, IL 62704 please.')).toBe('Mail it to [ADDRESS] please.');
    expect(redact('Re-issued invoice INV-2026-0913 and order ORD-88-1234-XY.')).toBe('Re-issued invoice [ID] and order [ID].');
  });

  it('takes out US social security numbers, IBANs written in lower case or with dashes, passwords, PINs and card codes', () => {
    expect(redact('My SSN is 123-45-6789.')).toBe('My SSN is [ID].');
    expect(redact('IBAN: gb82 west 1234 5698 7654 32, or DE89-3704-0044-0532-0130-00.')).toBe('IBAN: [IBAN], or [IBAN].');
    expect(redact('Login: jmueller / pw: Sommer2024! and PIN 4821.')).toBe('Login: jmueller / pw: [SECRET]! and PIN [SECRET].');
    expect(redact('Card [CARD] exp 12/27, CVV 123.')).toBe('Card [CARD] exp 12/27, CVV [SECRET].');
    expect(redact('Write to maria(at)acme.example or j.doe [at] globex [dot] com.')).toBe('Write to [EMAIL] or [EMAIL].');
  });

  it('takes out links that let whoever holds them in: invitations, shared files, attachments by token', () => {
    for (const link of [
      'https://app.vendor.example/invite/7f9c2b1e-1c2d-4e5f-9a8b-0c1d2e3f4a5b',
      'https://drive.google.com/file/d/1AbCdEfGhIjKlMnOpQrStUvWxYz012345/view?usp=sharing',
      'https://acme.zendesk.com/attachments/token/AbC123xyz/?name=invoice.pdf',
    ]) expect(redact(`Open ${link} now.`), link).toBe('Open [URL] now.');
    expect(redact('See https://support.vendor.example/hc/en-us/articles/360001234567-Export-your-data now.')).toBe('See https://support.vendor.example/hc/en-us/articles/360001234567-Export-your-data now.');
  });

  it('takes out a known name in its possessive and as a part of a hyphenated word', () => {
    const isName = (w: string) => w === 'initech';
    expect(redact("Initech's admins export everything; the Initech-wide flag is on.", { isName })).toBe('[NAME] admins export everything; the [NAME] flag is on.');
    expect(redact('Any admin can export everything.', { isName })).toBe('Any admin can export everything.');
  });

  it('leaves a dotted date alone: a trunk prefix (01.04.2026) does not make it a phone number', () => {
    expect(redact('Ab 01.04.2026 gilt der neue Preis; Fragen an 030 12345678.')).toBe('Ab 01.04.2026 gilt der neue Preis; Fragen an [PHONE].');
  });

  it('takes out French numbers written with dots, and leaves dotted dates, versions, IP addresses and amounts', () => {
    for (const phone of ['06.12.34.56.78', '01.23.45.67.89', '+33 6.12.34.56.78', '+33.6.12.34.56.78']) {
      expect(redact(`Appelez-moi au ${phone}.`), phone).toBe('Appelez-moi au [PHONE].');
    }
    const kept = 'Due 01.04.2026. Fixed in 1.2.3 and v2.10.4; allow 192.168.1.20 and 10.0.0.1. We refunded 1234.56 EUR, then 1.234.567.89.';
    expect(redact(kept)).toBe(kept);
  });

  it('takes out a number written as North American numbers are, one libphonenumber refuses too (area code 555)', () => {
    expect(redact('Bill: +1 555 201 7788, cell (555) 201-7788, desk 555-201-7788.')).toBe('Bill: [PHONE], cell [PHONE], desk [PHONE].');
    expect(redact('The server at 10.201.77.88 answers on port 8443.')).toBe('The server at 10.201.77.88 answers on port 8443.');
  });
});

