/** What the playground's page sends with a change: JSON, its own origin, and the token it was served with. */
export interface PageClient {
  call(path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }>;
}

/** The token served in the page, read as the browser reads it. */
export async function pageToken(url: string): Promise<string> {
  const html = await (await fetch(url)).text();
  const m = /<meta name="baton-page-token" content="([^"]+)">/.exec(html);
  if (!m) throw new Error('the page carries no token');
  return m[1]!;
}

/** GETs as the page does, and POSTs (a string body is sent as is) with the page's headers. */
export async function pageClient(url: string): Promise<PageClient> {
  const token = await pageToken(url);
  return {
    async call(path, body) {
      const headers = { 'content-type': 'application/json', origin: url, 'x-baton-page-token': token };
      const init = body === undefined ? {} : { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) };
      const res = await fetch(`${url}${path}`, init);
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    },
  };
}
