import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/infra/knowledge/html-text.js';

describe('the plain text of an HTML message body', () => {
  it('leaves out the signature block a mail client or helpdesk marks as one, and images', () => {
    const zendesk = '<p>Upload the certificate under Settings &gt; Security.</p><div class="signature"><p>Priya Raghunathan</p><p>Support Engineer, Vendor Inc.</p></div>';
    expect(plainText(zendesk)).toBe('Upload the certificate under Settings > Security.');
    const gmail = '<div dir="ltr">Use Export.<br><div class="gmail_signature" data-smartmail="gmail_signature">Priya R.<br>Vendor Inc. | +1 415 555 0134<img src="cid:logo"></div></div>';
    expect(plainText(gmail)).toBe('Use Export.');
  });

  it('keeps the lines of an ordinary body, with its links', () => {
    expect(plainText('<p>Open <a href="https://docs.vendor.example/sso">the SSO guide</a>.</p><p>Then press <b>Save</b>.</p>')).toBe('Open the SSO guide [https://docs.vendor.example/sso].\n\nThen press Save.');
  });
});
