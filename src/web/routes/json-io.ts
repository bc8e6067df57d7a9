import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';

/** Bodies are small forms; anything bigger is refused rather than buffered. */
const MAX_BODY_BYTES = 64 * 1024;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The request's JSON body checked against `schema`; on anything else, a 400 naming the problem is sent and undefined returned. */
export async function readJson<S extends z.ZodType>(req: IncomingMessage, res: ServerResponse, schema: S): Promise<z.infer<S> | undefined> {
  const text = await readBody(req);
  if (text === undefined) return void sendJson(res, 413, { error: 'The request body is too large.' });
  let value: unknown;
  try {
    value = JSON.parse(text || '{}');
  } catch {
    return void sendJson(res, 400, { error: 'The request body is not JSON.' });
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  // The playground's own messages are whole sentences for the person at the keyboard; zod's own name their field.
  const said = (i: z.core.$ZodIssue) => (/^[A-Z].*\.$/.test(i.message) ? i.message : `${i.path.join('.') || 'body'}: ${i.message}`);
  return void sendJson(res, 400, { error: parsed.error.issues.map(said).join(' ') });
}
