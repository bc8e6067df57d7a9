import type { Activity } from '@microsoft/agents-activity';
import type { LoopDeps } from '../../core/deps.js';
import type { AfterTurnWork } from '../intake/after-turn-item.js';
import { UPLOAD_WORK, uploadAllowedFile } from './export-files.js';
import { runLeadCommand } from './lead-commands.js';

/** Does the work a turn recorded for after it, by the name it was recorded under: a file upload a lead allowed, or a lead's command. */
export function performAfterTurn(core: LoopDeps, { name, data }: AfterTurnWork): Promise<Partial<Activity>[]> {
  return name === UPLOAD_WORK ? uploadAllowedFile(core, data) : runLeadCommand(core, name, data);
}
