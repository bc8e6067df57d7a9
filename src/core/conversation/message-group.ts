import type { InboundMessage } from '../model/message.js';

/**
 * A group of messages held together is cut into runs: consecutive customer messages form one request;
 * each staff message stands alone (a staff reply takes the thread over before what follows is decided).
 */
export function runsOfOneRequest(msgs: InboundMessage[]): InboundMessage[][] {
  const runs: InboundMessage[][] = [];
  for (const msg of msgs) {
    const last = runs.at(-1);
    if (last && msg.author.isExternal && last[0]!.author.isExternal) last.push(msg);
    else runs.push([msg]);
  }
  return runs;
}

/** The request a run of customer messages makes: their texts (and files) in order, as of the latest. */
export function combinedMessage(msgs: InboundMessage[]): InboundMessage {
  const last = msgs.at(-1)!;
  const files = msgs.flatMap((m) => m.files ?? []);
  const { files: _lastFiles, ...rest } = last;
  return { ...rest, text: msgs.map((m) => m.text.trim()).filter(Boolean).join('\n'), ...(files.length > 0 ? { files } : {}) };
}
