/** An outside service Baton calls: a platform's tag, or the LLM. */
export type CallService = string;
export type CallOutcome = 'ok' | 'error' | 'rate_limited' | 'timeout';

/** What Baton counts for operators; the composition root wires a Prometheus registry behind it. */
export interface Metrics {
  /** An inbound event or interaction reached Baton (before it is stored or acknowledged). */
  eventReceived(platform: string): void;
  /** The platform was told we have the event (HTTP 2xx, a Socket Mode ack). */
  eventAcked(platform: string): void;
  /** Baton finished its work on an event; `outcome` is `ok` or `error`. */
  eventProcessed(platform: string, outcome: 'ok' | 'error'): void;
  /** Events taken but not yet processed. */
  intakeBacklog(depth: number): void;
  /** An inbox item failed every try and was set aside as a dead letter. */
  deadLettered(platform: string): void;
  /** One policy decision: answer | escalate | ignore, and the trigger that fired (`none` when none). */
  decision(action: string, trigger: string): void;
  /** One outbound call to Slack, Teams or the LLM, with its duration. */
  call(service: CallService, method: string, seconds: number, outcome: CallOutcome): void;
}

/** For tests and tools that count nothing. */
export const noMetrics: Metrics = {
  eventReceived: () => undefined,
  eventAcked: () => undefined,
  eventProcessed: () => undefined,
  intakeBacklog: () => undefined,
  deadLettered: () => undefined,
  decision: () => undefined,
  call: () => undefined,
};
