import type { LoopDeps } from '../../core/deps.js';
import type { SlackDeps } from '../slack-deps.js';

/** The loop's listeners are only registered when the composition root wired the loop ports. */
export function loopDeps(deps: SlackDeps): LoopDeps {
  const { loop } = deps.core;
  if (!loop) throw Object.assign(new Error('loop listeners registered without loop ports'), { code: 'BATON_LOOP_MISSING' });
  return { ...deps.core, loop };
}
