import type { App } from '@slack/bolt';
import { closeForm } from '../../core/escalation/close-escalation.js';
import { ACTION } from '../../core/model/actions.js';
import { renderCloseModal } from '../render/close-modal.js';
import type { SlackDeps } from '../slack-deps.js';
import { registerStaffModal } from './staff-modal.js';

/** Close on the packet opens the tagging modal. */
export function registerOpenCloseModal(app: App, deps: SlackDeps): void {
  registerStaffModal(app, deps, ACTION.close, (id) => renderCloseModal(closeForm(deps.core.policy, id)));
}
