/**
 * The ack-path bench's sender. It shares the machine with the server it measures, so it does as little
 * per event as it can and the server, not the sender, sets the pace: every event is serialized and
 * signed before the clock starts (Slack's side of the work, not the server's), and sent over keep-alive
 * node:http connections, `concurrency` at a time. Signatures stay valid for Bolt's 300 s window.
 */
import { Agent, request } from 'node:http';
import type { EventCallback } from '../test/fakes/slack-event-payloads.js';
import { signSlackRequest } from '../test/fakes/slack-signature.js';

export interface SignedEvent {
  body: Buffer;
  headers: Record<string, string | number>;
}

export function signEvents(envelopes: EventCallback[], secret: string): SignedEvent[] {
  const now = Math.floor(Date.now() / 1000);
  return envelopes.map((envelope) => {
    const raw = JSON.stringify(envelope);
    const body = Buffer.from(raw);
    return { body, headers: { 'content-type': 'application/json', 'content-length': body.length, ...signSlackRequest(raw, secret, now) } };
  });
}

/** Posts every event once; resolves with how many the server acknowledged (2xx) and how long it all took. */
export async function postAll(url: string, events: SignedEvent[], concurrency: number): Promise<{ acked: number; seconds: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const { hostname, port, pathname } = new URL(url);
  const post = (event: SignedEvent) =>
    new Promise<boolean>((resolve) => {
      const req = request({ agent, hostname, port, path: pathname, method: 'POST', headers: event.headers }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300));
      });
      req.on('error', () => resolve(false));
      req.end(event.body);
    });
  let next = 0;
  let acked = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < events.length) if (await post(events[next++]!)) acked += 1;
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return { acked, seconds: (performance.now() - started) / 1000 };
}
