import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The parts of a chat completions request the fake reads. */
export interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { name: string; schema: unknown } };
}

/** What the fake does with one request: answer with this content, fail with a status, or hang. */
export type FakeReply = { content: string } | { status: number; message: string } | { hang: true };

export interface FakeOpenAi {
  url: string;
  /** Every request received, in order, to assert on what reached the model. */
  requests: ChatRequest[];
  /** The Authorization header of each request (undefined when none was sent), in the same order. */
  authorizations: (string | undefined)[];
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A real HTTP server on loopback speaking the OpenAI chat completions API (POST /v1/chat/completions,
 * JSON in, a chat.completion out, OpenAI-shaped errors). `reply` decides each answer.
 */
export async function startFakeOpenAi(reply: (req: ChatRequest) => FakeReply): Promise<FakeOpenAi> {
  const requests: ChatRequest[] = [];
  const authorizations: (string | undefined)[] = [];
  const hanging = new Set<import('node:http').ServerResponse>();
  const server: Server = createServer(async (req, res) => {
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found', type: 'invalid_request_error' } }));
      return;
    }
    const parsed = JSON.parse(await body(req)) as ChatRequest;
    requests.push(parsed);
    authorizations.push(req.headers.authorization);
    const r = reply(parsed);
    if ('hang' in r) return void hanging.add(res);
    if ('status' in r) {
      res.writeHead(r.status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: r.message, type: 'server_error' } }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id: `chatcmpl-${requests.length}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: parsed.model,
        choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: r.content, refusal: null } }],
        usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    authorizations,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The user message's JSON document (question, conversation, sources) as Baton sends it. */
export function userDocument(req: ChatRequest): { question: string; conversation: string[]; sources: { id: string; title: string; text: string }[] } {
  const user = [...req.messages].reverse().find((m) => m.role === 'user');
  return JSON.parse(user?.content ?? '{}');
}
