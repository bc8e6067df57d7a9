import { describe, expect, it } from 'vitest';
import { redact } from '../../../src/core/feedback/redact.js';
import { approvedTextRedactor } from '../../../src/core/feedback/redact-approved.js';

/** What a privacy reviewer plants in a support thread, and what must be gone from what is kept of it. */
describe('redaction a privacy reviewer would accept', () => {
  it('takes out national phone numbers written without a country code', () => {
    for (const phone of ['07911 123456', '030 12345678', '06 12 34 56 78', '020 7946 0777']) {
      expect(redact(`Call me back on ${phone} please.`)).toBe('Call me back on [PHONE] please.');
    }
    expect(redact('Ring 612 345 678.')).toBe('Ring 612 345 678.');
    expect(redact('Ring 612 345 678.', { regions: ['ES'] })).toBe('Ring [PHONE].');
    expect(redact('Version 2.14.0 shipped on 2025-11-30; 1,240.00 EUR refunded; 45 seats.')).toBe('Version 2.14.0 shipped on 2025-11-30; 1,240.00 EUR refunded; 45 seats.');
  });

  it('takes out EU, UK and Swiss VAT ids, spaced or not', () => {
    const out = redact('VAT DE123456789, GB 123 4567 89, NL123456789B01, FR40303265045, ATU12345678 and CHE-123.456.789 MWST.');
    expect(out).toBe('VAT [VAT], [VAT], [VAT], [VAT], [VAT] and [VAT].');
    expect(redact('ESCALATED to DEV team')).toBe('ESCALATED to DEV team');
  });

  it('takes out street addresses beyond the US, UK and Germany, with postcode and city', () => {
    const out = redact('Ship to 12 rue de la Paix, 75002 Paris, or Keizersgracht 123, 1015 CJ Amsterdam, or Via Roma 10, 00184 Roma, or Calle Mayor 5, 28013 Madrid, or Storgatan 5, 114 51 Stockholm.');
    expect(out).toBe('Ship to [ADDRESS], or [ADDRESS], or [ADDRESS], or [ADDRESS], or [ADDRESS].');
    expect(redact('Our office: Hauptstraße 5, 10115 Berlin.')).toBe('Our office: [ADDRESS].');
  });

  it('takes out secrets: env-style keys, PEM private keys, GitLab, SendGrid, Twilio and Google keys', () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n-----END RSA PRIVATE KEY-----';
    const keys = [
      'TWILIO_API_KEY=SK0123456789abcdef0123456789abcdef',
      'STRIPE_SECRET_KEY="rk_live_thisisnotarealkey"',
      'glpat-xxxxxxxxxxxxxxxxxxxx1234',
      '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',
      'SK0123456789abcdef0123456789abcdef',
      'AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUv',
    ];
    const out = redact(`Our config:\n${keys.join('\n')}\n${pem}\nThanks`);
    expect(out).not.toMatch(/SK0123|rk_live|glpat-x|ngeVfQ|AIzaSy|MIIEow|VTLw7o/);
    expect(out).toContain('TWILIO_API_KEY=[SECRET]');
    expect(out).toContain('STRIPE_SECRET_KEY=[SECRET]');
  });

  it('takes out card numbers with double spaces or dots', () => {
    expect(redact('Cards 4242  4242  4242  4242 and 5105.1051.0510.5100 were charged.')).toBe('Cards [CARD] and [CARD] were charged.');
  });

  it('takes out names after greetings and sign-offs, and keeps the vendor\u2019s own support address', () => {
    expect(redact('Hi Maria,\nPlease write to support@vendor.example or priya@acme.example.\nKind regards,\nTom Baker', { keep: ['support@vendor.example'] })).toBe(
      'Hi [NAME],\nPlease write to support@vendor.example or [EMAIL].\nKind regards,\n[NAME]',
    );
    expect(redact('Dear Mr Smith, Best practices are in the guide. Hello there!')).toBe('Dear Mr [NAME], Best practices are in the guide. Hello there!');
  });

  it('approved text: every account of the policy is another customer\u2019s detail; support addresses stay', () => {
    const clean = approvedTextRedactor({ accounts: [{ id: 'globex', name: 'Globex Industries', tier: 'x', channels: ['C1'], mode: 'autopilot', channel_modes: {} }], vendor: { name: 'V', product_hosts: [], support_addresses: ['help@vendor.example'] } }, ['Jonas Weber']);
    expect(clean('Globex Industries (VAT DE123456789) asked Jonas to call 030 12345678; TWILIO_API_KEY=SK0123456789abcdef0123456789abcdef; write to help@vendor.example.')).toBe(
      '[NAME] (VAT [VAT]) asked [NAME] to call [PHONE]; TWILIO_API_KEY=[SECRET]; write to help@vendor.example.',
    );
  });
});
