import type { App } from '@slack/bolt';
import { ACTION } from '../../core/model/actions.js';
import { renderNoteComposer } from '../render/note-composer.js';
import type { SlackDeps } from '../slack-deps.js';
import { registerStaffModal } from './staff-modal.js';

/** "Add note" on the packet opens the internal note's form, for staff only. */
export function registerOpenNoteComposer(app: App, deps: SlackDeps): void {
  registerStaffModal(app, deps, ACTION.addNote, renderNoteComposer);
}
