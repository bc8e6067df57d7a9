import { describe, expect, it } from 'vitest';
import { fromMarkdown } from '../../src/infra/knowledge/markdown-doc.js';
import { markdownToMrkdwn } from '../../src/slack/render/mrkdwn.js';

const DOC = `# Signing in

## I forgot my password

On the sign-in page press **Forgot password?** and enter your work email. The reset link arrives
within a few minutes; see [the help centre](https://help.example.com/reset) for SSO workspaces.

- Links expire after one hour
- SSO users reset with their identity provider

## Roles

Admins manage billing and members; Members create content; Viewers only read. Change a role from
the menu at the end of the person's row.
`;

describe('Markdown docs in the knowledge base', () => {
  const { entries } = fromMarkdown(DOC, 'docs/sign-in.md');

  it('stores the answer as Markdown with wrapped lines joined and lists kept, for each platform to render', () => {
    const answer = entries[0]!.answer!;
    expect(answer).toContain('press **Forgot password?** and enter your work email. The reset link arrives within a few minutes;');
    expect(answer).toContain('see [the help centre](https://help.example.com/reset)');
    expect(answer).toContain('\n\n- Links expire after one hour\n- SSO users reset');
  });

  it('reads in Slack as mrkdwn: bold as *bold*, links readable, nothing that forms a mention', () => {
    const text = markdownToMrkdwn(`${entries[0]!.answer!} <!channel>`);
    expect(text).toContain('press *Forgot password?* and enter');
    expect(text).toContain('see the help centre (https://help.example.com/reset)');
    expect(text).not.toContain('**');
    expect(text).toContain('&lt;!channel&gt;');
  });

  it('matches a question-like heading on its own, and a bare topic heading with its lead paragraph', () => {
    expect(entries[0]!.question).toBe('I forgot my password');
    expect(entries[1]!.question).toMatch(/^Signing in: Roles\nAdmins manage billing/);
  });
});
