/**
 * Slack mrkdwn as the core wants it: links as their URL (page context needs them), the bot's own
 * mention removed, user mentions as @id, entities decoded.
 */
export function plainText(mrkdwn: string, botUserId?: string): string {
  let text = mrkdwn;
  if (botUserId) text = text.replaceAll(`<@${botUserId}>`, '');
  return text
    .replace(/<(https?:\/\/[^|>]+)(?:\|[^>]*)?>/g, '$1')
    .replace(/<mailto:([^|>]+)(?:\|[^>]*)?>/g, '$1')
    .replace(/<@([A-Z0-9]+)(?:\|([^>]*))?>/g, (_, id: string, name?: string) => `@${name ?? id}`)
    .replace(/<!(\w+)(?:\|[^>]*)?>/g, '@$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}
