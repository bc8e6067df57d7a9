import type { Turn } from '../model/message.js';

const URL_PATTERN = /https?:\/\/[^\s<>|"')\]]+/gi;

/**
 * The product page the customer is on: the latest URL in the conversation on one of the product's hosts
 * (or any URL when no host is configured). Returned as host + path, without query strings or fragments,
 * which may carry tokens.
 */
export function pageContext(turns: readonly Turn[], productHosts: readonly string[]): string | undefined {
  for (let i = turns.length - 1; i >= 0; i--) {
    const turn = turns[i];
    if (turn?.role !== 'customer') continue;
    const urls = turn.text.match(URL_PATTERN) ?? [];
    for (let j = urls.length - 1; j >= 0; j--) {
      const page = productPage(urls[j] ?? '', productHosts);
      if (page) return page;
    }
  }
  return undefined;
}

function productPage(raw: string, productHosts: readonly string[]): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  const host = url.hostname.toLowerCase();
  const known = productHosts.length === 0 || productHosts.some((h) => host === h || host.endsWith(`.${h}`));
  return known ? `${host}${url.pathname}` : undefined;
}
