/** Everything the feed told this page, kept so any view can be drawn from it. */
export const state = {
  setup: undefined,
  /** room -> thread -> { root time, messages[] } */
  rooms: new Map(),
  /** packet id -> { packet event, internal notes[] } */
  packets: new Map(),
  alerts: [],
  digests: [],
  /** message id -> why */
  why: new Map(),
  csatDone: new Map(),
};

function threadOf(room, thread, at) {
  if (!state.rooms.has(room)) state.rooms.set(room, new Map());
  const threads = state.rooms.get(room);
  if (!threads.has(thread)) threads.set(thread, { at, messages: [] });
  return threads.get(thread);
}

export function apply(e) {
  switch (e.type) {
    case 'message':
      threadOf(e.room, e.thread, e.at).messages.push(e);
      break;
    case 'why':
      state.why.set(e.messageId, e.why);
      // A button press has no message of its own: it shows as a line in its thread, naming the button.
      if (e.pressed) threadOf(e.room, e.thread, Date.now()).messages.push({ ...e, role: 'action', at: Date.now() });
      break;
    case 'csat-done':
    case 'feedback-done':
      // Either way the message's buttons give way to the text: one map serves both.
      state.csatDone.set(e.id, e.text);
      break;
    case 'packet': {
      const known = state.packets.get(e.id);
      state.packets.set(e.id, { ...e, internal: known?.internal ?? [] });
      break;
    }
    case 'internal':
      state.packets.get(e.packetId)?.internal.push(e);
      break;
    case 'alert':
      state.alerts.push(e);
      break;
    case 'digest':
      state.digests.push(e);
      break;
    case 'reset':
      for (const key of ['rooms', 'packets', 'why', 'csatDone']) state[key].clear();
      state.alerts.length = 0;
      state.digests.length = 0;
      break;
  }
}
