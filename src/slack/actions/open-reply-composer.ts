import type { App } from '@slack/bolt';
import { ACTION } from '../../core/model/actions.js';
import { renderReplyComposer } from '../render/reply-composer.js';
import type { SlackDeps } from '../slack-deps.js';
import { registerStaffModal } from './staff-modal.js';

/**
 * "Reply to customer" on the packet opens the composer: sending to the customer is always this explicit
 * act, since the packet thread is internal and the customer may be on another platform.
 */
export function registerOpenReplyComposer(app: App, deps: SlackDeps): void {
  registerStaffModal(app, deps, ACTION.replyToCustomer, renderReplyComposer);
}
