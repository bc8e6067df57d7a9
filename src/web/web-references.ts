import type { ReferenceFormat } from '../platform/reference-format.js';

/** A playground room after `web:`, named in an account's channels; the playground makes its queues' rooms itself. */
export const WEB_REFERENCES: ReferenceFormat = {
  tag: 'web',
  customerChannel: { id: /^[A-Za-z0-9_.-]+$/, described: 'web:<room>' },
};
