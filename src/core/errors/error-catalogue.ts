/**
 * Every error Baton throws on purpose, by code: what it means for the operator who finds it in the logs
 * (or in `baton inbox list`), and what to do. A surprise (a bug) has no code here; an expected outcome is
 * a value, never one of these. docs/operating.md lists the same codes.
 */
export const ERROR_CATALOGUE = {
  BATON_STORE_URI: 'BATON_STORE names no store Baton knows: set sqlite://path or redis://host.',
  BATON_STORE_WRITE: 'The store refused a write (disk full, read-only, Redis away): the event is retried; fix the store.',
  BATON_INBOX_WRITE: 'The store did not take an event before its acknowledgement: the platform delivers it again; fix the store.',
  BATON_BACKLOG_FULL: 'More events wait than BATON_MAX_BACKLOG: new ones are refused so the platform delivers them again later.',
  BATON_NOT_RECORDED: 'An event could not be recorded before its acknowledgement: the platform delivers it again.',
  BATON_LOCK_TIMEOUT: 'Another instance held a conversation\u2019s lock too long (Redis slow or a stuck instance): the event is retried.',
  STORE_PROBE_MISMATCH: '/readyz: the store did not give back what was written to it; check the store.',
  TIMEOUT: 'The store or a platform did not answer Baton\u2019s check at start in time: Baton does not start; the line names which.',
  HTTP_ROUTE_TAKEN: 'Two parts of Baton asked for the same HTTP route: a bug in the composition, reported at start.',
  BATON_NO_PLATFORM: 'An inbox item belongs to a platform this instance does not run (its settings were removed): it becomes a dead letter.',
  BATON_NOT_SLACK: 'A leads\u2019 message was addressed to a channel that is not Slack\u2019s: a bug, the message is retried.',
  BATON_LOOP_MISSING: 'A platform\u2019s lead commands were registered without the loop ports: a bug in the composition, at start.',
  BATON_UPLOAD_FAILED: 'Slack refused a file upload (the report chart): the post is retried.',
  BATON_TEAMS_UPLOAD: 'Teams refused the upload of an export file a lead asked for: the lead is told it failed and may ask again.',
  BATON_RESET_REDIS: 'The playground\u2019s reset changes only a SQLite store (alone, its own; beside Slack or Teams, only what it wrote); it refuses a shared Redis.',
  BATON_QUEUE_MISSING: 'A conversation was routed to a queue the policy no longer has: fix routing in the policy.',
  BATON_ACCOUNT_MISSING: 'A conversation\u2019s account is no longer in the policy: map the channel again.',
  BATON_NO_BUSINESS_HOURS: 'The business hours leave no open time within a year: fix `hours` in the policy.',
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** An error of the catalogue: its code, the message for the logs, and the cause when there is one. */
export class BatonError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'BatonError';
  }

  /** What the operator should know and do. */
  get operator(): string {
    return ERROR_CATALOGUE[this.code];
  }
}
