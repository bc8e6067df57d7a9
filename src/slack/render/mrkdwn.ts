/** Slack mrkdwn control characters: escaping them stops user text from forming mentions such as <!channel>. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts text to a Block Kit field limit, marking the cut so nobody mistakes it for the whole. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1)}\u2026`;
}

/** A time shown in each reader's own timezone; the fallback is UTC for clients that cannot format it. */
export function slackDate(epochMs: number, format = '{date_short_pretty} at {time}'): string {
  const seconds = Math.floor(epochMs / 1000);
  const fallback = `${new Date(epochMs).toISOString().replace('T', ' ').slice(0, 16)} UTC`;
  return `<!date^${seconds}^${format}|${fallback}>`;
}

export function link(url: string, label: string): string {
  return `<${url.replace(/[<>|]/g, '')}|${escapeMrkdwn(label).replace(/\|/g, '/')}>`;
}

/**
 * Knowledge answers are Markdown; Slack reads mrkdwn: **bold** and __bold__ become *bold*, and a link
 * becomes "text (url)" so the address the customer follows is the one they see. Escapes first, so the
 * answer's own text can never form a mention.
 */
export function markdownToMrkdwn(markdown: string): string {
  return escapeMrkdwn(markdown)
    .replace(/\*\*(.+?)\*\*|__(.+?)__/g, (_, a?: string, b?: string) => `*${a ?? b}*`)
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '$1 ($2)');
}

/**
 * The Slack users among `ids` as mentions, with a space after: rendered here from ids the config holds
 * (a lead may be `teams:…`, mentioned in Teams only), while the text beside them is escaped like any other.
 */
export function slackMentions(ids: string[]): string {
  const who = ids.filter((m) => /^[UW][A-Z0-9]+$/.test(m)).map((m) => `<@${m}>`).join(' ');
  return who ? `${who} ` : '';
}
