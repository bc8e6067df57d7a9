import type { ReferenceFormat } from '../platform/reference-format.js';

/** Slack ids are written bare in the policy: channels C… (G… private), users U… (W… on Enterprise Grid). */
export const SLACK_REFERENCES: ReferenceFormat = {
  tag: 'slack',
  untagged: true,
  customerChannel: { id: /^[CG][A-Z0-9]+$/, described: 'a Slack channel id such as C0123ABCD' },
  internalChannel: { id: /^[CG][A-Z0-9]+$/, described: 'a Slack channel id such as C0123ABCD' },
  person: { id: /^[UW][A-Z0-9]+$/, described: 'a Slack user id such as U0123ABCD' },
};
