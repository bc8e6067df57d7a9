import type { LoopDeps } from '../../core/deps.js';
import type { SlackDeps } from '../slack-deps.js';
import { BatonError } from '../../core/errors/error-catalogue.js';

/** The loop's listeners are only registered when the composition root wired the loop ports. */
export function loopDeps(deps: SlackDeps): LoopDeps {
  const { loop } = deps.core;
  if (!loop) throw new BatonError('BATON_LOOP_MISSING', 'loop listeners registered without loop ports');
  return { ...deps.core, loop };
}
