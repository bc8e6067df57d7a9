import { describe, expect, it } from 'vitest';
import { redact } from '../../../src/core/feedback/redact.js';

describe('redact', () => {
  it('takes out emails, phone numbers, card numbers and secrets, and leaves ordinary numbers', () => {
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
    expect(out).toContain('Order 12345, invoice 2024-17.');
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

  it('leaves ISO dates and IP addresses readable', () => {
    const text = 'Fixed in the 2024-11-05 release; allow 192.168.100.200 and 10.0.0.1 in the firewall.';
    expect(redact(text)).toBe(text);
    expect(redact('Since 2024-11-05 10:00 UTC, call +44 20 7946 0958.')).toBe('Since 2024-11-05 10:00 UTC, call [PHONE].');
  });

  it('leaves a long number that is not a card (fails the Luhn check) alone', () => {
    expect(redact('Ticket 1234567890123')).toBe('Ticket 1234567890123');
  });
});
