import type { HandoffPacket } from '../../core/handoff/handoff-packet.js';
import type { Citation } from '../../core/model/decision.js';
import type { CsatPrompt } from '../../core/model/csat-prompt.js';
import type { WhyView } from './why-view.js';

/** A message in a customer's room, as the page shows it. `html` is already escaped and safe to insert. */
export interface RoomMessage {
  type: 'message';
  room: string;
  thread: string;
  id: string;
  role: 'customer' | 'bot' | 'staff';
  author: string;
  at: number;
  html: string;
  sources?: Citation[];
  offerHuman?: { label: string; footer: string; conversationKey: string };
  /** Helpful / Not helpful; `answer` is the value the page sends back (model/answer-ref.ts). */
  feedback?: { helpful: string; notHelpful: string; answer: string };
  csat?: CsatPrompt;
  deliveryId?: string;
}

/** Everything the playground's pages are told about, in the order it happened. */
export type PlaygroundEvent =
  | RoomMessage
  | { type: 'csat-done'; room: string; id: string; text: string }
  | { type: 'feedback-done'; room: string; id: string; text: string }
  /** `draftHtml`: Baton's draft answer (Markdown) as the page shows it, escaped like every message. */
  | { type: 'packet'; board: string; id: string; at: number; packet: HandoffPacket; draftHtml?: string; deliveryId?: string }
  | { type: 'internal'; board: string; id: string; packetId: string; text: string; at: number; deliveryId?: string }
  | { type: 'alert'; board: string; id: string; text: string; at: number; deliveryId: string }
  /** `pressed`: the button a customer pressed (Talk to a person, Not helpful), shown as a line of its own in the thread. */
  | { type: 'why'; room: string; thread: string; messageId: string; why: WhyView; pressed?: string }
  | { type: 'digest'; room: string; id: string; at: number; svg: string; title: string; deliveryId: string }
  | { type: 'reset' };
