import type { Decision } from '../model/decision.js';
import type { Conversation } from './conversation.js';

/** What became of a customer channel's message (or group of messages): the core's answer to its adapter. */
export type MessageOutcome =
  | { kind: 'ignored'; reason: 'unmapped_channel' | 'awaiting_consent' | 'duplicate' | 'empty' }
  | { kind: 'staff'; tookOver: boolean }
  | { kind: 'quiet'; mode: Conversation['mode'] }
  /** `draftId`: in copilot mode the answer went to a specialist as this draft packet instead. */
  | { kind: 'decided'; decision: Decision; escalationId?: string; draftId?: string };
