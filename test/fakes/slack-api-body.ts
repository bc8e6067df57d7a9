/**
 * Decodes a Web API request body the way Slack does, so the fake accepts exactly what
 * `@slack/web-api` v8 sends: `application/x-www-form-urlencoded` with nested values
 * JSON-encoded as strings (blocks, view, files, ...), a JSON body, or multipart/form-data
 * (the client switches to multipart when an argument is a Buffer).
 */
import type { IncomingHttpHeaders } from 'node:http';

export type ApiArgs = Record<string, unknown>;

export interface DecodedRequest {
  args: ApiArgs;
  /** Bearer token from the Authorization header, else the legacy `token` argument. */
  token: string | undefined;
  contentType: string;
}

/** Arguments whose form value is a JSON document, not a plain string. */
const JSON_ARGS = new Set(['blocks', 'attachments', 'view', 'files', 'metadata', 'unfurls', 'user_auth_blocks']);

export async function decodeApiRequest(headers: IncomingHttpHeaders, raw: Buffer): Promise<DecodedRequest> {
  const contentType = (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const args = await decodeArgs(headers, raw, contentType);
  const auth = headers.authorization;
  const bearer = typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : undefined;
  const token = bearer ?? (typeof args.token === 'string' ? args.token : undefined);
  delete args.token;
  return { args, token, contentType };
}

async function decodeArgs(headers: IncomingHttpHeaders, raw: Buffer, contentType: string): Promise<ApiArgs> {
  if (raw.length === 0) return {};
  if (contentType === 'application/json') {
    const parsed: unknown = JSON.parse(raw.toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? { ...parsed } : {};
  }
  if (contentType === 'multipart/form-data') {
    // Let undici's multipart parser do the work: it is what Node's fetch uses anyway.
    const form = await new Response(raw, { headers: { 'content-type': String(headers['content-type']) } }).formData();
    const out: ApiArgs = {};
    for (const [key, value] of form.entries()) {
      out[key] = typeof value === 'string' ? decodeFormValue(key, value) : Buffer.from(await value.arrayBuffer());
    }
    return out;
  }
  const out: ApiArgs = {};
  for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) out[key] = decodeFormValue(key, value);
  return out;
}

/**
 * A form value for a JSON argument is parsed; an unparseable one is kept as the raw string so the
 * method can answer `invalid_blocks_format` / `invalid_arguments` like Slack.
 */
function decodeFormValue(key: string, value: string): unknown {
  if (!JSON_ARGS.has(key)) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}
